// Workload defaults: apps/v1 and batch/v1 defaults.go (v1.32) and the Job strategy's generated
// selector. Pod templates get the PodSpec defaults but none of the Pod-only ones or tolerations.
import {isJsonObject, type JsonObject} from '../../../backend/object.js'
import {ensureObject, isSet, obj, str} from '../json.js'
import {JOB_LABELS} from '../batch.js'
import {defaultPodTemplate} from './pod-spec.js'
import {defaultPersistentVolumeClaim} from './core.js'

/** Deployment's default surge and unavailability. */
const DEFAULT_DEPLOYMENT_MAX_SURGE = '25%'
/** Deployment's default maxUnavailable. */
const DEFAULT_DEPLOYMENT_MAX_UNAVAILABLE = '25%'
/** Deployments, DaemonSets and StatefulSets keep ten old revisions. */
const DEFAULT_REVISION_HISTORY_LIMIT = 10
/** Deployment progressDeadlineSeconds. */
const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600
/** Job backoffLimit. */
const DEFAULT_BACKOFF_LIMIT = 6
// math.MaxInt32: backoffLimit when backoffLimitPerIndex is used
const MAX_INT32 = 2147483647

function setIfUnset(target: JsonObject, field: string, value: unknown): void {
  if (!isSet(target[field])) target[field] = value
}

function defaultTemplate(spec: JsonObject): void {
  defaultPodTemplate(ensureObject(spec, 'template'))
}

/** SetDefaults_Deployment. */
export function defaultDeployment(object: JsonObject): void {
  const spec = ensureObject(object, 'spec')
  setIfUnset(spec, 'replicas', 1)
  const strategy = ensureObject(spec, 'strategy')
  if (str(strategy['type']).length === 0) strategy['type'] = 'RollingUpdate'
  if (strategy['type'] === 'RollingUpdate') {
    const rollingUpdate = ensureObject(strategy, 'rollingUpdate')
    setIfUnset(rollingUpdate, 'maxUnavailable', DEFAULT_DEPLOYMENT_MAX_UNAVAILABLE)
    setIfUnset(rollingUpdate, 'maxSurge', DEFAULT_DEPLOYMENT_MAX_SURGE)
  }
  setIfUnset(spec, 'revisionHistoryLimit', DEFAULT_REVISION_HISTORY_LIMIT)
  setIfUnset(spec, 'progressDeadlineSeconds', DEFAULT_PROGRESS_DEADLINE_SECONDS)
  defaultTemplate(spec)
}

/** SetDefaults_ReplicaSet. */
export function defaultReplicaSet(object: JsonObject): void {
  const spec = ensureObject(object, 'spec')
  setIfUnset(spec, 'replicas', 1)
  defaultTemplate(spec)
}

/** SetDefaults_ReplicationController (core/v1): selector and labels from the template. */
export function defaultReplicationController(object: JsonObject): void {
  const spec = ensureObject(object, 'spec')
  setIfUnset(spec, 'replicas', 1)
  const template = spec['template']
  const labels = isJsonObject(template) ? obj(template['metadata'])['labels'] : undefined
  if (isJsonObject(labels)) {
    if (!isJsonObject(spec['selector']) || Object.keys(spec['selector']).length === 0) spec['selector'] = {...labels}
    const metadata = ensureObject(object, 'metadata')
    if (!isJsonObject(metadata['labels']) || Object.keys(metadata['labels']).length === 0)
      metadata['labels'] = {...labels}
  }
  if (isJsonObject(template)) defaultPodTemplate(template)
}

/** SetDefaults_DaemonSet. */
export function defaultDaemonSet(object: JsonObject): void {
  const spec = ensureObject(object, 'spec')
  const strategy = ensureObject(spec, 'updateStrategy')
  if (str(strategy['type']).length === 0) strategy['type'] = 'RollingUpdate'
  if (strategy['type'] === 'RollingUpdate') {
    const rollingUpdate = ensureObject(strategy, 'rollingUpdate')
    setIfUnset(rollingUpdate, 'maxUnavailable', 1)
    setIfUnset(rollingUpdate, 'maxSurge', 0)
  }
  setIfUnset(spec, 'revisionHistoryLimit', DEFAULT_REVISION_HISTORY_LIMIT)
  defaultTemplate(spec)
}

/** SetDefaults_StatefulSet, including its volumeClaimTemplates' PVC defaults. */
export function defaultStatefulSet(object: JsonObject): void {
  const spec = ensureObject(object, 'spec')
  if (str(spec['podManagementPolicy']).length === 0) spec['podManagementPolicy'] = 'OrderedReady'
  const strategy = ensureObject(spec, 'updateStrategy')
  if (str(strategy['type']).length === 0) {
    strategy['type'] = 'RollingUpdate'
    setIfUnset(strategy, 'rollingUpdate', {})
  }
  if (strategy['type'] === 'RollingUpdate' && isJsonObject(strategy['rollingUpdate'])) {
    setIfUnset(strategy['rollingUpdate'], 'partition', 0)
  }
  const retention = ensureObject(spec, 'persistentVolumeClaimRetentionPolicy')
  if (str(retention['whenDeleted']).length === 0) retention['whenDeleted'] = 'Retain'
  if (str(retention['whenScaled']).length === 0) retention['whenScaled'] = 'Retain'
  setIfUnset(spec, 'replicas', 1)
  setIfUnset(spec, 'revisionHistoryLimit', DEFAULT_REVISION_HISTORY_LIMIT)
  defaultTemplate(spec)
  if (Array.isArray(spec['volumeClaimTemplates'])) {
    for (const claim of spec['volumeClaimTemplates'].filter(isJsonObject)) {
      if (!isSet(claim['apiVersion'])) claim['apiVersion'] = 'v1'
      if (!isSet(claim['kind'])) claim['kind'] = 'PersistentVolumeClaim'
      const metadata = ensureObject(claim, 'metadata')
      if (!Object.hasOwn(metadata, 'creationTimestamp')) metadata['creationTimestamp'] = null
      defaultPersistentVolumeClaim(claim)
    }
  }
}

function defaultJobSpec(spec: JsonObject): void {
  if (!isSet(spec['completions']) && !isSet(spec['parallelism'])) {
    spec['completions'] = 1
    spec['parallelism'] = 1
  }
  setIfUnset(spec, 'parallelism', 1)
  setIfUnset(spec, 'backoffLimit', isSet(spec['backoffLimitPerIndex']) ? MAX_INT32 : DEFAULT_BACKOFF_LIMIT)
  setIfUnset(spec, 'completionMode', 'NonIndexed')
  setIfUnset(spec, 'suspend', false)
  if (isJsonObject(spec['podFailurePolicy'])) {
    for (const rule of Array.isArray(spec['podFailurePolicy']['rules']) ? spec['podFailurePolicy']['rules'] : []) {
      for (const pattern of isJsonObject(rule) && Array.isArray(rule['onPodConditions'])
        ? rule['onPodConditions']
        : []) {
        if (isJsonObject(pattern) && str(pattern['status']).length === 0) pattern['status'] = 'True'
      }
    }
  }
  setIfUnset(spec, 'podReplacementPolicy', isSet(spec['podFailurePolicy']) ? 'Failed' : 'TerminatingOrFailed')
  setIfUnset(spec, 'manualSelector', false)
}

// Job strategy generateSelector: job-name and controller-uid labels on the template, selected by uid.
function generateJobSelector(object: JsonObject, spec: JsonObject): void {
  const metadata = obj(object['metadata'])
  const uid = str(metadata['uid'])
  const name = str(metadata['name'])
  const templateMeta = ensureObject(ensureObject(spec, 'template'), 'metadata')
  const labels = ensureObject(templateMeta, 'labels')
  for (const label of [JOB_LABELS.legacyJobName, JOB_LABELS.jobName]) setIfUnset(labels, label, name)
  for (const label of [JOB_LABELS.legacyControllerUid, JOB_LABELS.controllerUid]) setIfUnset(labels, label, uid)
  const matchLabels = ensureObject(ensureObject(spec, 'selector'), 'matchLabels')
  setIfUnset(matchLabels, JOB_LABELS.controllerUid, uid)
}

/**
 * SetDefaults_Job. On create with a uid and no manual selector the selector is generated; a Job
 * without labels then carries its template's labels (defaulting runs again when read back).
 */
export function defaultJob(object: JsonObject, creating: boolean): void {
  const spec = ensureObject(object, 'spec')
  defaultJobSpec(spec)
  const metadata = ensureObject(object, 'metadata')
  if (creating && spec['manualSelector'] !== true && str(metadata['uid']).length > 0) generateJobSelector(object, spec)
  const templateLabels = obj(obj(obj(spec['template'])['metadata'])['labels'])
  const ownLabels = metadata['labels']
  if (Object.keys(templateLabels).length > 0 && (!isJsonObject(ownLabels) || Object.keys(ownLabels).length === 0)) {
    metadata['labels'] = {...templateLabels}
  }
  defaultTemplate(spec)
}

/** SetDefaults_CronJob; the job template gets only nested (pod template) defaults. */
export function defaultCronJob(object: JsonObject): void {
  const spec = ensureObject(object, 'spec')
  if (str(spec['concurrencyPolicy']).length === 0) spec['concurrencyPolicy'] = 'Allow'
  setIfUnset(spec, 'suspend', false)
  setIfUnset(spec, 'successfulJobsHistoryLimit', 3)
  setIfUnset(spec, 'failedJobsHistoryLimit', 1)
  const jobTemplate = ensureObject(spec, 'jobTemplate')
  const metadata = ensureObject(jobTemplate, 'metadata')
  if (!Object.hasOwn(metadata, 'creationTimestamp')) metadata['creationTimestamp'] = null
  defaultTemplate(ensureObject(jobTemplate, 'spec'))
}
