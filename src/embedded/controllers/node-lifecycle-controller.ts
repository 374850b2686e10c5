import type {KubeObject} from '../../backend/object.js'
import {nodePower} from '../nodes.js'
import type {ChangeEvent, StoreKey} from '../store/store.js'
import {readObject, type Controller, type ReconcileContext, type ReconcileResult} from './controller.js'
import {isPodActive, podNodeName} from './replicaset/pod-state.js'

const NODES = '/nodes'
/** kube-controller-manager --node-monitor-grace-period default (v1.32). */
export const NODE_MONITOR_GRACE_PERIOD_MS = 50_000
// the recorder's component (node_lifecycle_controller.go, v1.32)
const COMPONENT = 'node-controller'
/** The taint keys the node lifecycle controller manages (api/core/v1 well_known_taints.go). */
export const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable'
export const NOT_READY_TAINT = 'node.kubernetes.io/not-ready'
// tryUpdateNodeHealth marks these conditions Unknown when the kubelet goes silent
const MONITORED_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure']

interface NodeCondition {
  type: string
  status: string
  lastHeartbeatTime?: string
  lastTransitionTime?: string
  reason?: string
  message?: string
}

interface NodeTaint {
  key: string
  value?: string
  effect: string
  timeAdded?: string
}

/**
 * The node lifecycle controller (pkg/controller/nodelifecycle, v1.32): a node whose kubelet stopped posting
 * status for the grace period turns Unknown, gets the unreachable taints (NoSchedule and NoExecute, the
 * latter drives taint-based eviction) and its pods are marked not ready; a node Ready again loses them.
 * Healthy nodes are never polled: crashing a node schedules this controller at the end of the grace period.
 */
export const nodeLifecycleController: Controller = {
  name: 'node-lifecycle',

  keysFor(change: ChangeEvent): StoreKey[] {
    if (change.resource !== NODES || change.type === 'DELETED') return []
    return [{resource: NODES, namespace: '', name: change.name}]
  },

  async reconcile(key: StoreKey, ctx: ReconcileContext): Promise<ReconcileResult | void> {
    const node = await readObject(ctx, key)
    if (!node) return
    const power = nodePower(ctx.state, key.name)
    const now = ctx.clock.now()
    if (!power.on) {
      const silentAt = power.sinceMs + NODE_MONITOR_GRACE_PERIOD_MS
      if (now < silentAt) return {requeueAfterMs: silentAt - now}
      if (readyStatus(node) !== 'Unknown') await markUnreachable(node, ctx)
      return
    }
    if (readyStatus(node) === 'True' && taintsOf(node).some(isLifecycleTaint)) {
      await updateNode(node, ctx, (next) =>
        setTaints(
          next,
          taintsOf(next).filter((t) => !isLifecycleTaint(t)),
        ),
      )
    }
  },
}

function conditionsOf(node: KubeObject): NodeCondition[] {
  return (node['status'] as {conditions?: NodeCondition[]} | undefined)?.conditions ?? []
}

function readyStatus(node: KubeObject): string | undefined {
  return conditionsOf(node).find((c) => c.type === 'Ready')?.status
}

function taintsOf(node: KubeObject): NodeTaint[] {
  return (node['spec'] as {taints?: NodeTaint[]} | undefined)?.taints ?? []
}

function isLifecycleTaint(taint: NodeTaint): boolean {
  return taint.key === UNREACHABLE_TAINT || taint.key === NOT_READY_TAINT
}

function setTaints(node: KubeObject, taints: NodeTaint[]): void {
  const spec = (node['spec'] ??= {}) as {taints?: NodeTaint[]}
  if (taints.length > 0) spec.taints = taints
  else delete spec.taints
}

async function updateNode(
  node: KubeObject,
  ctx: ReconcileContext,
  change: (next: KubeObject) => void,
): Promise<KubeObject> {
  const next = structuredClone(node)
  change(next)
  return ctx.api.update(next)
}

// tryUpdateNodeHealth + doNoExecuteTaintingPass + MarkPodsNotReady (v1.32)
async function markUnreachable(node: KubeObject, ctx: ReconcileContext): Promise<void> {
  const timestamp = ctx.clock.timestamp()
  const status = structuredClone((node['status'] as Record<string, unknown> | undefined) ?? {})
  status['conditions'] = conditionsOf(node).map((condition) =>
    MONITORED_CONDITIONS.includes(condition.type) && condition.status !== 'Unknown'
      ? {
          ...condition,
          status: 'Unknown',
          lastTransitionTime: timestamp,
          reason: 'NodeStatusUnknown',
          message: 'Kubelet stopped posting node status.',
        }
      : condition,
  )
  const withStatus = await ctx.api.update({...node, status}, {subresource: 'status'})
  const tainted = await updateNode(withStatus, ctx, (next) => {
    const kept = taintsOf(next).filter((t) => !isLifecycleTaint(t))
    setTaints(next, [
      ...kept,
      {key: UNREACHABLE_TAINT, effect: 'NoSchedule', timeAdded: timestamp},
      {key: UNREACHABLE_TAINT, effect: 'NoExecute', timeAdded: timestamp},
    ])
  })
  await ctx.events.record(tainted, {
    type: 'Normal',
    reason: 'NodeNotReady',
    message: `Node ${node.metadata.name ?? ''} status is now: NodeNotReady`,
    component: COMPONENT,
  })
  await markPodsNotReady(node.metadata.name ?? '', ctx)
}

// nodeutil.MarkPodsNotReady: Ready=False on every pod of the node, and a NodeNotReady warning on each
async function markPodsNotReady(nodeName: string, ctx: ReconcileContext): Promise<void> {
  const timestamp = ctx.clock.timestamp()
  for (const pod of ctx.cache.podsOnNode(nodeName)) {
    if (podNodeName(pod) !== nodeName || !isPodActive(pod)) continue
    const status = structuredClone((pod['status'] as {conditions?: NodeCondition[]} | undefined) ?? {})
    const ready = status.conditions?.find((c) => c.type === 'Ready')
    if (!ready || ready.status === 'False') continue
    ready.status = 'False'
    ready.lastTransitionTime = timestamp
    const updated = await ctx.api.update({...pod, status}, {subresource: 'status'})
    await ctx.events.record(updated, {
      type: 'Warning',
      reason: 'NodeNotReady',
      message: 'Node is not ready',
      component: COMPONENT,
    })
  }
}
