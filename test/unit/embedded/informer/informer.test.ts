import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {Informer} from '../../../../src/embedded/informer/informer.js'
import {Store} from '../../../../src/embedded/store/store.js'
import {openTempCluster, type TempCluster} from '../temp-cluster.js'
import {join} from 'node:path'

let cluster: TempCluster
// another process's connection to the same store
let other: Store

beforeEach(async () => {
  cluster = await openTempCluster()
  other = new Store(join(cluster.home, 'clusters', 'test', 'store.db'))
})

afterEach(async () => {
  other.close()
  await cluster.dispose()
})

function configMap(name: string, data: Record<string, string> = {}): KubeObject {
  return {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name, namespace: 'default', uid: `uid-${name}`}, data}
}

const key = (name: string) => ({resource: '/configmaps', namespace: 'default', name})

describe('the informer', () => {
  it('holds what is stored, and sees this process’s writes as they are made', () => {
    const store = cluster.backend.store
    const informer = new Informer(store)
    expect(informer.cache.get({resource: '/namespaces', namespace: '', name: 'default'})).toBeDefined()
    store.transaction(() => store.put(key('mine'), configMap('mine')))
    expect(informer.cache.get(key('mine'))?.metadata.name).toBe('mine')
  })

  it('hands the controllers every change after a cursor in revision order, other processes’ ones included', () => {
    const store = cluster.backend.store
    const informer = new Informer(store)
    const cursor = store.revision()
    store.transaction(() => store.put(key('a'), configMap('a')))
    other.transaction(() => other.put(key('b'), configMap('b')))
    store.transaction(() => store.remove(key('a'), configMap('a')))
    const batch = informer.changesAfter(cursor, 100)
    expect(batch.changes.map((c) => `${c.type} ${c.name}`)).toEqual(['ADDED a', 'ADDED b', 'DELETED a'])
    expect(batch.revision).toBe(store.revision())
    expect(informer.cache.get(key('b'))).toBeDefined()
    expect(informer.cache.get(key('a'))).toBeUndefined()
  })

  it('starts afresh from the store when a rollback undoes writes it had seen', () => {
    const store = cluster.backend.store
    const informer = new Informer(store)
    expect(informer.cache.get(key('lost'))).toBeUndefined()
    store.beginBatch()
    store.put(key('lost'), configMap('lost'))
    expect(informer.cache.get(key('lost'))).toBeDefined()
    store.rollbackBatch()
    expect(informer.cache.get(key('lost'))).toBeUndefined()
  })

  it('relists when the change log no longer reaches back to the cursor', () => {
    const store = cluster.backend.store
    const informer = new Informer(store)
    // a cursor far behind what the log retains: the log keeps the last 10,000 changes
    store.transaction(() => {
      for (let i = 0; i < 11_100; i++) store.put(key('busy'), configMap('busy', {i: `${i}`}))
    })
    expect(store.oldestRetainedRevision()).toBeGreaterThan(2)
    const batch = informer.changesAfter(1, 100)
    expect(batch.changes.length).toBeGreaterThan(5)
    expect(batch.changes.some((c) => c.name === 'busy' && c.object['data'] !== undefined)).toBe(true)
    expect(batch.revision).toBe(store.revision())
  })
})
