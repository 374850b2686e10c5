import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import type {EmbeddedBackend} from '../../../../src/embedded/embedded-backend.js'
import {crashNode, restoreNode} from '../../../../src/embedded/node-power-actions.js'
import {advanceCluster} from '../../../../src/embedded/open-cluster.js'
import {coreRef, openTempCluster, type TempCluster} from '../temp-cluster.js'
import {advanceUntilRolledOut, deployment, isReady, livePods} from './workload-fixtures.js'

let cluster: TempCluster
let api: EmbeddedBackend
const nodesRef = coreRef('nodes')

beforeEach(async () => {
  // cluster time is wall time plus what advanceCluster adds: freeze the wall clock so only the test moves time
  vi.useFakeTimers({toFake: ['Date']})
  cluster = await openTempCluster()
  api = cluster.backend
})

afterEach(async () => {
  await cluster.dispose()
  vi.useRealTimers()
})

function conditions(node: KubeObject): Array<{type: string; status: string; reason?: string; message?: string}> {
  return (node['status'] as {conditions: Array<{type: string; status: string; reason?: string; message?: string}>})
    .conditions
}

function taints(node: KubeObject): Array<{key: string; effect: string; timeAdded?: string}> {
  return (node['spec'] as {taints?: Array<{key: string; effect: string; timeAdded?: string}>}).taints ?? []
}

async function nodeEvents(): Promise<string[]> {
  const list = await api.list(coreRef('events', 'default'))
  return list.items.map((e) => `${String(e['reason'])}: ${String(e['message'])}`)
}

describe('a crashed node', () => {
  it('stays Ready until the 50s grace period is over, then turns Unknown and is tainted unreachable', async () => {
    await crashNode(api, 'test-worker')
    await advanceCluster(api, 49_000)
    expect(conditions(await api.get(nodesRef, 'test-worker')).find((c) => c.type === 'Ready')?.status).toBe('True')
    await advanceCluster(api, 1_000)
    const node = await api.get(nodesRef, 'test-worker')
    for (const type of ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure']) {
      expect(conditions(node).find((c) => c.type === type)).toMatchObject({
        status: 'Unknown',
        reason: 'NodeStatusUnknown',
        message: 'Kubelet stopped posting node status.',
      })
    }
    expect(taints(node).map((t) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/unreachable:NoSchedule',
      'node.kubernetes.io/unreachable:NoExecute',
    ])
    expect(taints(node).every((t) => t.timeAdded !== undefined)).toBe(true)
    expect(await nodeEvents()).toContain('NodeNotReady: Node test-worker status is now: NodeNotReady')
  })

  it('gets its pods marked not ready, then evicted after 300s, and the ReplicaSet replaces them elsewhere', async () => {
    await api.create(deployment('web', 6))
    await advanceUntilRolledOut(api, 'web')
    const onWorker = (await livePods(api)).filter((p) => (p['spec'] as {nodeName?: string}).nodeName === 'test-worker')
    expect(onWorker.length).toBeGreaterThan(0)
    expect(onWorker.every(isReady)).toBe(true)
    await crashNode(api, 'test-worker')
    await advanceCluster(api, 50_000)
    for (const pod of onWorker) {
      const current = await api.get(coreRef('pods', 'default'), pod.metadata.name ?? '')
      expect(conditions(current).find((c) => c.type === 'Ready')?.status).toBe('False')
    }
    await advanceCluster(api, 299_000)
    expect((await livePods(api)).filter((p) => onWorker.some((w) => w.metadata.name === p.metadata.name))).toHaveLength(
      onWorker.length,
    )
    await advanceCluster(api, 1_000)
    const live = await livePods(api)
    expect(live).toHaveLength(6)
    expect(live.some((p) => onWorker.some((w) => w.metadata.name === p.metadata.name))).toBe(false)
    expect(live.every((p) => (p['spec'] as {nodeName?: string}).nodeName !== 'test-worker')).toBe(true)
    // the replacements start on the other workers and the Deployment is whole again
    await advanceUntilRolledOut(api, 'web')
    expect((await livePods(api)).filter(isReady)).toHaveLength(6)
    const messages = await nodeEvents()
    for (const pod of onWorker)
      expect(messages).toContain(`TaintManagerEviction: Marking for deletion Pod default/${pod.metadata.name ?? ''}`)
  })

  it('is Ready and untainted again once restored', async () => {
    await crashNode(api, 'test-worker')
    await advanceCluster(api, 60_000)
    await restoreNode(api, 'test-worker')
    const node = await api.get(nodesRef, 'test-worker')
    expect(conditions(node).find((c) => c.type === 'Ready')?.status).toBe('True')
    expect(taints(node)).toEqual([])
    expect(await nodeEvents()).toContain('NodeReady: Node test-worker status is now: NodeReady')
  })
})
