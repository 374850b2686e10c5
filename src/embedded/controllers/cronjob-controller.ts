import type {KubeObject} from '../../backend/object.js'
import type {ResourceRef} from '../../backend/refs.js'
import {CronScheduleError, parseCronSchedule, type CronSchedule} from '../admission/cron-schedule.js'
import type {ChangeEvent, StoreKey} from '../store/store.js'
import {readObject, type Controller, type ReconcileContext, type ReconcileResult} from './controller.js'
import {scheduleWindow} from './cronjob/next-schedule.js'
import {canonicalJson} from './deployment/template-hash.js'
import {hasCondition, type JobCondition} from './job/job-conditions.js'
import {controllerOf, controllerRefTo, createdMs} from './replicaset/owner.js'

const CRONJOBS = 'batch/cronjobs'
const JOBS = 'batch/jobs'
// the recorder's component (kube-controller-manager's cronjob controller, v1.32)
const COMPONENT = 'cronjob-controller'
// cronjob_controllerv2.go nextScheduleDelta: look again a little after the scheduled time
const NEXT_SCHEDULE_DELTA_MS = 100
// cronjob_controllerv2.go: more missed start times than this get a TooManyMissedTimes warning
const TOO_MANY_MISSED = 100
// batch.CronJobScheduledTimestampAnnotation (v1.32)
const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp'

interface CronJobSpec {
  schedule?: string
  startingDeadlineSeconds?: number
  concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace'
  suspend?: boolean
  successfulJobsHistoryLimit?: number
  failedJobsHistoryLimit?: number
  jobTemplate?: {metadata?: {labels?: Record<string, string>; annotations?: Record<string, string>}; spec?: unknown}
}

interface ActiveRef {
  apiVersion?: string
  kind?: string
  name?: string
  namespace?: string
  resourceVersion?: string
  uid?: string
}

interface CronJobStatus {
  active?: ActiveRef[]
  lastScheduleTime?: string
  lastSuccessfulTime?: string
}

/**
 * The CronJob controller (pkg/controller/cronjob, v1.32): creates a Job at each scheduled time (woken by a
 * timer at the next activation, never by polling), applies the concurrency policy, tracks active Jobs and
 * trims finished ones to the history limits.
 */
export const cronJobController: Controller = {
  name: 'cronjob',

  keysFor(change: ChangeEvent, ctx: ReconcileContext): StoreKey[] {
    if (change.resource === CRONJOBS) {
      return change.type === 'DELETED' ? [] : [{resource: CRONJOBS, namespace: change.namespace, name: change.name}]
    }
    if (change.resource !== JOBS) return []
    const owner = controllerOf(change.object)
    if (owner?.kind !== 'CronJob') return []
    const key = ctx.cache.keyOfUid(owner.uid)
    return key ? [key] : []
  },

  async reconcile(key: StoreKey, ctx: ReconcileContext): Promise<ReconcileResult | void> {
    const cronJob = await readObject(ctx, key)
    if (!cronJob || cronJob.metadata.deletionTimestamp !== undefined) return
    return syncCronJob(cronJob, ctx)
  },
}

function specOf(cronJob: KubeObject): CronJobSpec {
  return (cronJob['spec'] as CronJobSpec | undefined) ?? {}
}

function jobsRef(cronJob: KubeObject): ResourceRef {
  return {group: 'batch', version: 'v1', resource: 'jobs', namespace: cronJob.metadata.namespace ?? 'default'}
}

function conditionsOf(job: KubeObject): JobCondition[] {
  return (job['status'] as {conditions?: JobCondition[]} | undefined)?.conditions ?? []
}

// IsJobFinished: Complete or Failed is True
function finishedAs(job: KubeObject): 'Complete' | 'Failed' | undefined {
  const conditions = conditionsOf(job)
  if (hasCondition(conditions, 'Complete')) return 'Complete'
  if (hasCondition(conditions, 'Failed')) return 'Failed'
  return undefined
}

function toRef(job: KubeObject): ActiveRef {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    name: job.metadata.name ?? '',
    namespace: job.metadata.namespace ?? 'default',
    resourceVersion: job.metadata.resourceVersion ?? '',
    uid: job.metadata.uid ?? '',
  }
}

function timestampOf(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** cronjob_controllerv2.go syncCronJob, then cleanupFinishedJobs. */
async function syncCronJob(cronJob: KubeObject, ctx: ReconcileContext): Promise<ReconcileResult | void> {
  const spec = specOf(cronJob)
  const uid = cronJob.metadata.uid ?? ''
  const previous = (cronJob['status'] as CronJobStatus | undefined) ?? {}
  const status: CronJobStatus = structuredClone(previous)
  const jobs = ctx.cache
    .ownedBy(JOBS, cronJob.metadata.namespace ?? 'default', uid)
    .filter((job) => controllerOf(job)?.uid === uid)

  // the active list: finished Jobs leave it (SawCompletedJob), Jobs that went away too (MissingJob)
  let active = [...(status.active ?? [])]
  for (const job of jobs) {
    const finished = finishedAs(job)
    const listed = active.some((ref) => ref.uid === job.metadata.uid)
    if (finished && listed) {
      active = active.filter((ref) => ref.uid !== job.metadata.uid)
      await event(
        ctx,
        cronJob,
        'Normal',
        'SawCompletedJob',
        `Saw completed job: ${job.metadata.name ?? ''}, condition: ${finished}`,
      )
    }
    if (finished === 'Complete') {
      const completion = (job['status'] as {completionTime?: string} | undefined)?.completionTime
      if (
        completion &&
        (!status.lastSuccessfulTime || Date.parse(completion) > Date.parse(status.lastSuccessfulTime))
      ) {
        status.lastSuccessfulTime = completion
      }
    }
  }
  for (const ref of active) {
    if (!jobs.some((job) => job.metadata.uid === ref.uid)) {
      active = active.filter((other) => other.uid !== ref.uid)
      await event(ctx, cronJob, 'Normal', 'MissingJob', `Active job went missing: ${ref.name ?? ''}`)
    }
  }

  const requeueAfterMs = spec.suspend === true ? undefined : await schedule(cronJob, spec, status, active, ctx)
  if (active.length > 0) status.active = active
  else delete status.active
  if (canonicalJson(status) !== canonicalJson(previous)) {
    await ctx.api.update({...cronJob, status}, {subresource: 'status'})
  }
  await cleanupFinishedJobs(cronJob, spec, ctx)
  if (requeueAfterMs !== undefined) return {requeueAfterMs}
}

/** Creates the Job due now, if any, under the concurrency policy; returns the wait until the next activation. */
async function schedule(
  cronJob: KubeObject,
  spec: CronJobSpec,
  status: CronJobStatus,
  active: ActiveRef[],
  ctx: ReconcileContext,
): Promise<number | undefined> {
  let sched: CronSchedule
  try {
    sched = parseCronSchedule(spec.schedule ?? '')
  } catch (error) {
    if (!(error instanceof CronScheduleError)) throw error
    await event(
      ctx,
      cronJob,
      'Warning',
      'UnparseableSchedule',
      `unparseable schedule: ${JSON.stringify(spec.schedule)} : ${error.message}`,
    )
    return undefined
  }
  const now = ctx.clock.now()
  let earliest = status.lastScheduleTime ? Date.parse(status.lastScheduleTime) : createdMs(cronJob)
  if (spec.startingDeadlineSeconds !== undefined) {
    earliest = Math.max(earliest, now - spec.startingDeadlineSeconds * 1000)
  }
  const window = scheduleWindow(sched, earliest, now)
  const wait = window.nextMs === undefined ? undefined : window.nextMs - now + NEXT_SCHEDULE_DELTA_MS
  if (window.mostRecentMs === undefined) return wait
  if (window.missed > TOO_MANY_MISSED) {
    await event(
      ctx,
      cronJob,
      'Warning',
      'TooManyMissedTimes',
      'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
    )
  }
  const scheduled = window.mostRecentMs
  const name = `${cronJob.metadata.name ?? ''}-${Math.floor(scheduled / 60_000)}`
  if (active.some((ref) => ref.name === name)) return wait
  if (spec.concurrencyPolicy === 'Forbid' && active.length > 0) {
    // the run is skipped, not delayed: the next look is at the next activation
    await event(
      ctx,
      cronJob,
      'Normal',
      'JobAlreadyActive',
      'Not starting job because prior execution is running and concurrency policy is Forbid',
    )
    return wait
  }
  if (spec.concurrencyPolicy === 'Replace') {
    for (const ref of [...active]) {
      await ctx.api.delete(jobsRef(cronJob), ref.name ?? '', {propagationPolicy: 'Background'})
      await event(ctx, cronJob, 'Normal', 'SuccessfulDelete', `Deleted job ${ref.name ?? ''}`)
      active.splice(active.indexOf(ref), 1)
    }
  }
  const job = await ctx.api.create(jobFromTemplate(cronJob, spec, name, scheduled))
  await event(ctx, cronJob, 'Normal', 'SuccessfulCreate', `Created job ${name}`)
  active.push(toRef(job))
  status.lastScheduleTime = timestampOf(scheduled)
  return wait
}

/** getJobFromTemplate2: the Job `<cronjob>-<minutes since epoch>` with the template's labels and spec. */
function jobFromTemplate(cronJob: KubeObject, spec: CronJobSpec, name: string, scheduledMs: number): KubeObject {
  const template = spec.jobTemplate ?? {}
  const metadata: KubeObject['metadata'] = {
    name,
    namespace: cronJob.metadata.namespace ?? 'default',
    ownerReferences: [controllerRefTo(cronJob)],
    annotations: {
      ...(template.metadata?.annotations ?? {}),
      [SCHEDULED_TIMESTAMP_ANNOTATION]: timestampOf(scheduledMs),
    },
  }
  if (template.metadata?.labels) metadata.labels = structuredClone(template.metadata.labels)
  return {apiVersion: 'batch/v1', kind: 'Job', metadata, spec: structuredClone(template.spec ?? {})}
}

/** cleanupFinishedJobs: keeps the newest successfulJobsHistoryLimit / failedJobsHistoryLimit finished Jobs. */
async function cleanupFinishedJobs(cronJob: KubeObject, spec: CronJobSpec, ctx: ReconcileContext): Promise<void> {
  const uid = cronJob.metadata.uid ?? ''
  const jobs = ctx.cache
    .ownedBy(JOBS, cronJob.metadata.namespace ?? 'default', uid)
    .filter((job) => controllerOf(job)?.uid === uid && job.metadata.deletionTimestamp === undefined)
  const limits: Array<['Complete' | 'Failed', number]> = [
    ['Complete', spec.successfulJobsHistoryLimit ?? 3],
    ['Failed', spec.failedJobsHistoryLimit ?? 1],
  ]
  for (const [kind, limit] of limits) {
    const finished = jobs
      .filter((job) => finishedAs(job) === kind)
      .sort((a, b) => createdMs(a) - createdMs(b) || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''))
    for (const job of finished.slice(0, Math.max(0, finished.length - limit))) {
      await ctx.api.delete(jobsRef(cronJob), job.metadata.name ?? '', {propagationPolicy: 'Background'})
      await event(ctx, cronJob, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name ?? ''}`)
    }
  }
}

async function event(
  ctx: ReconcileContext,
  cronJob: KubeObject,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
): Promise<void> {
  await ctx.events.record(cronJob, {type, reason, message, component: COMPONENT})
}
