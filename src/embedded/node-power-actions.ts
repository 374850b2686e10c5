import type {KubeObject} from '../backend/object.js'
import {notFound} from '../backend/status.js'
import {NODE_MONITOR_GRACE_PERIOD_MS} from './controllers/node-lifecycle-controller.js'
import type {EmbeddedBackend} from './embedded-backend.js'
import {healthyNodeConditions, nodePower, setNodePower} from './nodes.js'

const NODES_REF = {group: '', version: 'v1', resource: 'nodes'}
const PODS = '/pods'
// the kubelet controller's name (kubelet/kubelet-controller.ts), whose timers wake a pod's sync
const KUBELET = 'kubelet'
const NODES_INFO = {group: '', resource: 'nodes'}

/**
 * Cuts a simulated machine's power: its kubelet stops posting status and its containers stop. The node
 * lifecycle controller is scheduled for the end of the grace period, when it will notice the silence.
 */
export async function crashNode(backend: EmbeddedBackend, name: string): Promise<void> {
  await backend.settle()
  const key = {resource: '/nodes', namespace: '', name}
  if (!backend.store.get(key)) throw notFound(NODES_INFO, name)
  const now = backend.clock.now()
  // a machine already off stays off since it went
  if (!nodePower(backend.store, name).on) return
  backend.store.transaction(() => {
    setNodePower(backend.store, name, {on: false, sinceMs: now})
    backend.store.addTimer('node-lifecycle', key, now + NODE_MONITOR_GRACE_PERIOD_MS)
  })
}

/**
 * Powers a simulated machine back on: its kubelet posts Ready again (event NodeReady, as the kubelet records
 * it), the node lifecycle controller then removes the unreachable taints, and the kubelet syncs every pod bound
 * to the node, as a restarted kubelet lists its pods: it finishes deleting those deleted while it was away and
 * brings the others' containers, which died with the power, back in a new sandbox.
 */
export async function restoreNode(backend: EmbeddedBackend, name: string): Promise<void> {
  await backend.settle()
  const node = await backend.get(NODES_REF, name)
  const now = backend.clock.now()
  const before = nodePower(backend.store, name)
  backend.store.transaction(() => {
    if (before.on) return
    setNodePower(backend.store, name, {on: true, sinceMs: now, lastOffMs: before.sinceMs})
    for (const {object: pod} of backend.store.list(PODS)) {
      const bound = (pod['spec'] as {nodeName?: string} | undefined)?.nodeName
      if (bound !== name) continue
      const key = {resource: PODS, namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? ''}
      backend.store.addTimer(KUBELET, key, now)
    }
  })
  const wasReady = readyStatus(node) === 'True'
  const status = {
    ...(node['status'] as Record<string, unknown>),
    conditions: healthyNodeConditions(backend.clock.timestamp()),
  }
  const updated = await backend.update({...node, status}, {subresource: 'status'})
  if (!wasReady) {
    // the kubelet records its status changes (kubelet_node_status.go recordNodeStatusEvent, v1.32)
    const {EventRecorder} = await import('./events.js')
    await new EventRecorder(backend, backend.clock, backend.store).record(updated, {
      type: 'Normal',
      reason: 'NodeReady',
      message: `Node ${name} status is now: NodeReady`,
      component: 'kubelet',
      host: name,
    })
  }
  await backend.settle()
}

function readyStatus(node: KubeObject): string | undefined {
  const conditions = (node['status'] as {conditions?: Array<{type: string; status: string}>} | undefined)?.conditions
  return conditions?.find((c) => c.type === 'Ready')?.status
}
