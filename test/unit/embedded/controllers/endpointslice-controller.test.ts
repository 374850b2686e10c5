import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import type {EmbeddedBackend} from '../../../../src/embedded/embedded-backend.js'
import {advanceCluster} from '../../../../src/embedded/open-cluster.js'
import {coreRef, deploymentsRef, openTempCluster, type TempCluster} from '../temp-cluster.js'
import {deployment, livePods} from './workload-fixtures.js'

let cluster: TempCluster
let api: EmbeddedBackend

beforeEach(async () => {
  vi.useFakeTimers({toFake: ['Date']})
  cluster = await openTempCluster()
  api = cluster.backend
})

afterEach(async () => {
  await cluster.dispose()
  vi.useRealTimers()
})

const slicesRef = {group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices', namespace: 'default'}

function service(name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {name, namespace: 'default', labels: {app: name}},
    spec: {selector: {app: name}, ports: [{port: 80, protocol: 'TCP', targetPort: 80}]},
  }
}

interface Endpoint {
  addresses: string[]
  conditions: {ready: boolean; serving: boolean; terminating: boolean}
  nodeName?: string
  targetRef?: {name: string}
}

async function slicesOf(name: string): Promise<KubeObject[]> {
  return (await api.list(slicesRef)).items.filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === name)
}

function endpointsOf(slice: KubeObject | undefined): Endpoint[] {
  return (slice?.['endpoints'] as Endpoint[] | null | undefined) ?? []
}

describe('the endpointslice controller', () => {
  it('creates one slice per service, owned by it, listing the pods with their conditions', async () => {
    await api.create(deployment('web', 2))
    const svc = await api.create(service('web'))
    await advanceCluster(api, 60_000)
    const [slice, ...rest] = await slicesOf('web')
    expect(rest).toEqual([])
    expect(slice?.metadata.name).toMatch(/^web-[a-z0-9]{5}$/)
    expect(slice?.metadata.generateName).toBe('web-')
    expect(slice?.metadata.labels).toEqual({
      app: 'web',
      'kubernetes.io/service-name': 'web',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    })
    expect(slice?.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Service',
        name: 'web',
        uid: svc.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ])
    expect(slice?.['addressType']).toBe('IPv4')
    expect(slice?.['ports']).toEqual([{name: '', protocol: 'TCP', port: 80}])
    const pods = await livePods(api)
    const endpoints = endpointsOf(slice)
    expect(endpoints.map((e) => e.targetRef?.name).sort()).toEqual(pods.map((p) => p.metadata.name).sort())
    for (const endpoint of endpoints) {
      expect(endpoint.conditions).toEqual({ready: true, serving: true, terminating: false})
      expect(endpoint.nodeName).toMatch(/^test-worker/)
    }
  })

  it('keeps a placeholder slice while no pod matches and reuses it when pods come', async () => {
    await api.create(service('web'))
    await advanceCluster(api, 1000)
    const [placeholder] = await slicesOf('web')
    expect(placeholder?.['endpoints']).toBeNull()
    expect(placeholder?.['ports']).toBeNull()
    await api.create(deployment('web', 1))
    await advanceCluster(api, 60_000)
    const slices = await slicesOf('web')
    expect(slices.map((s) => s.metadata.name)).toEqual([placeholder?.metadata.name])
    expect(endpointsOf(slices[0])).toHaveLength(1)
  })

  it('follows scaling and marks terminating pods', async () => {
    await api.create(deployment('web', 3))
    await api.create(service('web'))
    await advanceCluster(api, 60_000)
    expect(endpointsOf((await slicesOf('web'))[0])).toHaveLength(3)
    await api.patch(deploymentsRef(), 'web', {type: 'merge', body: {spec: {replicas: 1}}})
    await advanceCluster(api, 60_000)
    expect(endpointsOf((await slicesOf('web'))[0])).toHaveLength(1)
  })

  it('leaves its slices to the garbage collector when the service goes', async () => {
    await api.create(service('web'))
    await advanceCluster(api, 1000)
    expect(await slicesOf('web')).toHaveLength(1)
    await api.delete(coreRef('services', 'default'), 'web', {})
    await advanceCluster(api, 1000)
    expect(await slicesOf('web')).toEqual([])
  })

  it('gives the kubernetes service a slice named kubernetes pointing at the apiserver', async () => {
    await advanceCluster(api, 1000)
    const slice = await api.get(slicesRef, 'kubernetes')
    expect(slice.metadata.labels).toEqual({'kubernetes.io/service-name': 'kubernetes'})
    expect(slice['endpoints']).toEqual([{addresses: ['172.18.0.2'], conditions: {ready: true}}])
    expect(slice['ports']).toEqual([{name: 'https', protocol: 'TCP', port: 6443}])
  })
})
