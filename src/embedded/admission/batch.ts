// batch/v1 Job and CronJob validation (pkg/apis/batch/validation, v1.32).
import type {KubeObject} from '../../backend/object.js'
import {child, invalid, key, notSupported, required, type FieldError} from './field-error.js'
import {nameIsDNSSubdomain} from './formats.js'
import {goQuote} from '../../resources/go-format.js'
import {GO_NIL, goLabelSelector, goScalar, goStringMap} from './go-format.js'
import {cronScheduleError} from './cron-schedule.js'
import {jsonEqual} from '../../resources/json-equal.js'
import {isSet, num, obj, str} from './json.js'
import {selectorFromLabelSelector, selectorMatches, validateLabelSelector} from './labels.js'
import {FIELD_IMMUTABLE, validateNonnegative, validateObjectMeta, validateObjectMetaUpdate} from './object-meta.js'
import {validatePodTemplateSpec} from './pod-spec.js'
import {isDNS1123Label} from '../../resources/label-syntax.js'

/** The labels the Job strategy puts on pod templates and selects on. */
export const JOB_LABELS = {
  controllerUid: 'batch.kubernetes.io/controller-uid',
  jobName: 'batch.kubernetes.io/job-name',
  legacyControllerUid: 'controller-uid',
  legacyJobName: 'job-name',
} as const

const MAX_CRONJOB_NAME_LENGTH = 52

function validateHasLabel(templateMeta: Record<string, unknown>, labelKey: string, expected: string): FieldError[] {
  const labels = obj(templateMeta['labels'])
  const path = key('spec.template.metadata.labels', labelKey)
  if (!Object.hasOwn(labels, labelKey)) return [required(path, `must be '${expected}'`)]
  if (str(labels[labelKey]) !== expected) return [invalid(path, goStringMap(labels), `must be '${expected}'`)]
  return []
}

function validateGeneratedSelector(job: KubeObject, prefixedLabels: boolean): FieldError[] {
  const spec = obj(job['spec'])
  if (spec['manualSelector'] === true || !isSet(spec['selector'])) return []
  const uid = str(job.metadata.uid)
  const name = str(job.metadata.name)
  const errors: FieldError[] = []
  if (uid.length === 0) errors.push(required('metadata.uid'))
  const templateMeta = obj(obj(spec['template'])['metadata'])
  errors.push(...validateHasLabel(templateMeta, JOB_LABELS.legacyControllerUid, uid))
  errors.push(...validateHasLabel(templateMeta, JOB_LABELS.legacyJobName, name))
  const expected: Record<string, string> = {}
  if (prefixedLabels) {
    errors.push(...validateHasLabel(templateMeta, JOB_LABELS.controllerUid, uid))
    errors.push(...validateHasLabel(templateMeta, JOB_LABELS.jobName, name))
    expected[JOB_LABELS.controllerUid] = uid
    expected[JOB_LABELS.jobName] = name
  }
  expected[JOB_LABELS.legacyControllerUid] = uid
  expected[JOB_LABELS.legacyJobName] = name
  const selector = selectorFromLabelSelector(spec['selector'])
  if (selector !== undefined && !selectorMatches(selector, expected)) {
    errors.push(invalid('spec.selector', goLabelSelector(spec['selector']), '`selector` not auto-generated'))
  }
  return errors
}

// validateJobSpec: counts, completion mode, replacement policy, the template and its restartPolicy.
function validateJobSpecFields(spec: Record<string, unknown>, path: string): FieldError[] {
  const errors: FieldError[] = []
  for (const field of [
    'parallelism',
    'completions',
    'activeDeadlineSeconds',
    'backoffLimit',
    'ttlSecondsAfterFinished',
    'backoffLimitPerIndex',
  ]) {
    errors.push(...validateNonnegative(spec[field], child(path, field)))
  }
  const mode = spec['completionMode']
  if (isSet(mode)) {
    if (mode !== 'NonIndexed' && mode !== 'Indexed') {
      errors.push(notSupported(child(path, 'completionMode'), goQuote(str(mode)), ['NonIndexed', 'Indexed']))
    }
    if (mode === 'Indexed' && !isSet(spec['completions'])) {
      errors.push(required(child(path, 'completions'), 'when completion mode is Indexed'))
    }
  }
  if ((!isSet(mode) || mode === 'NonIndexed') && isSet(spec['backoffLimitPerIndex'])) {
    errors.push(
      invalid(
        child(path, 'backoffLimitPerIndex'),
        goScalar(num(spec['backoffLimitPerIndex']) ?? 0),
        'requires indexed completion mode',
      ),
    )
  }
  const replacement = spec['podReplacementPolicy']
  if (isSet(replacement)) {
    const value = str(replacement)
    if (isSet(spec['podFailurePolicy'])) {
      if (value !== 'Failed') errors.push(notSupported(child(path, 'podReplacementPolicy'), goQuote(value), ['Failed']))
    } else if (value !== 'Failed' && value !== 'TerminatingOrFailed') {
      errors.push(notSupported(child(path, 'podReplacementPolicy'), goQuote(value), ['Failed', 'TerminatingOrFailed']))
    }
  }
  errors.push(...validatePodTemplateSpec(spec['template'], child(path, 'template')))
  const restartPolicy = str(obj(obj(spec['template'])['spec'])['restartPolicy'])
  const restartPath = child(path, 'template', 'spec', 'restartPolicy')
  if (restartPolicy === 'Always' || restartPolicy === '') {
    errors.push(required(restartPath, 'valid values: "OnFailure", "Never"'))
  } else if (restartPolicy !== 'OnFailure' && restartPolicy !== 'Never') {
    errors.push(notSupported(restartPath, goQuote(restartPolicy), ['OnFailure', 'Never']))
  } else if (isSet(spec['podFailurePolicy']) && restartPolicy !== 'Never') {
    errors.push(
      invalid(restartPath, goQuote(restartPolicy), 'only "Never" is supported when podFailurePolicy is specified'),
    )
  }
  return errors
}

function validateJobSpec(spec: Record<string, unknown>): FieldError[] {
  const errors = validateJobSpecFields(spec, 'spec')
  if (!isSet(spec['selector'])) errors.push(required('spec.selector'))
  else errors.push(...validateLabelSelector(spec['selector'], 'spec.selector'))
  const selector = selectorFromLabelSelector(isSet(spec['selector']) ? spec['selector'] : undefined)
  const templateLabels = obj(obj(spec['template'])['metadata'])['labels']
  if (selector !== undefined && !selectorMatches(selector, templateLabels)) {
    const shown = isSet(templateLabels) ? goStringMap(obj(templateLabels)) : goStringMap(undefined)
    errors.push(invalid('spec.template.metadata.labels', shown, '`selector` does not match template `labels`'))
  }
  return errors
}

/** ValidateJob on create. */
export function validateJobCreate(job: KubeObject): FieldError[] {
  const spec = obj(job['spec'])
  const errors = [
    ...validateObjectMeta(job.metadata, {namespaced: true, nameFn: nameIsDNSSubdomain}),
    ...validateGeneratedSelector(job, true),
    ...validateJobSpec(spec),
  ]
  const completions = num(spec['completions'])
  if (spec['completionMode'] === 'Indexed' && completions !== undefined && completions > 0) {
    const name = str(job.metadata.name)
    const hostname = `${name}-${completions - 1}`
    if (isDNS1123Label(hostname).length > 0) {
      errors.push(
        invalid('metadata.name', goQuote(name), `will not able to create pod with invalid DNS label: ${hostname}`),
      )
    }
  }
  return errors
}

function immutableField(next: unknown, prev: unknown, path: string, shown: string): FieldError[] {
  return jsonEqual(next, prev) ? [] : [invalid(path, shown, FIELD_IMMUTABLE)]
}

/**
 * ValidateJobUpdate. A changed template is reported with its value abbreviated to
 * `core.PodTemplateSpec{...}`: Kubernetes prints the whole internal struct there.
 */
export function validateJobUpdate(job: KubeObject, old: KubeObject): FieldError[] {
  const spec = obj(job['spec'])
  const oldSpec = obj(old['spec'])
  const count = (v: unknown): string => (typeof v === 'number' ? goScalar(v) : GO_NIL)
  return [
    ...validateObjectMetaUpdate(job.metadata, old.metadata),
    ...validateJobSpec(spec),
    ...immutableField(spec['completions'], oldSpec['completions'], 'spec.completions', count(spec['completions'])),
    ...immutableField(spec['selector'], oldSpec['selector'], 'spec.selector', goLabelSelector(spec['selector'])),
    ...immutableField(spec['template'], oldSpec['template'], 'spec.template', 'core.PodTemplateSpec{...}'),
    ...immutableField(
      spec['completionMode'],
      oldSpec['completionMode'],
      'spec.completionMode',
      goQuote(str(spec['completionMode'])),
    ),
    ...immutableField(
      spec['podFailurePolicy'],
      oldSpec['podFailurePolicy'],
      'spec.podFailurePolicy',
      'batch.PodFailurePolicy{...}',
    ),
    ...immutableField(
      spec['backoffLimitPerIndex'],
      oldSpec['backoffLimitPerIndex'],
      'spec.backoffLimitPerIndex',
      count(spec['backoffLimitPerIndex']),
    ),
  ]
}

function validateTimeZone(timeZone: unknown, path: string): FieldError[] {
  if (!isSet(timeZone)) return []
  const zone = str(timeZone)
  if (zone.length === 0) return [invalid(path, goQuote(zone), 'timeZone must be nil or non-empty string')]
  for (const part of zone.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !/^[A-Za-z.\-_0-9+]{1,14}$/.test(part)) {
      return [invalid(path, goQuote(zone), `unknown time zone ${zone}`)]
    }
  }
  if (zone.toLowerCase() === 'local') {
    return [
      invalid(
        path,
        goQuote(zone),
        'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
      ),
    ]
  }
  try {
    new Intl.DateTimeFormat('en-US', {timeZone: zone})
  } catch (error) {
    if (error instanceof RangeError) return [invalid(path, goQuote(zone), `unknown time zone ${zone}`)]
    throw error
  }
  return []
}

function validateCronJobSpec(
  spec: Record<string, unknown>,
  oldSpec: Record<string, unknown> | undefined,
): FieldError[] {
  const errors: FieldError[] = []
  const schedule = str(spec['schedule'])
  if (schedule.length === 0) errors.push(required('spec.schedule'))
  else {
    const scheduleError = cronScheduleError(schedule)
    if (scheduleError !== undefined) errors.push(invalid('spec.schedule', goQuote(schedule), scheduleError))
    const allowTZ = oldSpec !== undefined && str(oldSpec['schedule']).includes('TZ')
    if (allowTZ && schedule.includes('TZ') && isSet(spec['timeZone'])) {
      errors.push(
        invalid('spec.schedule', goQuote(schedule), 'cannot use both timeZone field and TZ or CRON_TZ in schedule'),
      )
    } else if (!allowTZ && schedule.includes('TZ')) {
      errors.push(
        invalid('spec.schedule', goQuote(schedule), 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'),
      )
    }
  }
  errors.push(...validateNonnegative(spec['startingDeadlineSeconds'], 'spec.startingDeadlineSeconds'))
  if (oldSpec === undefined || !jsonEqual(oldSpec['timeZone'], spec['timeZone'])) {
    errors.push(...validateTimeZone(spec['timeZone'], 'spec.timeZone'))
  }
  const policy = str(spec['concurrencyPolicy'])
  if (policy.length === 0) errors.push(required('spec.concurrencyPolicy'))
  else if (!['Allow', 'Forbid', 'Replace'].includes(policy)) {
    errors.push(notSupported('spec.concurrencyPolicy', goQuote(policy), ['Allow', 'Forbid', 'Replace']))
  }
  const jobSpec = obj(obj(spec['jobTemplate'])['spec'])
  errors.push(...validateJobSpecFields(jobSpec, 'spec.jobTemplate.spec'))
  if (isSet(jobSpec['selector'])) {
    errors.push(
      invalid(
        'spec.jobTemplate.spec.selector',
        goLabelSelector(jobSpec['selector']),
        '`selector` will be auto-generated',
      ),
    )
  }
  if (jobSpec['manualSelector'] === true)
    errors.push(notSupported('spec.jobTemplate.spec.manualSelector', 'true', ['nil', 'false']))
  errors.push(...validateNonnegative(spec['successfulJobsHistoryLimit'], 'spec.successfulJobsHistoryLimit'))
  errors.push(...validateNonnegative(spec['failedJobsHistoryLimit'], 'spec.failedJobsHistoryLimit'))
  return errors
}

/** ValidateCronJobCreate, including the 52-character name limit. */
export function validateCronJobCreate(cronJob: KubeObject): FieldError[] {
  const errors = [
    ...validateObjectMeta(cronJob.metadata, {namespaced: true, nameFn: nameIsDNSSubdomain}),
    ...validateCronJobSpec(obj(cronJob['spec']), undefined),
  ]
  const name = str(cronJob.metadata.name)
  if (name.length > MAX_CRONJOB_NAME_LENGTH) {
    errors.push(invalid('metadata.name', goQuote(name), `must be no more than ${MAX_CRONJOB_NAME_LENGTH} characters`))
  }
  return errors
}

/** ValidateCronJobUpdate (no name length limit, TZ allowed if the old schedule had it). */
export function validateCronJobUpdate(cronJob: KubeObject, old: KubeObject): FieldError[] {
  return [
    ...validateObjectMetaUpdate(cronJob.metadata, old.metadata),
    ...validateCronJobSpec(obj(cronJob['spec']), obj(old['spec'])),
  ]
}
