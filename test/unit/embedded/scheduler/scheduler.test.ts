import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import type {EmbeddedBackend} from '../../../../src/embedded/embedded-backend.js'
import {coreRef, openTempCluster, type TempCluster} from '../temp-cluster.js'

let cluster: TempCluster
let api: EmbeddedBackend
const pods = coreRef('pods', 'default')
const nodes = coreRef('nodes')

beforeEach(async () => {
  cluster = await openTempCluster('default')
  api = cluster.backend
})

afterEach(async () => {
  await cluster.dispose()
})

function pod(
  name: string,
  options: {cpu?: string; labels?: Record<string, string>; owner?: KubeObject} = {},
): KubeObject {
  const container: Record<string, unknown> = {name: 'app', image: 'nginx'}
  if (options.cpu) container['resources'] = {requests: {cpu: options.cpu}}
  const metadata: KubeObject['metadata'] = {name, namespace: 'default'}
  if (options.labels) metadata.labels = options.labels
  if (options.owner) {
    metadata.ownerReferences = [
      {
        apiVersion: 'v1',
        kind: options.owner.kind,
        name: options.owner.metadata.name ?? '',
        uid: options.owner.metadata.uid ?? '',
        controller: true,
      },
    ]
  }
  return {apiVersion: 'v1', kind: 'Pod', metadata, spec: {containers: [container]}}
}

async function settled<T>(promise: Promise<T>): Promise<T> {
  const value = await promise
  await api.settle()
  return value
}

async function nodeOf(name: string): Promise<string | undefined> {
  const found = await api.get(pods, name)
  return (found['spec'] as {nodeName?: string}).nodeName
}

async function eventsFor(
  name: string,
): Promise<Array<{reason: string; message: string; type: string; count: number; source: {component: string}}>> {
  const events = (await api.list(coreRef('events', 'default'))).items
  return events
    .filter((e) => (e['involvedObject'] as {name: string}).name === name)
    .map(
      (e) =>
        e as unknown as {reason: string; message: string; type: string; count: number; source: {component: string}},
    )
}

function scheduledCondition(object: KubeObject): Record<string, unknown> | undefined {
  const conditions = (object['status'] as {conditions?: Array<Record<string, unknown>>}).conditions ?? []
  return conditions.find((c) => c['type'] === 'PodScheduled')
}

const TOO_BIG =
  '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. ' +
  'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.'

describe('the scheduler controller', () => {
  it('binds a pending pod to a worker and records Scheduled', async () => {
    await settled(api.create(pod('web')))
    const node = await nodeOf('web')
    expect(node).toMatch(/^skiff-worker\d?$/)
    const events = await eventsFor('web')
    expect(events).toEqual([
      expect.objectContaining({
        type: 'Normal',
        reason: 'Scheduled',
        message: `Successfully assigned default/web to ${node}`,
        source: {component: 'default-scheduler'},
      }),
    ])
    expect(scheduledCondition(await api.get(pods, 'web'))).toMatchObject({status: 'True'})
  })

  it('leaves a pod that fits nowhere Pending with kube-scheduler’s message', async () => {
    await settled(api.create(pod('big', {cpu: '5'})))
    const found = await api.get(pods, 'big')
    expect(await nodeOf('big')).toBeUndefined()
    expect((found['status'] as {phase: string}).phase).toBe('Pending')
    expect(scheduledCondition(found)).toMatchObject({
      status: 'False',
      reason: 'Unschedulable',
      message: TOO_BIG,
      lastProbeTime: null,
    })
    const events = await eventsFor('big')
    expect(events).toEqual([
      expect.objectContaining({type: 'Warning', reason: 'FailedScheduling', message: TOO_BIG, count: 1}),
    ])
  })

  it('does not try again while nothing changes', async () => {
    await settled(api.create(pod('big', {cpu: '5'})))
    await settled(
      api.create({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'unrelated', namespace: 'default'}}),
    )
    expect((await eventsFor('big'))[0]?.count).toBe(1)
  })

  it('places a waiting pod once a node with room appears', async () => {
    await settled(api.create(pod('big', {cpu: '5'})))
    const worker = await api.get(nodes, 'skiff-worker3')
    const status = structuredClone(worker['status']) as {
      allocatable: Record<string, string>
      capacity: Record<string, string>
    }
    status.allocatable['cpu'] = '8'
    status.capacity['cpu'] = '8'
    await settled(api.update({...worker, status}, {subresource: 'status'}))
    expect(await nodeOf('big')).toBe('skiff-worker3')
  })

  it('places a waiting pod once a bound pod that held the room is deleted', async () => {
    await settled(api.create(pod('first', {cpu: '3'})))
    await settled(api.create(pod('second', {cpu: '3'})))
    await settled(api.create(pod('third', {cpu: '3'})))
    await settled(api.create(pod('fourth', {cpu: '3'})))
    expect(await nodeOf('fourth')).toBeUndefined()
    await settled(api.delete(pods, 'first', {gracePeriodSeconds: 0}))
    expect(await nodeOf('fourth')).toBeDefined()
  })

  it('spreads pods of one owner over the three workers', async () => {
    const owner = await api.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {name: 'web-owner', namespace: 'default'},
    })
    for (const name of ['web-a', 'web-b', 'web-c']) await settled(api.create(pod(name, {labels: {app: 'web'}, owner})))
    const placed = await Promise.all(['web-a', 'web-b', 'web-c'].map(nodeOf))
    expect([...placed].sort()).toEqual(['skiff-worker', 'skiff-worker2', 'skiff-worker3'])
  })
})
