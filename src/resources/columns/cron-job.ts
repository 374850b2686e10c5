import type {KubeObject} from '../../backend/object.js'
import {translateTimestampSince} from './age.js'
import {ageColumn, column, containerColumns, nameColumn, wideColumn, type ColumnSet} from './column-set.js'
import {layoutContainerCells, type PodTemplateFields} from './containers.js'
import {formatLabelSelector, type LabelSelectorSpec} from '../label-selector.js'

interface CronJobFields extends KubeObject {
  spec?: {
    schedule?: string
    timeZone?: string | null
    suspend?: boolean | null
    jobTemplate?: {spec?: {selector?: LabelSelectorSpec; template?: PodTemplateFields}}
  }
  status?: {active?: unknown[]; lastScheduleTime?: string | null}
}

// kubectl: pkg/printers/internalversion/printers.go cronJobColumnDefinitions + printCronJob (v1.32)
/** NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE, wide CONTAINERS IMAGES SELECTOR. */
export const cronJobColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Schedule', 'string', 'The cron schedule of the job.'),
    column('Timezone', 'string', 'The time zone of the schedule.'),
    column('Suspend', 'boolean', 'Whether new runs are suspended.'),
    column('Active', 'integer', 'The number of jobs running now.'),
    column('Last Schedule', 'string', 'Time since a job was last scheduled.'),
    ageColumn(),
    ...containerColumns(),
    wideColumn('Selector', 'string', 'The label selector of the job template.'),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const cronJob = object as CronJobFields
    const spec = cronJob.spec ?? {}
    const jobSpec = spec.jobTemplate?.spec
    const [names, images] = layoutContainerCells(jobSpec?.template?.spec?.containers)
    const lastSchedule = cronJob.status?.lastScheduleTime
    return [
      cronJob.metadata.name ?? '',
      spec.schedule ?? '',
      spec.timeZone ?? '<none>',
      printBoolPointer(spec.suspend),
      (cronJob.status?.active ?? []).length,
      lastSchedule ? translateTimestampSince(lastSchedule, now) : '<none>',
      translateTimestampSince(cronJob.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(jobSpec?.selector),
    ]
  },
}

// kubectl: printers.go printBoolPtr (v1.32)
function printBoolPointer(value: boolean | null | undefined): string {
  if (value === undefined || value === null) return '<unset>'
  return value ? 'True' : 'False'
}
