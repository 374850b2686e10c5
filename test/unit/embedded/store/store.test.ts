import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {Store, type StoreKey} from '../../../../src/embedded/store/store.js'

let dir: string
let file: string
const opened: Store[] = []

function openStore(): Store {
  const store = new Store(file)
  opened.push(store)
  return store
}

function configMap(name: string, namespace = 'default', extra: Partial<KubeObject['metadata']> = {}): KubeObject {
  return {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name, namespace, uid: `uid-${namespace}-${name}`, ...extra}}
}

function key(name: string, namespace = 'default', resource = '/configmaps'): StoreKey {
  return {resource, namespace, name}
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'skiff-store-'))
  file = join(dir, 'store.db')
})

afterEach(() => {
  for (const store of opened.splice(0)) store.close()
  rmSync(dir, {recursive: true, force: true})
})

describe('Store revisions', () => {
  it('starts at revision 0 and gives each write the next revision as its resourceVersion', () => {
    const store = openStore()
    expect(store.revision()).toBe(0)
    const first = store.transaction(() => store.put(key('a'), configMap('a')))
    const second = store.transaction(() => store.put(key('b'), configMap('b')))
    const updated = store.transaction(() => store.put(key('a'), {...configMap('a'), data: {x: '1'}}))
    expect([first, second, updated].map((o) => o.metadata.resourceVersion)).toEqual(['1', '2', '3'])
    expect(store.revision()).toBe(3)
    expect(store.get(key('a'))).toEqual({object: updated, revision: 3})
  })

  it('does not change the object it was given', () => {
    const store = openStore()
    const input = configMap('a')
    store.transaction(() => store.put(key('a'), input))
    expect(input.metadata.resourceVersion).toBeUndefined()
  })

  it('counts a removal as a write and returns the object at the removal revision', () => {
    const store = openStore()
    const stored = store.transaction(() => store.put(key('a'), configMap('a')))
    const removed = store.transaction(() => store.remove(key('a'), stored))
    expect(removed.metadata.resourceVersion).toBe('2')
    expect(store.get(key('a'))).toBeUndefined()
    expect(store.revision()).toBe(2)
  })

  it('counts several writes in one transaction one revision each', () => {
    const store = openStore()
    const versions = store.transaction(() =>
      ['a', 'b', 'c'].map((name) => store.put(key(name), configMap(name)).metadata.resourceVersion),
    )
    expect(versions).toEqual(['1', '2', '3'])
  })
})

describe('Store.list', () => {
  it('orders by namespace then name, and filters by namespace when one is given', () => {
    const store = openStore()
    store.transaction(() => {
      for (const [ns, name] of [
        ['zeta', 'a'],
        ['alpha', 'b'],
        ['alpha', 'a'],
        ['default', 'm'],
      ] as const)
        store.put(key(name, ns), configMap(name, ns))
      store.put(key('other', 'alpha', '/secrets'), configMap('other', 'alpha'))
    })
    const names = (items: Array<{object: KubeObject}>) =>
      items.map((s) => `${s.object.metadata.namespace}/${s.object.metadata.name}`)
    expect(names(store.list('/configmaps'))).toEqual(['alpha/a', 'alpha/b', 'default/m', 'zeta/a'])
    expect(names(store.list('/configmaps', 'alpha'))).toEqual(['alpha/a', 'alpha/b'])
    expect(store.list('/configmaps', 'nowhere')).toEqual([])
  })

  it('lists every resource of a namespace with its resource key', () => {
    const store = openStore()
    store.transaction(() => {
      store.put(key('web', 'shop', '/services'), configMap('web', 'shop'))
      store.put(key('cfg', 'shop'), configMap('cfg', 'shop'))
      store.put(key('elsewhere', 'default'), configMap('elsewhere'))
    })
    expect(store.listInNamespace('shop').map((s) => `${s.resource} ${s.object.metadata.name}`)).toEqual([
      '/configmaps cfg',
      '/services web',
    ])
  })
})

describe('Store.changesAfter', () => {
  it('logs ADDED, MODIFIED and DELETED in revision order, with the object as written', () => {
    const store = openStore()
    const added = store.transaction(() => store.put(key('a'), configMap('a')))
    store.transaction(() => store.put(key('a'), {...added, data: {k: 'v'}}))
    store.transaction(() => store.remove(key('a'), added))
    const changes = store.changesAfter(0)
    expect(changes.map((c) => [c.revision, c.type, c.resource, c.namespace, c.name])).toEqual([
      [1, 'ADDED', '/configmaps', 'default', 'a'],
      [2, 'MODIFIED', '/configmaps', 'default', 'a'],
      [3, 'DELETED', '/configmaps', 'default', 'a'],
    ])
    expect(changes[1]?.object['data']).toEqual({k: 'v'})
    expect(changes[2]?.object.metadata.resourceVersion).toBe('3')
  })

  it('returns only changes after the given revision, up to the limit', () => {
    const store = openStore()
    store.transaction(() => {
      for (const name of ['a', 'b', 'c', 'd']) store.put(key(name), configMap(name))
    })
    expect(store.changesAfter(2).map((c) => c.name)).toEqual(['c', 'd'])
    expect(store.changesAfter(0, 2).map((c) => c.name)).toEqual(['a', 'b'])
    expect(store.changesAfter(4)).toEqual([])
  })

  it('keeps the oldest retained revision at the first logged change', () => {
    const store = openStore()
    expect(store.oldestRetainedRevision()).toBe(0)
    store.transaction(() => store.put(key('a'), configMap('a')))
    store.transaction(() => store.put(key('b'), configMap('b')))
    expect(store.oldestRetainedRevision()).toBe(1)
  })
})

describe('Store owner references', () => {
  const owner = configMap('owner', 'default', {uid: 'owner-uid'})
  const dependent = (name: string): KubeObject =>
    configMap(name, 'default', {
      ownerReferences: [{apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: 'owner-uid'}],
    })

  it('finds dependents by the owner uid and an object by its own uid', () => {
    const store = openStore()
    store.transaction(() => {
      store.put(key('owner'), owner)
      store.put(key('d1', 'default', '/pods'), dependent('d1'))
      store.put(key('d2'), dependent('d2'))
      store.put(key('loner'), configMap('loner'))
    })
    expect(store.dependentsOf('owner-uid')).toEqual(expect.arrayContaining([key('d1', 'default', '/pods'), key('d2')]))
    expect(store.dependentsOf('owner-uid')).toHaveLength(2)
    expect(store.keyOfUid('owner-uid')).toEqual(key('owner'))
    expect(store.keyOfUid('uid-default-d1')).toEqual(key('d1', 'default', '/pods'))
    expect(store.keyOfUid('no-such-uid')).toBeUndefined()
  })

  it('drops the index entry when a dependent loses its owner reference or is removed', () => {
    const store = openStore()
    store.transaction(() => {
      store.put(key('d1'), dependent('d1'))
      store.put(key('d2'), dependent('d2'))
    })
    store.transaction(() => store.put(key('d1'), configMap('d1')))
    expect(store.dependentsOf('owner-uid')).toEqual([key('d2')])
    store.transaction(() => store.remove(key('d2'), dependent('d2')))
    expect(store.dependentsOf('owner-uid')).toEqual([])
    expect(store.keyOfUid('uid-default-d2')).toBeUndefined()
  })
})

describe('Store meta', () => {
  it('reads undefined for an unknown key and the value last written otherwise', () => {
    const store = openStore()
    expect(store.readMeta('clock.offsetMs')).toBeUndefined()
    store.transaction(() => store.writeMeta('clock.offsetMs', '300000'))
    store.transaction(() => store.writeMeta('clock.offsetMs', '600000'))
    expect(store.readMeta('clock.offsetMs')).toBe('600000')
  })

  it('keeps meta and objects across reopening the file', () => {
    const first = openStore()
    first.transaction(() => {
      first.writeMeta('bootstrapped', 'yes')
      first.put(key('a'), configMap('a'))
    })
    first.close()
    opened.splice(opened.indexOf(first), 1)
    const second = openStore()
    expect(second.readMeta('bootstrapped')).toBe('yes')
    expect(second.revision()).toBe(1)
    expect(second.get(key('a'))?.object.metadata.name).toBe('a')
  })
})

describe('Store.transaction', () => {
  it('leaves nothing written when the function throws', () => {
    const store = openStore()
    store.transaction(() => store.put(key('kept'), configMap('kept')))
    expect(() =>
      store.transaction(() => {
        store.put(key('a'), configMap('a'))
        store.writeMeta('marker', 'x')
        store.remove(key('kept'), configMap('kept'))
        throw new Error('admission failed')
      }),
    ).toThrow('admission failed')
    expect(store.get(key('a'))).toBeUndefined()
    expect(store.get(key('kept'))).toBeDefined()
    expect(store.readMeta('marker')).toBeUndefined()
    expect(store.revision()).toBe(1)
    expect(store.changesAfter(0).map((c) => c.name)).toEqual(['kept'])
  })

  it('joins an outer transaction instead of nesting, so an outer throw undoes the inner write', () => {
    const store = openStore()
    expect(() =>
      store.transaction(() => {
        store.transaction(() => store.put(key('inner'), configMap('inner')))
        throw new Error('outer failed')
      }),
    ).toThrow('outer failed')
    expect(store.get(key('inner'))).toBeUndefined()
  })

  it('returns what the function returns', () => {
    const store = openStore()
    expect(store.transaction(() => 42)).toBe(42)
    expect(store.snapshot(() => store.revision())).toBe(0)
  })
})

describe('Two Store instances on one file (two processes)', () => {
  it('never lose a write when they interleave, and share one revision sequence', () => {
    const a = openStore()
    const b = openStore()
    const versions: string[] = []
    for (let i = 0; i < 50; i++) {
      const writer = i % 2 === 0 ? a : b
      const stored = writer.transaction(() => writer.put(key(`cm-${i}`), configMap(`cm-${i}`)))
      versions.push(stored.metadata.resourceVersion ?? '')
    }
    expect(versions).toEqual(Array.from({length: 50}, (_, i) => String(i + 1)))
    expect(a.list('/configmaps')).toHaveLength(50)
    expect(b.revision()).toBe(50)
    expect(new Set(b.changesAfter(0).map((c) => c.revision)).size).toBe(50)
  })

  it('sees the other instance’s writes at once, including meta', () => {
    const a = openStore()
    const b = openStore()
    a.transaction(() => {
      a.put(key('from-a'), configMap('from-a'))
      a.writeMeta('controllers.cursor', '1')
    })
    expect(b.get(key('from-a'))?.revision).toBe(1)
    expect(b.readMeta('controllers.cursor')).toBe('1')
    const fromB = b.transaction(() => b.put(key('from-a'), {...configMap('from-a'), data: {by: 'b'}}))
    expect(fromB.metadata.resourceVersion).toBe('2')
    expect(a.get(key('from-a'))?.object['data']).toEqual({by: 'b'})
  })

  it('reads a consistent snapshot while the other instance writes', () => {
    const a = openStore()
    const b = openStore()
    a.transaction(() => a.put(key('x'), configMap('x')))
    const seen = b.snapshot(() => {
      const before = b.revision()
      a.transaction(() => a.put(key('y'), configMap('y')))
      return {before, after: b.revision(), items: b.list('/configmaps').length}
    })
    expect(seen).toEqual({before: 1, after: 1, items: 1})
    expect(b.revision()).toBe(2)
  })
})

describe('Store change log compaction', () => {
  it('keeps the last 10000 changes, compacting every 1000 revisions', () => {
    const store = openStore()
    store.transaction(() => {
      for (let i = 0; i < 11_000; i++) store.put(key('busy'), configMap('busy'))
    })
    expect(store.revision()).toBe(11_000)
    expect(store.oldestRetainedRevision()).toBe(1001)
    expect(store.changesAfter(0, 1)[0]?.revision).toBe(1001)
  })
})
