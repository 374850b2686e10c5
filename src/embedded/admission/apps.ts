// apps/v1 workloads: Deployment, ReplicaSet, DaemonSet, StatefulSet (pkg/apis/apps/validation and
// the registry strategies' selector immutability, v1.32).
import type {KubeObject} from '../../backend/object.js'
import {child, forbidden, invalid, notSupported, required, type FieldError} from './field-error.js'
import {isValidPercent, nameIsDNSLabel, nameIsDNSSubdomain} from './formats.js'
import {goQuote} from '../../resources/go-format.js'
import {isEmptySelector} from '../../resources/label-selector.js'
import {goIntOrString, goLabelSelector, goScalar, goStringMap} from './go-format.js'
import {jsonEqual} from '../../resources/json-equal.js'
import {isSet, num, obj, str} from './json.js'
import {selectorFromLabelSelector, selectorMatches, validateLabelSelector, validateLabels} from './labels.js'
import {
  FIELD_IMMUTABLE,
  validateAnnotations,
  validateNonnegative,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './object-meta.js'
import {validatePodTemplateSpec} from './pod-spec.js'

type Workload = 'deployment' | 'replicaset' | 'daemonset' | 'statefulset'

function templateLabels(spec: Record<string, unknown>): Record<string, unknown> | undefined {
  const labels = obj(spec['template'])['metadata']
  const map = obj(labels)['labels']
  return map !== undefined && map !== null ? obj(map) : undefined
}

function selectorDoesNotMatch(spec: Record<string, unknown>): FieldError {
  return invalid(
    'spec.template.metadata.labels',
    goStringMap(templateLabels(spec)),
    '`selector` does not match template `labels`',
  )
}

// Deployment/ReplicaSet: selector required, non-empty, matching the template; template validated.
function validateSelectorAndTemplate(spec: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = []
  const selector = spec['selector']
  if (!isSet(selector)) errors.push(required('spec.selector'))
  else {
    errors.push(...validateLabelSelector(selector, 'spec.selector'))
    const s = obj(selector)
    if (
      Object.keys(obj(s['matchLabels'])).length +
        (Array.isArray(s['matchExpressions']) ? s['matchExpressions'].length : 0) ===
      0
    ) {
      // ReplicaSet reuses the Deployment wording.
      errors.push(invalid('spec.selector', goLabelSelector(selector), 'empty selector is invalid for deployment'))
    }
  }
  const compiled = selectorFromLabelSelector(isSet(selector) ? selector : undefined)
  if (compiled === undefined) {
    errors.push(invalid('spec.selector', goLabelSelector(selector), 'invalid label selector'))
    return errors
  }
  if (!isEmptySelector(compiled) && !selectorMatches(compiled, templateLabels(spec)))
    errors.push(selectorDoesNotMatch(spec))
  errors.push(...validatePodTemplateSpec(spec['template'], 'spec.template'))
  // Deployments share ValidatePodTemplateSpecForReplicaSet, hence "in ReplicaSet" for both.
  errors.push(...templateMustRestartAlways(spec, 'ReplicaSet', true))
  return errors
}

function templateMustRestartAlways(
  spec: Record<string, unknown>,
  owner: string,
  forbidDeadline: boolean,
): FieldError[] {
  const templateSpec = obj(obj(spec['template'])['spec'])
  const errors: FieldError[] = []
  const restartPolicy = str(templateSpec['restartPolicy'])
  if (restartPolicy !== 'Always') {
    errors.push(notSupported('spec.template.spec.restartPolicy', goQuote(restartPolicy), ['Always']))
  }
  if (forbidDeadline && isSet(templateSpec['activeDeadlineSeconds'])) {
    errors.push(
      forbidden('spec.template.spec.activeDeadlineSeconds', `activeDeadlineSeconds in ${owner} is not Supported`),
    )
  }
  return errors
}

function percentValue(value: unknown): number | undefined {
  if (typeof value !== 'string' || isValidPercent(value).length > 0) return undefined
  return Number.parseInt(value.slice(0, -1), 10)
}

function intOrPercentValue(value: unknown): number {
  const percent = percentValue(value)
  if (percent !== undefined) return percent
  // intstr.IntValue: a string that is not a number counts as 0
  if (typeof value === 'string') return Number.parseInt(value, 10) || 0
  return typeof value === 'number' ? value : 0
}

/** ValidatePositiveIntOrPercent. */
function validatePositiveIntOrPercent(value: unknown, path: string): FieldError[] {
  if (typeof value === 'string')
    return isValidPercent(value).map((message) => invalid(path, goIntOrString(value), message))
  return validateNonnegative(value, path)
}

function notMoreThan100Percent(value: unknown, path: string): FieldError[] {
  const percent = percentValue(value)
  return percent !== undefined && percent > 100
    ? [invalid(path, goIntOrString(value), 'must not be greater than 100%')]
    : []
}

function validateDeploymentStrategy(strategy: unknown, path: string): FieldError[] {
  const s = obj(strategy)
  const type = str(s['type'])
  if (type === 'Recreate') {
    return isSet(s['rollingUpdate'])
      ? [forbidden(child(path, 'rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'")]
      : []
  }
  if (type === 'RollingUpdate') {
    if (!isSet(s['rollingUpdate']))
      return [required(child(path, 'rollingUpdate'), 'this should be defaulted and never be nil')]
    const ru = obj(s['rollingUpdate'])
    const ruPath = child(path, 'rollingUpdate')
    const errors = [
      ...validatePositiveIntOrPercent(ru['maxUnavailable'], child(ruPath, 'maxUnavailable')),
      ...validatePositiveIntOrPercent(ru['maxSurge'], child(ruPath, 'maxSurge')),
    ]
    if (intOrPercentValue(ru['maxUnavailable']) === 0 && intOrPercentValue(ru['maxSurge']) === 0) {
      errors.push(
        invalid(
          child(ruPath, 'maxUnavailable'),
          goIntOrString(ru['maxUnavailable']),
          'may not be 0 when `maxSurge` is 0',
        ),
      )
    }
    errors.push(...notMoreThan100Percent(ru['maxUnavailable'], child(ruPath, 'maxUnavailable')))
    return errors
  }
  // The whole strategy struct is the bad value; its %#v dump is abbreviated.
  return [notSupported(path, 'apps.DeploymentStrategy{...}', ['Recreate', 'RollingUpdate'])]
}

function validateDeploymentSpec(spec: Record<string, unknown>): FieldError[] {
  const errors = [...validateNonnegative(spec['replicas'], 'spec.replicas'), ...validateSelectorAndTemplate(spec)]
  errors.push(...validateDeploymentStrategy(spec['strategy'], 'spec.strategy'))
  errors.push(...validateNonnegative(spec['minReadySeconds'], 'spec.minReadySeconds'))
  errors.push(...validateNonnegative(spec['revisionHistoryLimit'], 'spec.revisionHistoryLimit'))
  const deadline = num(spec['progressDeadlineSeconds'])
  if (deadline !== undefined) {
    errors.push(...validateNonnegative(deadline, 'spec.progressDeadlineSeconds'))
    if (deadline <= (num(spec['minReadySeconds']) ?? 0)) {
      errors.push(invalid('spec.progressDeadlineSeconds', goScalar(deadline), 'must be greater than minReadySeconds'))
    }
  }
  return errors
}

function validateReplicaSetSpec(spec: Record<string, unknown>): FieldError[] {
  return [
    ...validateNonnegative(spec['replicas'], 'spec.replicas'),
    ...validateNonnegative(spec['minReadySeconds'], 'spec.minReadySeconds'),
    ...validateSelectorAndTemplate(spec),
  ]
}

function validateDaemonSetSpec(spec: Record<string, unknown>): FieldError[] {
  const selector = spec['selector']
  const errors = validateLabelSelector(selector, 'spec.selector')
  const compiled = selectorFromLabelSelector(isSet(selector) ? selector : undefined)
  if (compiled !== undefined && !selectorMatches(compiled, templateLabels(spec)))
    errors.push(selectorDoesNotMatch(spec))
  if (isSet(selector) && compiled !== undefined && isEmptySelector(compiled)) {
    errors.push(invalid('spec.selector', goLabelSelector(selector), 'empty selector is invalid for daemonset'))
  }
  errors.push(...validatePodTemplateSpec(spec['template'], 'spec.template'))
  errors.push(...templateMustRestartAlways(spec, 'DaemonSet', true))
  errors.push(...validateNonnegative(spec['minReadySeconds'], 'spec.minReadySeconds'))
  errors.push(...validateNonnegative(spec['templateGeneration'], 'spec.templateGeneration'))
  const strategy = obj(spec['updateStrategy'])
  const type = str(strategy['type'])
  if (type === 'RollingUpdate') {
    if (!isSet(strategy['rollingUpdate'])) errors.push(required('spec.updateStrategy.rollingUpdate'))
    else {
      const ru = obj(strategy['rollingUpdate'])
      const path = 'spec.updateStrategy.rollingUpdate'
      errors.push(...validatePositiveIntOrPercent(ru['maxUnavailable'], child(path, 'maxUnavailable')))
      errors.push(...validatePositiveIntOrPercent(ru['maxSurge'], child(path, 'maxSurge')))
      errors.push(...notMoreThan100Percent(ru['maxUnavailable'], child(path, 'maxUnavailable')))
      errors.push(...notMoreThan100Percent(ru['maxSurge'], child(path, 'maxSurge')))
      const hasUnavailable = intOrPercentValue(ru['maxUnavailable']) !== 0
      const hasSurge = intOrPercentValue(ru['maxSurge']) !== 0
      if (hasUnavailable && hasSurge) {
        errors.push(
          invalid(
            child(path, 'maxSurge'),
            goIntOrString(ru['maxSurge']),
            'may not be set when maxUnavailable is non-zero',
          ),
        )
      } else if (!hasUnavailable && !hasSurge) {
        errors.push(required(child(path, 'maxUnavailable'), 'cannot be 0 when maxSurge is 0'))
      }
    }
  } else if (type !== 'OnDelete') {
    errors.push(notSupported('spec.updateStrategy', 'apps.DaemonSetUpdateStrategy{...}', ['RollingUpdate', 'OnDelete']))
  }
  errors.push(...validateNonnegative(spec['revisionHistoryLimit'], 'spec.revisionHistoryLimit'))
  return errors
}

function validateStatefulSetSpec(spec: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = []
  const policy = str(spec['podManagementPolicy'])
  if (policy.length === 0) errors.push(required('spec.podManagementPolicy'))
  else if (policy !== 'OrderedReady' && policy !== 'Parallel') {
    errors.push(invalid('spec.podManagementPolicy', goQuote(policy), "must be 'OrderedReady' or 'Parallel'"))
  }
  const strategy = obj(spec['updateStrategy'])
  const type = str(strategy['type'])
  if (type.length === 0) errors.push(required('spec.updateStrategy'))
  else if (type === 'OnDelete') {
    if (isSet(strategy['rollingUpdate'])) {
      errors.push(
        invalid(
          'spec.updateStrategy.rollingUpdate',
          'apps.RollingUpdateStatefulSetStrategy{...}',
          "only allowed for updateStrategy 'RollingUpdate'",
        ),
      )
    }
  } else if (type === 'RollingUpdate') {
    const ru = obj(strategy['rollingUpdate'])
    errors.push(...validateNonnegative(ru['partition'], 'spec.updateStrategy.rollingUpdate.partition'))
  } else {
    errors.push(
      invalid('spec.updateStrategy', 'apps.StatefulSetUpdateStrategy{...}', "must be 'RollingUpdate' or 'OnDelete'"),
    )
  }
  const retention = spec['persistentVolumeClaimRetentionPolicy']
  if (isSet(retention)) {
    for (const field of ['whenDeleted', 'whenScaled']) {
      const value = str(obj(retention)[field])
      if (value !== 'Retain' && value !== 'Delete') {
        errors.push(
          notSupported(child('spec.persistentVolumeClaimRetentionPolicy', field), goQuote(value), ['Retain', 'Delete']),
        )
      }
    }
  }
  errors.push(...validateNonnegative(spec['replicas'], 'spec.replicas'))
  errors.push(...validateNonnegative(spec['minReadySeconds'], 'spec.minReadySeconds'))
  const selector = spec['selector']
  if (!isSet(selector)) errors.push(required('spec.selector'))
  else {
    errors.push(...validateLabelSelector(selector, 'spec.selector'))
    const converted = selectorFromLabelSelector(selector)
    if (converted !== undefined && isEmptySelector(converted)) {
      errors.push(invalid('spec.selector', goLabelSelector(selector), 'empty selector is invalid for statefulset'))
    }
  }
  const compiled = selectorFromLabelSelector(isSet(selector) ? selector : undefined)
  if (compiled === undefined) errors.push(invalid('spec.selector', goLabelSelector(selector), ''))
  else {
    // Upstream checks only the template's labels and annotations here, not its pod spec.
    if (!isEmptySelector(compiled) && !selectorMatches(compiled, templateLabels(spec)))
      errors.push(selectorDoesNotMatch(spec))
    const meta = obj(obj(spec['template'])['metadata'])
    errors.push(...validateLabels(meta['labels'], 'spec.template.labels'))
    errors.push(...validateAnnotations(meta['annotations'], 'spec.template.annotations'))
  }
  errors.push(...templateMustRestartAlways(spec, 'StatefulSet', true))
  return errors
}

const SPEC_VALIDATORS: Record<Workload, (spec: Record<string, unknown>) => FieldError[]> = {
  deployment: validateDeploymentSpec,
  replicaset: validateReplicaSetSpec,
  daemonset: validateDaemonSetSpec,
  statefulset: validateStatefulSetSpec,
}

function workloadOf(kind: string): Workload {
  return kind.toLowerCase() as Workload
}

/** Create validation for an apps/v1 workload kind. */
export function validateWorkloadCreate(object: KubeObject): FieldError[] {
  const workload = workloadOf(object.kind)
  const nameFn = workload === 'statefulset' ? nameIsDNSLabel : nameIsDNSSubdomain
  return [
    ...validateObjectMeta(object.metadata, {namespaced: true, nameFn}),
    ...SPEC_VALIDATORS[workload](obj(object['spec'])),
  ]
}

// StatefulSet updates may only touch these spec fields.
const STATEFULSET_MUTABLE = [
  'replicas',
  'ordinals',
  'template',
  'updateStrategy',
  'persistentVolumeClaimRetentionPolicy',
  'minReadySeconds',
]

/** Update validation: the spec again, plus selector immutability (and StatefulSet's frozen fields). */
export function validateWorkloadUpdate(object: KubeObject, old: KubeObject): FieldError[] {
  const workload = workloadOf(object.kind)
  const spec = obj(object['spec'])
  const oldSpec = obj(old['spec'])
  const errors = [...validateObjectMetaUpdate(object.metadata, old.metadata), ...SPEC_VALIDATORS[workload](spec)]
  if (workload === 'statefulset') {
    const frozen = (s: Record<string, unknown>): Record<string, unknown> =>
      Object.fromEntries(Object.entries(s).filter(([k]) => !STATEFULSET_MUTABLE.includes(k)))
    if (!jsonEqual(frozen(spec), frozen(oldSpec))) {
      errors.push(
        forbidden(
          'spec',
          "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
        ),
      )
    }
  } else if (!jsonEqual(spec['selector'], oldSpec['selector'])) {
    errors.push(invalid('spec.selector', goLabelSelector(spec['selector']), FIELD_IMMUTABLE))
  }
  return errors
}
