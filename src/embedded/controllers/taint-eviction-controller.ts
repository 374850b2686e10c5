import type {KubeObject} from '../../backend/object.js'
import {toleratesTaint} from '../scheduler/tolerations.js'
import type {Taint, Toleration} from '../scheduler/types.js'
import type {ChangeEvent, StoreKey} from '../store/store.js'
import {readObject, type Controller, type ReconcileContext, type ReconcileResult} from './controller.js'
import {isPodActive, podNodeName} from './replicaset/pod-state.js'

const NODES = '/nodes'
const PODS = '/pods'
// the recorder's component (tainteviction, v1.32)
const COMPONENT = 'taint-eviction-controller'

interface NoExecuteTaint extends Taint {
  timeAdded?: string
}

/**
 * The taint eviction controller (pkg/controller/tainteviction, v1.32): deletes the pods of a node with NoExecute
 * taints they do not tolerate at once, and those that tolerate them for tolerationSeconds when that time is up.
 * Keys are nodes; the eviction moments are computed from the taints' timeAdded, so nothing is polled.
 */
export const taintEvictionController: Controller = {
  name: 'taint-eviction',

  keysFor(change: ChangeEvent): StoreKey[] {
    if (change.resource === NODES && change.type !== 'DELETED')
      return [{resource: NODES, namespace: '', name: change.name}]
    if (change.resource === PODS && change.type !== 'DELETED' && isPodActive(change.object)) {
      const node = podNodeName(change.object)
      if (node) return [{resource: NODES, namespace: '', name: node}]
    }
    return []
  },

  async reconcile(key: StoreKey, ctx: ReconcileContext): Promise<ReconcileResult | void> {
    const node = await readObject(ctx, key)
    if (!node) return
    const taints = ((node['spec'] as {taints?: NoExecuteTaint[]} | undefined)?.taints ?? []).filter(
      (t) => t.effect === 'NoExecute',
    )
    if (taints.length === 0) return
    const now = ctx.clock.now()
    const taintedAt = Math.min(...taints.map((t) => (t.timeAdded ? Date.parse(t.timeAdded) : now)))
    let next: number | undefined
    for (const pod of ctx.cache.podsOnNode(key.name)) {
      if (podNodeName(pod) !== key.name || !isPodActive(pod)) continue
      const seconds = tolerationSeconds(pod, taints)
      if (seconds === undefined) continue
      const due = taintedAt + seconds * 1000
      if (due <= now) await evict(pod, ctx)
      else next = Math.min(next ?? due, due)
    }
    if (next !== undefined) return {requeueAfterMs: next - now}
  },
}

/**
 * How long a pod may stay: 0 when a taint is not tolerated, the smallest tolerationSeconds of the tolerations
 * used (getMinTolerationTime), undefined when it tolerates the taints forever.
 */
function tolerationSeconds(pod: KubeObject, taints: readonly NoExecuteTaint[]): number | undefined {
  const tolerations = (pod['spec'] as {tolerations?: Toleration[]} | undefined)?.tolerations ?? []
  const used: Toleration[] = []
  for (const taint of taints) {
    const matching = tolerations.filter((t) => toleratesTaint(t, taint))
    if (matching.length === 0) return 0
    used.push(...matching)
  }
  const bounded = used.map((t) => t.tolerationSeconds).filter((s): s is number => s !== undefined)
  if (bounded.length === 0) return undefined
  return Math.max(0, Math.min(...bounded))
}

// addConditionAndDeletePod: the DisruptionTarget condition, then the deletion (v1.32)
async function evict(pod: KubeObject, ctx: ReconcileContext): Promise<void> {
  const namespace = pod.metadata.namespace ?? 'default'
  const name = pod.metadata.name ?? ''
  await ctx.events.record(pod, {
    type: 'Normal',
    reason: 'TaintManagerEviction',
    message: `Marking for deletion Pod ${namespace}/${name}`,
    component: COMPONENT,
  })
  const status = structuredClone((pod['status'] as {conditions?: Array<Record<string, string>>} | undefined) ?? {})
  status.conditions = [
    ...(status.conditions ?? []).filter((c) => c['type'] !== 'DisruptionTarget'),
    {
      type: 'DisruptionTarget',
      status: 'True',
      lastTransitionTime: ctx.clock.timestamp(),
      reason: 'DeletionByTaintManager',
      message: 'Taint manager: deleting due to NoExecute taint',
    },
  ]
  await ctx.api.update({...pod, status}, {subresource: 'status'})
  await ctx.api.delete({group: '', version: 'v1', resource: 'pods', namespace}, name, {})
}
