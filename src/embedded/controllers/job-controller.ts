import type {KubeObject} from '../../backend/object.js'
import type {ResourceRef} from '../../backend/refs.js'
import type {ChangeEvent, StoreKey} from '../store/store.js'
import {canonicalJson} from './deployment/template-hash.js'
import {readObject, type Controller, type ReconcileContext, type ReconcileResult} from './controller.js'
import {
  BACKOFF_LIMIT_EXCEEDED,
  COMPLETIONS_REACHED,
  DEADLINE_EXCEEDED,
  hasCondition,
  withCondition,
  type JobCondition,
} from './job/job-conditions.js'
import {
  backoffRemainingMs,
  isPodTerminal,
  isTracked,
  podFinishedMs,
  podFromJobTemplate,
  podRestarts,
  untracked,
  type JobPodTemplate,
} from './job/job-pods.js'
import {controllerOf} from './replicaset/owner.js'
import {isPodReady, podStatus} from './replicaset/pod-state.js'

const JOBS = 'batch/jobs'
const PODS = '/pods'
// the recorder's component (kube-controller-manager's job controller, v1.32)
const COMPONENT = 'job-controller'
// batch/v1 defaults.go: backoffLimit 6
const DEFAULT_BACKOFF_LIMIT = 6

interface JobSpec {
  parallelism?: number
  completions?: number | null
  backoffLimit?: number
  activeDeadlineSeconds?: number
  suspend?: boolean
  template?: JobPodTemplate
}

interface JobStatus {
  active?: number
  ready?: number
  terminating?: number
  succeeded?: number
  failed?: number
  startTime?: string
  completionTime?: string
  conditions?: JobCondition[]
  uncountedTerminatedPods?: Record<string, unknown>
}

/**
 * The Job controller (pkg/controller/job, v1.32): runs pods from the template until spec.completions
 * succeed, retries failures with back-off up to backoffLimit, honours activeDeadlineSeconds and suspend,
 * and counts finished pods once each through the job-tracking finalizer.
 */
export const jobController: Controller = {
  name: 'job',

  keysFor(change: ChangeEvent, ctx: ReconcileContext): StoreKey[] {
    if (change.resource === JOBS) {
      return change.type === 'DELETED' ? [] : [{resource: JOBS, namespace: change.namespace, name: change.name}]
    }
    if (change.resource !== PODS || change.type === 'DELETED') return []
    const owner = controllerOf(change.object)
    if (owner?.kind !== 'Job') return []
    const key = ctx.cache.keyOfUid(owner.uid)
    if (key) return [key]
    // the Job is gone: its pods still need their finalizer removed (the orphan pod cleanup)
    return isTracked(change.object) ? [{resource: PODS, namespace: change.namespace, name: change.name}] : []
  },

  async reconcile(key: StoreKey, ctx: ReconcileContext): Promise<ReconcileResult | void> {
    const object = await readObject(ctx, key)
    if (!object) return
    if (key.resource === PODS) {
      const owner = controllerOf(object)
      if (isTracked(object) && (!owner || !ctx.cache.keyOfUid(owner.uid))) await ctx.api.update(untracked(object))
      return
    }
    return syncJob(object, ctx)
  },
}

function specOf(job: KubeObject): JobSpec {
  return (job['spec'] as JobSpec | undefined) ?? {}
}

function statusOf(job: KubeObject): JobStatus {
  return (job['status'] as JobStatus | undefined) ?? {}
}

function podsRef(job: KubeObject): ResourceRef {
  return {group: '', version: 'v1', resource: 'pods', namespace: job.metadata.namespace ?? 'default'}
}

/** job_controller.go syncJob, simplified to one pass: count, decide, act, write status. */
async function syncJob(job: KubeObject, ctx: ReconcileContext): Promise<ReconcileResult | void> {
  const now = ctx.clock.now()
  const timestamp = ctx.clock.timestamp()
  const spec = specOf(job)
  const previous = statusOf(job)
  const uid = job.metadata.uid ?? ''
  const pods = ctx.cache
    .ownedBy(PODS, job.metadata.namespace ?? 'default', uid)
    .filter((pod) => controllerOf(pod)?.uid === uid)
  const finished =
    hasCondition(previous.conditions ?? [], 'Complete') || hasCondition(previous.conditions ?? [], 'Failed')

  // trackJobStatusAndRemoveFinalizers: every finished or deleted pod is counted once, then released
  let succeeded = previous.succeeded ?? 0
  let failed = previous.failed ?? 0
  for (const pod of pods.filter((p) => isTracked(p) && (isPodTerminal(p) || p.metadata.deletionTimestamp))) {
    if (podStatus(pod).phase === 'Succeeded') succeeded++
    else failed++
  }
  const active = pods.filter((p) => !isPodTerminal(p) && p.metadata.deletionTimestamp === undefined)
  const terminating = pods.filter((p) => !isPodTerminal(p) && p.metadata.deletionTimestamp !== undefined)

  const status: JobStatus = {...structuredClone(previous), succeeded, failed}
  let conditions = [...(previous.conditions ?? [])]
  let requeueAfterMs: number | undefined

  if (!finished) {
    const suspended = spec.suspend === true
    if (suspended) {
      await deletePods(job, active, ctx)
      active.length = 0
      if (!hasCondition(conditions, 'Suspended')) {
        conditions = withCondition(
          conditions,
          'Suspended',
          'True',
          {reason: 'JobSuspended', message: 'Job suspended'},
          timestamp,
        )
        await event(ctx, job, 'Normal', 'Suspended', 'Job suspended')
      }
    } else {
      if (hasCondition(conditions, 'Suspended')) {
        conditions = withCondition(
          conditions,
          'Suspended',
          'False',
          {reason: 'JobResumed', message: 'Job resumed'},
          timestamp,
        )
        await event(ctx, job, 'Normal', 'Resumed', 'Job resumed')
        // a resumed Job's active deadline counts from the resume (job_controller.go)
        status.startTime = timestamp
      }
      status.startTime ??= timestamp
    }

    const failure = suspended ? undefined : failureCause(spec, status, failed, active, now)
    const completions = spec.completions ?? null
    const success =
      !suspended && failure === undefined && (completions === null ? succeeded > 0 : succeeded >= completions)

    if (failure) {
      // the Job failed: its running pods go, then the terminal condition follows FailureTarget
      await deletePods(job, active, ctx)
      conditions = withCondition(conditions, 'FailureTarget', 'True', failure, timestamp)
      if (active.length + terminating.length === 0) {
        conditions = withCondition(conditions, 'Failed', 'True', failure, timestamp)
        await event(ctx, job, 'Warning', failure.reason, failure.message)
      }
      active.length = 0
    } else if (success) {
      if (completions !== null) {
        await deletePods(job, active, ctx)
        active.length = 0
      }
      conditions = withCondition(conditions, 'SuccessCriteriaMet', 'True', COMPLETIONS_REACHED, timestamp)
      if (active.length + terminating.length === 0) {
        conditions = withCondition(conditions, 'Complete', 'True', COMPLETIONS_REACHED, timestamp)
        status.completionTime = timestamp
        await event(ctx, job, 'Normal', 'Completed', 'Job completed')
      }
    } else if (!suspended) {
      requeueAfterMs = await manageActive(job, spec, pods, active, terminating, succeeded, ctx)
      const deadline = deadlineMs(spec, status)
      if (deadline !== undefined) requeueAfterMs = Math.min(requeueAfterMs ?? Infinity, deadline - now)
    }
  }

  status.active = active.length
  status.ready = active.filter(isPodReady).length
  status.terminating = terminating.length
  status.uncountedTerminatedPods = {}
  if (conditions.length > 0) status.conditions = conditions
  // JobStatus: active, succeeded and failed are omitempty; ready and terminating are pointers the controller sets
  if (status.active === 0) delete status.active
  if (status.succeeded === 0) delete status.succeeded
  if (status.failed === 0) delete status.failed
  if (canonicalJson(status) !== canonicalJson(previous)) {
    await ctx.api.update({...job, status}, {subresource: 'status'})
  }
  for (const pod of pods.filter((p) => isTracked(p) && (isPodTerminal(p) || p.metadata.deletionTimestamp))) {
    await ctx.api.update(untracked(pod))
  }
  if (requeueAfterMs !== undefined && Number.isFinite(requeueAfterMs))
    return {requeueAfterMs: Math.max(0, requeueAfterMs)}
}

// the moment spec.activeDeadlineSeconds runs out, counted from status.startTime
function deadlineMs(spec: JobSpec, status: JobStatus): number | undefined {
  if (spec.activeDeadlineSeconds === undefined || !status.startTime) return undefined
  return Date.parse(status.startTime) + spec.activeDeadlineSeconds * 1000
}

/** Why the Job fails now, if it does: backoffLimit (failed pods, or restarts under OnFailure) or its deadline. */
function failureCause(
  spec: JobSpec,
  status: JobStatus,
  failed: number,
  active: readonly KubeObject[],
  now: number,
): {reason: string; message: string} | undefined {
  const backoffLimit = spec.backoffLimit ?? DEFAULT_BACKOFF_LIMIT
  const restartPolicy = (spec.template?.spec?.['restartPolicy'] as string | undefined) ?? 'Never'
  // pastBackoffLimitOnFailure: under OnFailure the kubelet restarts containers and those restarts count
  const restarts = restartPolicy === 'OnFailure' ? active.reduce((sum, pod) => sum + podRestarts(pod), 0) : 0
  if (failed > backoffLimit || (restartPolicy === 'OnFailure' && backoffLimit > 0 && restarts >= backoffLimit)) {
    return BACKOFF_LIMIT_EXCEEDED
  }
  if (restartPolicy === 'OnFailure' && backoffLimit === 0 && active.some((p) => podRestarts(p) > 0)) {
    return BACKOFF_LIMIT_EXCEEDED
  }
  const deadline = deadlineMs(spec, status)
  if (deadline !== undefined && now >= deadline) return DEADLINE_EXCEEDED
  return undefined
}

/** job_controller.go manageJob: creates pods up to parallelism while completions are outstanding, after back-off. */
async function manageActive(
  job: KubeObject,
  spec: JobSpec,
  pods: readonly KubeObject[],
  active: KubeObject[],
  terminating: readonly KubeObject[],
  succeeded: number,
  ctx: ReconcileContext,
): Promise<number | undefined> {
  const parallelism = spec.parallelism ?? 1
  const completions = spec.completions ?? null
  const wanted =
    completions === null
      ? succeeded > 0
        ? 0
        : parallelism
      : Math.min(parallelism, Math.max(0, completions - succeeded))
  if (active.length > wanted) {
    // newest first is close enough to the controller's ActivePods ordering for scale-down
    await deletePods(job, active.splice(wanted), ctx)
    return undefined
  }
  // podReplacementPolicy TerminatingOrFailed (the default): a terminating pod still takes its slot
  const missing = wanted - active.length - terminating.length
  if (missing <= 0) return undefined
  const now = ctx.clock.now()
  const remaining = backoffRemainingMs(...failuresSinceSuccess(pods, now), now)
  if (remaining > 0) return remaining
  for (let i = 0; i < missing; i++) {
    const pod = await ctx.api.create(podFromJobTemplate(job, spec.template ?? {}))
    active.push(pod)
    await event(ctx, job, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name ?? ''}`)
  }
  return undefined
}

// newBackoffRecord: the failures after the last success, and when the latest of them happened
function failuresSinceSuccess(pods: readonly KubeObject[], now: number): [number, number] {
  const lastSuccess = Math.max(
    0,
    ...pods.filter((p) => podStatus(p).phase === 'Succeeded').map((p) => podFinishedMs(p, now)),
  )
  const failures = pods
    .filter((p) => podStatus(p).phase === 'Failed' || (p.metadata.deletionTimestamp && !isPodTerminal(p)))
    .map((p) => podFinishedMs(p, now))
    .filter((ms) => ms >= lastSuccess)
  return [failures.length, Math.max(0, ...failures)]
}

async function deletePods(job: KubeObject, pods: readonly KubeObject[], ctx: ReconcileContext): Promise<void> {
  for (const pod of pods) {
    await ctx.api.delete(podsRef(job), pod.metadata.name ?? '', {})
    await event(ctx, job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name ?? ''}`)
  }
}

async function event(
  ctx: ReconcileContext,
  job: KubeObject,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
): Promise<void> {
  await ctx.events.record(job, {type, reason, message, component: COMPONENT})
}
