import type {KubeObject} from '../../backend/object.js'
import {humanDuration} from '../human-duration.js'
import {parseTimestamp, translateTimestampSince} from './age.js'
import {ageColumn, column, containerColumns, nameColumn, wideColumn, type ColumnSet} from './column-set.js'
import {layoutContainerCells, type PodTemplateFields} from './containers.js'
import {formatLabelSelector, type LabelSelectorSpec} from '../label-selector.js'

interface JobCondition {
  type?: string
  status?: string
}

interface JobFields extends KubeObject {
  spec?: {
    completions?: number | null
    parallelism?: number | null
    selector?: LabelSelectorSpec
    template?: PodTemplateFields
  }
  status?: {succeeded?: number; startTime?: string; completionTime?: string; conditions?: JobCondition[]}
}

// kubectl: pkg/printers/internalversion/printers.go jobColumnDefinitions + printJob (v1.32)
/** NAME STATUS COMPLETIONS DURATION AGE, wide CONTAINERS IMAGES SELECTOR. */
export const jobColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Status', 'string', 'The status of the job: Complete, Failed, Suspended, Running, ...'),
    column('Completions', 'string', 'Succeeded pods out of the completions wanted.'),
    column('Duration', 'string', 'How long the job ran, or has been running.'),
    ageColumn(),
    ...containerColumns(),
    wideColumn('Selector', 'string', 'The label selector of the pods.'),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const job = object as JobFields
    const [names, images] = layoutContainerCells(job.spec?.template?.spec?.containers)
    return [
      job.metadata.name ?? '',
      jobStatus(job),
      completions(job),
      jobDuration(job, now),
      translateTimestampSince(job.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(job.spec?.selector),
    ]
  },
}

function completions(job: JobFields): string {
  const succeeded = job.status?.succeeded ?? 0
  const wanted = job.spec?.completions
  if (typeof wanted === 'number') return `${succeeded}/${wanted}`
  // a work-queue job (no completions) completes once one pod succeeds
  const parallelism = job.spec?.parallelism ?? 0
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`
}

function jobDuration(job: JobFields, now: number): string {
  const start = parseTimestamp(job.status?.startTime)
  if (start === undefined) return ''
  const completion = parseTimestamp(job.status?.completionTime)
  return humanDuration((completion ?? now) - start)
}

function jobStatus(job: JobFields): string {
  const conditions = job.status?.conditions ?? []
  if (hasJobCondition(conditions, 'Complete')) return 'Complete'
  if (hasJobCondition(conditions, 'Failed')) return 'Failed'
  if (job.metadata.deletionTimestamp) return 'Terminating'
  if (hasJobCondition(conditions, 'Suspended')) return 'Suspended'
  if (hasJobCondition(conditions, 'FailureTarget')) return 'FailureTarget'
  return 'Running'
}

// kubectl: printers.go hasJobCondition looks at the first condition of the type only (v1.32)
function hasJobCondition(conditions: JobCondition[], type: string): boolean {
  return conditions.find((c) => c.type === type)?.status === 'True'
}
