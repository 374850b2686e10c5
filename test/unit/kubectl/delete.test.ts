import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../src/backend/object.js'
import type {EmbeddedBackend} from '../../../src/embedded/embedded-backend.js'
import {parseCascade, parseTimeoutMs} from '../../../src/kubectl/delete-flags.js'
import {deleteResources, waitForDeletion, type Deleted, type DeleteRequest} from '../../../src/kubectl/delete.js'
import {resolveArgTargets} from '../../../src/kubectl/targets.js'
import {ResourceRegistry} from '../../../src/resources/registry.js'
import {openTempCluster, type TempCluster} from '../embedded/temp-cluster.js'

let cluster: TempCluster
let api: EmbeddedBackend
let registry: ResourceRegistry

beforeEach(async () => {
  cluster = await openTempCluster()
  api = cluster.backend
  registry = new ResourceRegistry(await api.discover())
})

afterEach(async () => {
  await cluster.dispose()
})

const configMaps = {group: '', version: 'v1', resource: 'configmaps', namespace: 'default'}

function configMap(name: string, extra: Partial<KubeObject['metadata']> = {}, namespace = 'default'): KubeObject {
  return {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name, namespace, ...extra}}
}

function request(args: string[], overrides: Partial<DeleteRequest> = {}, namespace?: string): DeleteRequest {
  return {
    visits: resolveArgTargets(registry, {args, namespace: namespace ?? 'default'}),
    ignoreNotFound: false,
    cascade: 'background',
    dryRun: 'none',
    ...overrides,
  }
}

async function remaining(): Promise<string[]> {
  return (await api.list({...configMaps, namespace: undefined})).items.map(
    (o) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`,
  )
}

async function run(req: DeleteRequest): Promise<{deleted: Deleted[]; errors: unknown[]; reported: string[]}> {
  const reported: string[] = []
  const result = await deleteResources(api, req, (d) => reported.push(`${d.info.resource}/${d.name}`))
  return {...result, reported}
}

describe('deleteResources', () => {
  it('deletes named objects in order, reporting each with its uid', async () => {
    const a = await api.create(configMap('a'))
    const b = await api.create(configMap('b'))
    const result = await run(request(['cm', 'b', 'a']))
    expect(result.reported).toEqual(['configmaps/b', 'configmaps/a'])
    expect(result.deleted.map((d) => d.uid)).toEqual([b.metadata.uid, a.metadata.uid])
    expect(result.errors).toEqual([])
    expect(await remaining()).toEqual([])
  })

  it('continues past a missing object and returns its NotFound among the errors', async () => {
    await api.create(configMap('a'))
    const result = await run(request(['cm/missing', 'cm/a']))
    expect(result.reported).toEqual(['configmaps/a'])
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatchObject({status: {reason: 'NotFound', message: 'configmaps "missing" not found'}})
  })

  it('with --ignore-not-found leaves out NotFound, but not other errors', async () => {
    await api.create(configMap('a'))
    const result = await run(request(['cm', 'missing', 'a'], {ignoreNotFound: true}))
    expect(result.errors).toEqual([])
    expect(result.reported).toEqual(['configmaps/a'])
    const selectorError = await run(request(['cm'], {ignoreNotFound: true, labelSelector: 'app in web'}))
    expect(selectorError.errors).toHaveLength(1)
  })

  it('deletes what a label or field selector picks from a type, and nothing else', async () => {
    await api.create(configMap('a', {labels: {app: 'web'}}))
    await api.create(configMap('b', {labels: {app: 'db'}}))
    await api.create(configMap('c', {labels: {app: 'web'}}))
    expect((await run(request(['cm'], {labelSelector: 'app=web'}))).reported).toEqual(['configmaps/a', 'configmaps/c'])
    expect(await remaining()).toEqual(['default/b'])
    expect((await run(request(['cm'], {fieldSelector: 'metadata.name=b'}))).reported).toEqual(['configmaps/b'])
    expect(await remaining()).toEqual([])
  })

  it('deletes across all namespaces, each object in its own namespace', async () => {
    await api.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'shop'}})
    await api.create(configMap('a'))
    await api.create(configMap('b', {}, 'shop'))
    const req: DeleteRequest = {
      visits: resolveArgTargets(registry, {args: ['cm'], namespace: undefined}),
      ignoreNotFound: false,
      cascade: 'background',
      dryRun: 'none',
    }
    const result = await run(req)
    expect(result.deleted.map((d) => d.ref.namespace)).toEqual(['default', 'shop'])
    expect(await remaining()).toEqual([])
  })

  it('changes nothing with --dry-run=client or --dry-run=server, yet reports what it would delete', async () => {
    const a = await api.create(configMap('a'))
    for (const dryRun of ['client', 'server'] as const) {
      const result = await run(request(['cm', 'a'], {dryRun}))
      expect(result.reported).toEqual(['configmaps/a'])
      expect(result.deleted[0]?.uid).toBe(a.metadata.uid)
    }
    expect(await remaining()).toEqual(['default/a'])
  })

  it('reports a missing object on a client dry run too', async () => {
    const result = await run(request(['cm', 'nope'], {dryRun: 'client'}))
    expect(result.errors).toMatchObject([{status: {reason: 'NotFound'}}])
  })

  it('passes --cascade through as the propagation policy', async () => {
    const owner = await api.create(configMap('owner'))
    const ref = {apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata.uid ?? ''}
    await api.create(configMap('child', {ownerReferences: [ref]}))
    await run(request(['cm', 'owner'], {cascade: 'orphan'}))
    expect(await remaining()).toEqual(['default/child'])

    const second = await api.create(configMap('owner'))
    const secondRef = {apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: second.metadata.uid ?? ''}
    await api.create(configMap('child2', {ownerReferences: [secondRef]}))
    const [deleted] = (await run(request(['cm', 'owner'], {cascade: 'foreground'}))).deleted
    expect(deleted?.uid).toBe(second.metadata.uid)
    expect(await remaining()).toEqual(['default/child'])
  })

  it('passes a grace period of zero or more, and leaves a negative one to the object', async () => {
    await api.create({apiVersion: 'v1', kind: 'Node', metadata: {name: 'node-1'}})
    const pod = (name: string): KubeObject => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {name, namespace: 'default'},
      spec: {nodeName: 'node-1', containers: [{name: 'c', image: 'busybox'}]},
    })
    await api.create(pod('graceful'))
    await api.create(pod('now'))
    await run(request(['pods', 'graceful'], {gracePeriodSeconds: -1}))
    await run(request(['pods', 'now'], {gracePeriodSeconds: 0}))
    // read the store as the delete left it, before any simulated kubelet acts on the pods
    const stored = (name: string) => api.store.get({resource: '/pods', namespace: 'default', name})?.object
    expect(stored('graceful')?.metadata.deletionGracePeriodSeconds).toBe(30)
    expect(stored('now')).toBeUndefined()
  })
})

describe('waitForDeletion', () => {
  function fakeTime() {
    let now = 0
    const sleeps: number[] = []
    return {
      now: () => now,
      sleep: async (ms: number) => {
        sleeps.push(ms)
        now += ms
      },
      sleeps,
    }
  }

  async function deleteHeld(name: string): Promise<Deleted[]> {
    await api.create(configMap(name, {finalizers: ['example.com/hold']}))
    return (await run(request(['cm', name]))).deleted
  }

  it('returns at once when everything is gone', async () => {
    await api.create(configMap('a'))
    const {deleted} = await run(request(['cm', 'a']))
    const time = fakeTime()
    expect(await waitForDeletion(api, deleted, {timeoutMs: 1000, pollMs: 100, ...time})).toEqual({pending: []})
    expect(time.sleeps).toEqual([])
  })

  it('polls until the timeout and returns what is still there', async () => {
    const deleted = await deleteHeld('held')
    const time = fakeTime()
    const result = await waitForDeletion(api, deleted, {timeoutMs: 1000, pollMs: 300, ...time})
    expect(result.pending.map((d) => d.name)).toEqual(['held'])
    expect(time.sleeps).toEqual([300, 300, 300, 300])
  })

  it('finishes when the last finalizer goes while it waits', async () => {
    const deleted = await deleteHeld('held')
    const time = fakeTime()
    const result = await waitForDeletion(api, deleted, {
      timeoutMs: 60_000,
      pollMs: 500,
      now: time.now,
      sleep: async (ms) => {
        await time.sleep(ms)
        const held = await api.get(configMaps, 'held')
        await api.update({...held, metadata: {...held.metadata, finalizers: []}})
      },
    })
    expect(result).toEqual({pending: []})
    expect(time.sleeps).toEqual([500])
  })

  it('counts an object recreated under the same name, with another uid, as gone', async () => {
    await api.create(configMap('a'))
    const {deleted} = await run(request(['cm', 'a']))
    await api.create(configMap('a'))
    expect(await waitForDeletion(api, deleted, {timeoutMs: 1000, pollMs: 100, ...fakeTime()})).toEqual({pending: []})
  })
})

describe('parseCascade', () => {
  it('takes background, foreground and orphan, and the deprecated booleans', () => {
    expect(parseCascade('background')).toBe('background')
    expect(parseCascade('foreground')).toBe('foreground')
    expect(parseCascade('orphan')).toBe('orphan')
    expect(parseCascade('true')).toBe('background')
    expect(parseCascade('false')).toBe('orphan')
  })

  it('refuses anything else with kubectl’s words', () => {
    expect(() => parseCascade('sideways')).toThrow(
      'invalid cascade value (sideways). Must be "background", "foreground", or "orphan"',
    )
  })

  // kubectl delete_flags.go parseCascadingFlag (v1.32) reads booleans with strconv.ParseBool
  it.fails('takes every boolean spelling strconv.ParseBool takes', () => {
    expect(['1', 't', 'T', 'TRUE', 'True'].map(parseCascade)).toEqual(Array(5).fill('background'))
    expect(['0', 'f', 'F', 'FALSE', 'False'].map(parseCascade)).toEqual(Array(5).fill('orphan'))
  })
})

describe('parseTimeoutMs', () => {
  it('makes a zero timeout a week, as kubectl delete does', () => {
    expect(parseTimeoutMs('0')).toBe(7 * 24 * 3_600_000)
    expect(parseTimeoutMs('0s')).toBe(7 * 24 * 3_600_000)
    expect(parseTimeoutMs('45s')).toBe(45_000)
  })
})
