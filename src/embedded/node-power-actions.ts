import type {KubeObject} from '../backend/object.js'
import {notFound} from '../backend/status.js'
import {NODE_MONITOR_GRACE_PERIOD_MS} from './controllers/node-lifecycle-controller.js'
import type {EmbeddedBackend} from './embedded-backend.js'
import {healthyNodeConditions, setNodePower} from './nodes.js'

const NODES_REF = {group: '', version: 'v1', resource: 'nodes'}
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
  backend.store.transaction(() => {
    setNodePower(backend.store, name, {on: false, sinceMs: now})
    backend.store.addTimer('node-lifecycle', key, now + NODE_MONITOR_GRACE_PERIOD_MS)
  })
}

/**
 * Powers a simulated machine back on: its kubelet posts Ready again (event NodeReady, as the kubelet records
 * it), and the node lifecycle controller then removes the unreachable taints.
 */
export async function restoreNode(backend: EmbeddedBackend, name: string): Promise<void> {
  await backend.settle()
  const node = await backend.get(NODES_REF, name)
  const now = backend.clock.now()
  backend.store.transaction(() => setNodePower(backend.store, name, {on: true, sinceMs: now}))
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
