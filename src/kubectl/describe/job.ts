// kubectl: pkg/describe/describe.go JobDescriber, CronJobDescriber (v1.32)
import type {KubeObject} from '../../backend/object.js'
import {humanDuration} from '../../resources/human-duration.js'
import {printBool} from './containers.js'
import {controllerOf, eventsFor, type DescribeContext} from './context.js'
import {describeEvents} from './events.js'
import {printAnnotationsMultiline, printLabelsMultiline} from './multiline.js'
import {describePodTemplate} from './pod-template.js'
import {LEVEL_0, tabbedString, type PrefixWriter} from './prefix-writer.js'
import {labelSelectorSpecString} from '../../resources/label-selector.js'
import {parseTimestamp} from '../../resources/columns/age.js'
import {formatRFC1123Z} from './time.js'
import type {CronJob, Job, JobSpec} from './workload-types.js'

// describe caps the Completed Indexes list near this many characters
const COMPLETED_INDEXES_SOFT_LIMIT = 50

function isSet<T>(value: T | undefined | null): value is T {
  return value !== undefined && value !== null
}

// kubectl: describe.go capIndexesListOrNone: cut after the first comma past the soft limit
function capIndexesListOrNone(indexes: string | undefined, softLimit: number): string {
  if (!indexes) return '<none>'
  const comma = indexes.indexOf(',', softLimit)
  return comma < 0 ? indexes : `${indexes.slice(0, comma + 1)}...`
}

/** Describes a Job: parallelism, completions, timing, pod counts, template and events. */
export async function describeJob(object: KubeObject, context: DescribeContext): Promise<string> {
  const job = object as Job
  const events = await eventsFor(context, job)
  const spec = job.spec ?? {}
  const status = job.status ?? {}
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${job.metadata.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${job.metadata.namespace ?? ''}\n`)
    w.write(LEVEL_0, `Selector:\t${labelSelectorSpecString(spec.selector) ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', job.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', job.metadata.annotations)
    const controlledBy = controllerOf(job)
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`)
    if (isSet(spec.parallelism)) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`)
    w.write(LEVEL_0, `Completions:\t${isSet(spec.completions) ? spec.completions : '<unset>'}\n`)
    if (isSet(spec.completionMode)) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`)
    if (isSet(spec.suspend)) w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`)
    if (isSet(spec.backoffLimit)) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`)
    if (isSet(spec.ttlSecondsAfterFinished)) {
      w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`)
    }
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${formatRFC1123Z(status.startTime)}\n`)
    if (status.completionTime) w.write(LEVEL_0, `Completed At:\t${formatRFC1123Z(status.completionTime)}\n`)
    const started = parseTimestamp(status.startTime)
    const completed = parseTimestamp(status.completionTime)
    if (started !== undefined && completed !== undefined) {
      w.write(LEVEL_0, `Duration:\t${humanDuration(completed - started)}\n`)
    }
    if (isSet(spec.activeDeadlineSeconds))
      w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`)
    const ready = isSet(status.ready) ? ` (${status.ready} Ready)` : ''
    w.write(
      LEVEL_0,
      `Pods Statuses:\t${status.active ?? 0} Active${ready} / ${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed\n`,
    )
    if (spec.completionMode === 'Indexed') {
      w.write(
        LEVEL_0,
        `Completed Indexes:\t${capIndexesListOrNone(status.completedIndexes, COMPLETED_INDEXES_SOFT_LIMIT)}\n`,
      )
    }
    describePodTemplate(spec.template, w, context.now)
    if (events) describeEvents(events, w, context.now)
  })
}

function describeJobTemplate(spec: JobSpec | undefined, w: PrefixWriter, now: number): void {
  const job = spec ?? {}
  w.write(LEVEL_0, `Selector:\t${job.selector ? (labelSelectorSpecString(job.selector) ?? '') : '<unset>'}\n`)
  w.write(LEVEL_0, `Parallelism:\t${isSet(job.parallelism) ? job.parallelism : '<unset>'}\n`)
  w.write(LEVEL_0, `Completions:\t${isSet(job.completions) ? job.completions : '<unset>'}\n`)
  if (isSet(job.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${job.activeDeadlineSeconds}s\n`)
  describePodTemplate(job.template ?? {}, w, now)
}

/** Describes a CronJob: schedule, policies, the job template, last schedule, active jobs and events. */
export async function describeCronJob(object: KubeObject, context: DescribeContext): Promise<string> {
  const cronJob = object as CronJob
  const events = await eventsFor(context, cronJob)
  const spec = cronJob.spec ?? {}
  const status = cronJob.status ?? {}
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${cronJob.metadata.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${cronJob.metadata.namespace ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', cronJob.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', cronJob.metadata.annotations)
    w.write(LEVEL_0, `Schedule:\t${spec.schedule ?? ''}\n`)
    w.write(LEVEL_0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ''}\n`)
    w.write(LEVEL_0, `Suspend:\t${isSet(spec.suspend) ? printBool(spec.suspend) : '<unset>'}\n`)
    const successful = isSet(spec.successfulJobsHistoryLimit) ? spec.successfulJobsHistoryLimit : '<unset>'
    w.write(LEVEL_0, `Successful Job History Limit:\t${successful}\n`)
    const failed = isSet(spec.failedJobsHistoryLimit) ? spec.failedJobsHistoryLimit : '<unset>'
    w.write(LEVEL_0, `Failed Job History Limit:\t${failed}\n`)
    const deadline = isSet(spec.startingDeadlineSeconds) ? `${spec.startingDeadlineSeconds}s` : '<unset>'
    w.write(LEVEL_0, `Starting Deadline Seconds:\t${deadline}\n`)
    describeJobTemplate(spec.jobTemplate?.spec, w, context.now)
    const last = status.lastScheduleTime ? formatRFC1123Z(status.lastScheduleTime) : '<unset>'
    w.write(LEVEL_0, `Last Schedule Time:\t${last}\n`)
    w.write(LEVEL_0, 'Active Jobs:\t')
    const active = status.active ?? []
    if (active.length === 0) w.writeLine('<none>')
    else {
      w.write(LEVEL_0, active.map((job) => job.name ?? '').join(', '))
      w.writeLine('')
    }
    if (events) describeEvents(events, w, context.now)
  })
}
