import type {KubeObject} from '../../backend/object.js'
import {readObject, type Controller, type ReconcileContext, type ReconcileResult} from '../controllers/controller.js'
import type {ChangeEvent, StoreKey} from '../store/store.js'
import {truncateMessage} from './failed-scheduling-message.js'
import {schedulePod} from './schedule.js'
import {schedulerMemory} from './scheduler-memory.js'
import {occupiesNode} from './snapshot.js'
import {podPhase, schedulingSpec, type Snapshot} from './types.js'

/** The name pods ask for in spec.schedulerName to be placed by this scheduler. */
export const DEFAULT_SCHEDULER_NAME = 'default-scheduler'
const PODS = '/pods'
const NODES = '/nodes'
// a key no pod can have: 'the cluster changed, try every pending pod again'
const RETRY_PENDING: StoreKey = {resource: PODS, namespace: '', name: ''}
// pending pods tried again per reconcile; more wait for the next one
const RETRIES_PER_RECONCILE = 200
const NODE_FINGERPRINT_KEY = (node: string): string => `scheduler.node.${node}`
// v1.PodReasonSchedulingGated and its message (pkg/scheduler/schedule_one.go, v1.32)
const SCHEDULING_GATED_MESSAGE = 'Scheduling is blocked due to non-empty scheduling gates'

/** Whether this scheduler should place the pod: unbound, ours, not deleting, not finished. */
export function isPendingPod(pod: KubeObject): boolean {
  const spec = schedulingSpec(pod)
  const phase = podPhase(pod)
  return (
    !spec.nodeName &&
    (spec.schedulerName ?? DEFAULT_SCHEDULER_NAME) === DEFAULT_SCHEDULER_NAME &&
    pod.metadata.deletionTimestamp === undefined &&
    phase !== 'Succeeded' &&
    phase !== 'Failed'
  )
}

/**
 * kube-scheduler (v1.32) as a controller: places each pending pod with filter-then-score and binds it through
 * pods/binding; a pod that fits nowhere keeps a FailedScheduling event and a PodScheduled=False condition, and
 * is tried again only when something that could make room happens (a node added or changed in what the
 * scheduler reads, a bound pod deleted or finished), as the scheduling queue's cluster events do; no polling.
 */
export const scheduler: Controller = {
  name: 'scheduler',

  keysFor(change: ChangeEvent, ctx: ReconcileContext): StoreKey[] {
    if (change.resource === NODES) {
      if (change.type === 'DELETED' || !nodeChangedForScheduling(change.name, ctx)) return []
      schedulerMemory(ctx).retryAll = true
      return [RETRY_PENDING]
    }
    if (change.resource !== PODS) return []
    const pod = change.object
    if (change.type !== 'DELETED' && isPendingPod(pod))
      return [{resource: PODS, namespace: change.namespace, name: change.name}]
    // a bound pod that leaves or finishes frees its requests, its ports and its place in spreading
    if (schedulingSpec(pod).nodeName && (change.type === 'DELETED' || !occupiesNode(pod))) {
      schedulerMemory(ctx).retryAll = true
      return [RETRY_PENDING]
    }
    return []
  },

  async reconcile(key: StoreKey, ctx: ReconcileContext): Promise<ReconcileResult | void> {
    const memory = schedulerMemory(ctx)
    if (key.name === '') {
      recordNodeFingerprints(ctx)
      // a cluster change asked for it, or another process queued retries this one does not remember
      const fresh = memory.retryAll || memory.retries.size === 0
      memory.retryAll = false
      return retryPending(ctx, fresh)
    }
    const pod = await readObject(ctx, key)
    if (!pod || !isPendingPod(pod)) return
    await attempt(pod, readSnapshot(ctx), ctx, false)
  },
}

/**
 * Whether what the scheduler reads of a node (labels, taints, cordon, allocatable) changed since it last
 * looked; the new fingerprint is written when the retry it asks for runs, so several node changes in one
 * round make one retry.
 */
function nodeChangedForScheduling(name: string, ctx: ReconcileContext): boolean {
  const node = ctx.cache.get({resource: NODES, namespace: '', name})
  if (!node) return false
  const spec = (node['spec'] ?? {}) as {taints?: unknown; unschedulable?: unknown}
  const allocatable = ((node['status'] ?? {}) as {allocatable?: unknown}).allocatable
  const fingerprint = JSON.stringify([
    node.metadata.labels ?? {},
    spec.taints ?? [],
    spec.unschedulable ?? false,
    allocatable ?? {},
  ])
  if (ctx.state.readMeta(NODE_FINGERPRINT_KEY(name)) === fingerprint) return false
  schedulerMemory(ctx).nodeFingerprints.set(name, fingerprint)
  return true
}

function recordNodeFingerprints(ctx: ReconcileContext): void {
  const fingerprints = schedulerMemory(ctx).nodeFingerprints
  if (fingerprints.size === 0) return
  ctx.state.transaction(() => {
    for (const [name, fingerprint] of fingerprints) ctx.state.writeMeta(NODE_FINGERPRINT_KEY(name), fingerprint)
  })
  fingerprints.clear()
}

function readSnapshot(ctx: ReconcileContext): Snapshot {
  return schedulerMemory(ctx).snapshot(ctx.cache)
}

// the active queue's order: higher priority first, then the older pod (queuesort.PrioritySort, v1.32)
function queueOrder(a: KubeObject, b: KubeObject): number {
  const priority = (schedulingSpec(b).priority ?? 0) - (schedulingSpec(a).priority ?? 0)
  if (priority !== 0) return priority
  const created = (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '')
  if (created !== 0) return created
  const left = `${a.metadata.namespace ?? ''}/${a.metadata.name ?? ''}`
  const right = `${b.metadata.namespace ?? ''}/${b.metadata.name ?? ''}`
  return left < right ? -1 : left > right ? 1 : 0
}

/**
 * Tries the pending pods again after a cluster change, in queue order, a bounded number per reconcile (the
 * rest in the next one, at the same moment), so a hundred thousand pending pods never hold the control loop.
 * `fresh` queues every pending pod; a continuation drains what is queued (all of it again in a new process).
 */
async function retryPending(ctx: ReconcileContext, fresh: boolean): Promise<ReconcileResult | void> {
  const memory = schedulerMemory(ctx)
  if (fresh || memory.retries.size === 0) {
    for (const pod of ctx.cache.unboundPods().filter(isPendingPod).sort(queueOrder)) {
      const key = {resource: PODS, namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? ''}
      memory.retries.set(`${key.namespace}/${key.name}`, key)
    }
  }
  let snapshot: Snapshot | undefined
  let tried = 0
  for (const [id, key] of memory.retries) {
    if (tried >= RETRIES_PER_RECONCILE) return {requeueAfterMs: 0}
    memory.retries.delete(id)
    const pod = ctx.cache.get(key)
    if (!pod || !isPendingPod(pod)) continue
    tried++
    snapshot ??= readSnapshot(ctx)
    // a pod placed changes the cluster for the next one
    if (await attempt(pod, snapshot, ctx, true)) snapshot = undefined
  }
}

interface PodCondition {
  type: string
  status: string
  lastProbeTime?: string | null
  lastTransitionTime?: string
  reason?: string
  message?: string
}

function conditionsOf(pod: KubeObject): PodCondition[] {
  return ((pod['status'] ?? {}) as {conditions?: PodCondition[]}).conditions ?? []
}

/** Schedules one pod; true when it was bound. `retry` says the cluster changed, so a repeat failure is reported again. */
async function attempt(pod: KubeObject, snapshot: Snapshot, ctx: ReconcileContext, retry: boolean): Promise<boolean> {
  if ((schedulingSpec(pod).schedulingGates ?? []).length > 0) {
    await setScheduledCondition(
      pod,
      {status: 'False', reason: 'SchedulingGated', message: SCHEDULING_GATED_MESSAGE},
      ctx,
    )
    return false
  }
  const result = schedulePod(pod, snapshot)
  if (result.nodeName !== undefined) {
    await bind(pod, result.nodeName, ctx)
    return true
  }
  const message = truncateMessage(result.message)
  const current = conditionsOf(pod).find((c) => c.type === 'PodScheduled')
  // the pod's own update (often our condition write) with the same verdict is not a new attempt
  if (!retry && current?.status === 'False' && current.reason === 'Unschedulable' && current.message === message)
    return false
  // kube-scheduler: handleSchedulingFailure records the event and updates the condition (schedule_one.go, v1.32)
  await ctx.events.record(pod, {
    type: 'Warning',
    reason: 'FailedScheduling',
    message,
    component: DEFAULT_SCHEDULER_NAME,
  })
  await setScheduledCondition(pod, {status: 'False', reason: 'Unschedulable', message}, ctx)
  return false
}

async function bind(pod: KubeObject, nodeName: string, ctx: ReconcileContext): Promise<void> {
  const spec = (pod['spec'] ?? {}) as Record<string, unknown>
  const bound = await ctx.api.update({...pod, spec: {...spec, nodeName}}, {subresource: 'binding'})
  // DefaultBinder then the event (schedule_one.go, v1.32)
  await ctx.events.record(bound, {
    type: 'Normal',
    reason: 'Scheduled',
    message: `Successfully assigned ${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''} to ${nodeName}`,
    component: DEFAULT_SCHEDULER_NAME,
  })
  // the binding registry marks the pod scheduled (pkg/registry/core/pod/storage assignPod, v1.32)
  await setScheduledCondition(bound, {status: 'True'}, ctx)
}

/** Sets the PodScheduled condition through pods/status, keeping lastTransitionTime when the status is unchanged. */
async function setScheduledCondition(
  pod: KubeObject,
  wanted: {status: string; reason?: string; message?: string},
  ctx: ReconcileContext,
): Promise<void> {
  const conditions = conditionsOf(pod)
  const current = conditions.find((c) => c.type === 'PodScheduled')
  if (
    current &&
    current.status === wanted.status &&
    current.reason === wanted.reason &&
    current.message === wanted.message
  )
    return
  const condition: PodCondition = {
    type: 'PodScheduled',
    status: wanted.status,
    lastProbeTime: null,
    lastTransitionTime:
      current && current.status === wanted.status && current.lastTransitionTime
        ? current.lastTransitionTime
        : ctx.clock.timestamp(),
  }
  if (wanted.reason !== undefined) condition.reason = wanted.reason
  if (wanted.message !== undefined) condition.message = wanted.message
  const next = current ? conditions.map((c) => (c.type === 'PodScheduled' ? condition : c)) : [...conditions, condition]
  const status = {...((pod['status'] ?? {}) as Record<string, unknown>), conditions: next}
  await ctx.api.update({...pod, status}, {subresource: 'status'})
}
