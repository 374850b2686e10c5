import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import type {EmbeddedBackend} from '../../../../src/embedded/embedded-backend.js'
import {advanceCluster} from '../../../../src/embedded/open-cluster.js'
import {coreRef, deploymentsRef, openTempCluster, type TempCluster} from '../temp-cluster.js'
import {deployment, isReady, livePods, podsRef} from './workload-fixtures.js'

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

const endpointsRef = coreRef('endpoints', 'default')

function service(name: string, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {name, namespace: 'default', labels: {app: name}},
    spec: {selector: {app: name}, ports: [{port: 80, protocol: 'TCP', targetPort: 80}], ...extra},
  }
}

interface Address {
  ip: string
  nodeName?: string
  targetRef?: {kind: string; name: string; namespace: string; uid: string}
}
interface Subset {
  addresses?: Address[]
  notReadyAddresses?: Address[]
  ports?: Array<{name?: string; port: number; protocol: string}>
}

async function subsets(name: string): Promise<Subset[]> {
  return ((await api.get(endpointsRef, name))['subsets'] as Subset[] | undefined) ?? []
}

/** `ip:port` of every ready address, as `describe service` prints them. */
async function readyEndpoints(name: string): Promise<string[]> {
  return (await subsets(name)).flatMap((s) =>
    (s.addresses ?? []).flatMap((a) => (s.ports ?? []).map((p) => `${a.ip}:${p.port}`)),
  )
}

function podIP(pod: KubeObject): string {
  return (pod['status'] as {podIP?: string}).podIP ?? ''
}

describe('the endpoints controller', () => {
  it('lists the ready pods of a service with their node and a reference to the pod', async () => {
    await api.create(deployment('web', 2))
    await api.create(service('web'))
    await advanceCluster(api, 60_000)
    const pods = await livePods(api)
    expect(pods.every(isReady)).toBe(true)
    const [subset, ...rest] = await subsets('web')
    expect(rest).toEqual([])
    expect(subset?.ports).toEqual([{port: 80, protocol: 'TCP'}])
    const byIp = [...pods].sort((a, b) => (podIP(a) < podIP(b) ? -1 : 1))
    expect(subset?.addresses).toEqual(
      byIp.map((pod) => ({
        ip: podIP(pod),
        nodeName: (pod['spec'] as {nodeName: string}).nodeName,
        targetRef: {kind: 'Pod', namespace: 'default', name: pod.metadata.name, uid: pod.metadata.uid},
      })),
    )
    const endpoints = await api.get(endpointsRef, 'web')
    expect(endpoints.metadata.labels).toEqual({app: 'web'})
    expect(endpoints.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toMatch(/Z$/)
  })

  it('lists pods that are not ready yet under notReadyAddresses', async () => {
    await api.create(deployment('web', 1))
    await api.create(service('web'))
    // the pod has an IP once its sandbox is up, before its container is ready
    for (let i = 0; i < 60; i++) {
      await advanceCluster(api, 250)
      const [pod] = await livePods(api)
      if (pod && podIP(pod) !== '' && !isReady(pod)) {
        const [subset] = await subsets('web')
        expect(subset?.notReadyAddresses?.map((a) => a.ip)).toEqual([podIP(pod)])
        expect(subset?.addresses).toBeUndefined()
        return
      }
    }
    throw new Error('the pod never had an IP while not ready')
  })

  it('follows scaling up and down', async () => {
    await api.create(deployment('web', 2))
    await api.create(service('web'))
    await advanceCluster(api, 60_000)
    expect(await readyEndpoints('web')).toHaveLength(2)
    await api.patch(deploymentsRef(), 'web', {type: 'merge', body: {spec: {replicas: 3}}})
    await advanceCluster(api, 60_000)
    expect(await readyEndpoints('web')).toHaveLength(3)
    await api.patch(deploymentsRef(), 'web', {type: 'merge', body: {spec: {replicas: 1}}})
    await advanceCluster(api, 60_000)
    const ips = (await livePods(api)).map((p) => `${podIP(p)}:80`)
    expect(await readyEndpoints('web')).toEqual(ips)
  })

  it('resolves a named targetPort against each pod container ports', async () => {
    const d = deployment('web', 1)
    const template = (d['spec'] as {template: {spec: {containers: Array<Record<string, unknown>>}}}).template
    template.spec.containers[0] = {...template.spec.containers[0], ports: [{name: 'http', containerPort: 8080}]}
    await api.create(d)
    await api.create(service('web', {ports: [{name: 'web', port: 80, protocol: 'TCP', targetPort: 'http'}]}))
    await advanceCluster(api, 60_000)
    const [subset] = await subsets('web')
    expect(subset?.ports).toEqual([{name: 'web', port: 8080, protocol: 'TCP'}])
  })

  it('drops a pod relabelled out of the selector', async () => {
    await api.create(deployment('web', 1))
    await api.create(service('web', {selector: {app: 'web', tier: 'front'}}))
    await advanceCluster(api, 60_000)
    expect(await subsets('web')).toEqual([])
    const [pod] = await livePods(api)
    const labelled = {...structuredClone(pod as KubeObject)}
    labelled.metadata.labels = {...labelled.metadata.labels, tier: 'front'}
    await api.update(labelled)
    await advanceCluster(api, 1000)
    expect(await readyEndpoints('web')).toHaveLength(1)
    const again = await api.get(podsRef, labelled.metadata.name ?? '')
    again.metadata.labels = {...again.metadata.labels, tier: 'back'}
    await api.update(again)
    await advanceCluster(api, 1000)
    expect(await subsets('web')).toEqual([])
  })

  it('leaves services without a selector alone and deletes the Endpoints with the service', async () => {
    await api.create({...service('ext'), spec: {ports: [{port: 80}]}})
    await api.create(service('web'))
    await advanceCluster(api, 1000)
    const names = (await api.list(endpointsRef)).items.map((e) => e.metadata.name)
    expect(names).toEqual(['kubernetes', 'web'])
    await api.delete(coreRef('services', 'default'), 'web', {})
    await advanceCluster(api, 1000)
    expect((await api.list(endpointsRef)).items.map((e) => e.metadata.name)).toEqual(['kubernetes'])
  })

  it('points the kubernetes service at the control-plane node', async () => {
    await advanceCluster(api, 1000)
    const endpoints = await api.get(endpointsRef, 'kubernetes')
    expect(endpoints.metadata.labels).toEqual({'endpointslice.kubernetes.io/skip-mirror': 'true'})
    expect(endpoints['subsets']).toEqual([
      {addresses: [{ip: '172.18.0.2'}], ports: [{name: 'https', port: 6443, protocol: 'TCP'}]},
    ])
  })
})
