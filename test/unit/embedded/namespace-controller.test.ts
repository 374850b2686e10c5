import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../src/backend/object.js'
import type {EmbeddedBackend} from '../../../src/embedded/embedded-backend.js'
import {coreRef, namespacesRef, openTempCluster, rejection, type TempCluster} from './temp-cluster.js'

let cluster: TempCluster
let api: EmbeddedBackend

beforeEach(async () => {
  cluster = await openTempCluster()
  api = cluster.backend
  await api.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'shop'}})
})

afterEach(async () => {
  await cluster.dispose()
})

function configMap(name: string, namespace: string, finalizers?: string[]): KubeObject {
  return {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name, namespace, ...(finalizers ? {finalizers} : {})}}
}

async function contentOf(namespace: string): Promise<string[]> {
  await api.settle()
  return api.store.listInNamespace(namespace).map((s) => `${s.resource} ${s.object.metadata.name}`)
}

describe('a new namespace', () => {
  it('is Active with the kubernetes finalizer and gets a default ServiceAccount', async () => {
    const ns = await api.get(namespacesRef, 'shop')
    expect(ns['status']).toEqual({phase: 'Active'})
    expect(ns['spec']).toEqual({finalizers: ['kubernetes']})
    expect(await contentOf('shop')).toEqual(['/serviceaccounts default'])
  })

  it('gets its default ServiceAccount back when someone deletes it', async () => {
    const before = await api.get(coreRef('serviceaccounts', 'shop'), 'default')
    await api.delete(coreRef('serviceaccounts', 'shop'), 'default')
    const after = await api.get(coreRef('serviceaccounts', 'shop'), 'default')
    expect(after.metadata.uid).not.toBe(before.metadata.uid)
  })
})

describe('deleting a namespace', () => {
  it('answers with the namespace Terminating, then removes its content and then itself', async () => {
    await api.create(configMap('a', 'shop'))
    await api.create({apiVersion: 'v1', kind: 'Secret', metadata: {name: 's', namespace: 'shop'}})
    const response = (await api.delete(namespacesRef, 'shop')) as KubeObject
    expect(response.metadata.deletionTimestamp).toEqual(expect.any(String))
    expect(response['status']).toEqual({phase: 'Terminating'})

    expect(await contentOf('shop')).toEqual([])
    expect(await rejection(api.get(namespacesRef, 'shop'))).toEqual({
      reason: 'NotFound',
      code: 404,
      message: 'namespaces "shop" not found',
    })
  })

  it('leaves other namespaces alone', async () => {
    await api.create(configMap('a', 'shop'))
    await api.create(configMap('b', 'default'))
    await api.delete(namespacesRef, 'shop')
    expect((await api.get(coreRef('configmaps', 'default'), 'b')).metadata.name).toBe('b')
  })

  it('stays Terminating while content is held by a finalizer, and goes once it is released', async () => {
    await api.create(configMap('held', 'shop', ['example.com/hold']))
    await api.delete(namespacesRef, 'shop')
    expect(await contentOf('shop')).toEqual(['/configmaps held'])
    const ns = await api.get(namespacesRef, 'shop')
    expect(ns['status']).toEqual({phase: 'Terminating'})
    expect(ns['spec']).toEqual({finalizers: ['kubernetes']})

    const held = await api.get(coreRef('configmaps', 'shop'), 'held')
    expect(held.metadata.deletionTimestamp).toEqual(expect.any(String))
    await api.update({...held, metadata: {...held.metadata, finalizers: []}})
    expect(await contentOf('shop')).toEqual([])
    expect((await rejection(api.get(namespacesRef, 'shop'))).reason).toBe('NotFound')
  })

  it('keeps the same deletionTimestamp when deleted again while terminating', async () => {
    await api.create(configMap('held', 'shop', ['example.com/hold']))
    const first = (await api.delete(namespacesRef, 'shop')) as KubeObject
    await api.settle()
    const second = (await api.delete(namespacesRef, 'shop')) as KubeObject
    expect(second.metadata.deletionTimestamp).toBe(first.metadata.deletionTimestamp)
  })

  it('refuses new content while terminating', async () => {
    await api.create(configMap('held', 'shop', ['example.com/hold']))
    await api.delete(namespacesRef, 'shop')
    expect(await rejection(api.create(configMap('late', 'shop')))).toMatchObject({reason: 'Forbidden', code: 403})
    expect(
      (
        await rejection(
          api.create({apiVersion: 'v1', kind: 'ConfigMap', metadata: {generateName: 'x-', namespace: 'shop'}}),
        )
      ).message,
    ).toBe('configmaps is forbidden: unable to create new content in namespace shop because it is being terminated')
  })

  it('with dryRun changes nothing', async () => {
    await api.create(configMap('a', 'shop'))
    const response = (await api.delete(namespacesRef, 'shop', {dryRun: true})) as KubeObject
    expect(response.metadata.deletionTimestamp).toEqual(expect.any(String))
    expect((await api.get(namespacesRef, 'shop'))['status']).toEqual({phase: 'Active'})
    expect(await contentOf('shop')).toEqual(['/configmaps a', '/serviceaccounts default'])
  })
})

describe('immortal namespaces', () => {
  it.each(['default', 'kube-system', 'kube-public'])('refuses to delete %s as Forbidden', async (name) => {
    expect(await rejection(api.delete(namespacesRef, name))).toEqual({
      reason: 'Forbidden',
      code: 403,
      message: `namespaces "${name}" is forbidden: this namespace may not be deleted`,
    })
    expect((await api.get(namespacesRef, name))['status']).toEqual({phase: 'Active'})
  })

  it('lets kube-node-lease be deleted, as NamespaceLifecycle does', async () => {
    await api.delete(namespacesRef, 'kube-node-lease')
    expect((await rejection(api.get(namespacesRef, 'kube-node-lease'))).reason).toBe('NotFound')
  })
})
