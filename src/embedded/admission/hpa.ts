// autoscaling/v2 HorizontalPodAutoscaler validation (pkg/apis/autoscaling/validation, v1.32).
import type {KubeObject} from '../../backend/object.js'
import {formatQuantity, isQuantity, tryParseQuantity} from '../../resources/quantity.js'
import {child, forbidden, index, invalid, notSupported, required, type FieldError} from './field-error.js'
import {nameIsDNSSubdomain, nameIsPathSegment} from './formats.js'
import {goQuote} from '../../resources/go-format.js'
import {goScalar} from './go-format.js'
import {arr, isSet, num, obj, str} from './json.js'
import {validateObjectMeta, validateObjectMetaUpdate} from './object-meta.js'

const METRIC_SOURCE_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource']
const SOURCE_FIELDS: Readonly<Record<string, string>> = {
  Object: 'object',
  Pods: 'pods',
  Resource: 'resource',
  External: 'external',
  ContainerResource: 'containerResource',
}
const MAX_PERIOD_SECONDS = 1800
const MAX_STABILIZATION_WINDOW_SECONDS = 3600

function validateReference(ref: unknown, path: string): FieldError[] {
  const r = obj(ref)
  const errors: FieldError[] = []
  for (const field of ['kind', 'name']) {
    const value = str(r[field])
    if (value.length === 0) errors.push(required(child(path, field)))
    else
      errors.push(
        ...nameIsPathSegment(value, false).map((message) => invalid(child(path, field), goQuote(value), message)),
      )
  }
  return errors
}

function validateMetricTarget(target: Record<string, unknown>, path: string): FieldError[] {
  const errors: FieldError[] = []
  const type = str(target['type'])
  if (type.length === 0) errors.push(required(child(path, 'type'), 'must specify a metric target type'))
  if (!['Utilization', 'Value', 'AverageValue'].includes(type)) {
    errors.push(invalid(child(path, 'type'), goQuote(type), 'must be either Utilization, Value, or AverageValue'))
  }
  for (const field of ['value', 'averageValue']) {
    if (!isSet(target[field])) continue
    const parsed = tryParseQuantity(target[field])
    if (isQuantity(parsed) && parsed.nanos <= 0n)
      errors.push(invalid(child(path, field), formatQuantity(parsed), 'must be positive'))
  }
  const utilization = num(target['averageUtilization'])
  if (utilization !== undefined && utilization < 1) {
    errors.push(invalid(child(path, 'averageUtilization'), goScalar(utilization), 'must be greater than 0'))
  }
  return errors
}

function validateResourceSource(source: Record<string, unknown>, path: string): FieldError[] {
  const target = obj(source['target'])
  const errors: FieldError[] = []
  if (str(source['name']).length === 0) errors.push(required(child(path, 'name'), 'must specify a resource name'))
  errors.push(...validateMetricTarget(target, child(path, 'target')))
  if (!isSet(target['averageUtilization']) && !isSet(target['averageValue'])) {
    errors.push(
      required(
        child(path, 'target', 'averageUtilization'),
        'must set either a target raw value or a target utilization',
      ),
    )
  }
  if (isSet(target['averageUtilization']) && isSet(target['averageValue'])) {
    errors.push(
      forbidden(child(path, 'target', 'averageValue'), 'may not set both a target raw value and a target utilization'),
    )
  }
  return errors
}

function validateMetric(metric: Record<string, unknown>, path: string): FieldError[] {
  const errors: FieldError[] = []
  const type = str(metric['type'])
  if (type.length === 0) errors.push(required(child(path, 'type'), 'must specify a metric source type'))
  if (!METRIC_SOURCE_TYPES.includes(type))
    errors.push(notSupported(child(path, 'type'), goQuote(type), METRIC_SOURCE_TYPES))
  const present = Object.values(SOURCE_FIELDS).filter((field) => isSet(metric[field]))
  const first = present[0]
  if (first === 'resource' || first === 'containerResource')
    errors.push(...validateResourceSource(obj(metric[first]), child(path, first)))
  else if (first !== undefined)
    errors.push(...validateMetricTarget(obj(obj(metric[first])['target']), child(path, first, 'target')))
  const expected = SOURCE_FIELDS[type]
  if (expected !== undefined && !isSet(metric[expected])) {
    errors.push(required(child(path, expected), 'must populate information for the given metric source'))
  }
  if (present.length > 1) {
    for (const field of present.filter((f) => f !== expected)) {
      errors.push(forbidden(child(path, field), 'must populate the given metric source only'))
    }
  }
  return errors
}

function validateScalingRules(rules: unknown, path: string): FieldError[] {
  if (!isSet(rules)) return []
  const r = obj(rules)
  const errors: FieldError[] = []
  const window = num(r['stabilizationWindowSeconds'])
  if (window !== undefined && window < 0) {
    errors.push(
      invalid(child(path, 'stabilizationWindowSeconds'), goScalar(window), 'must be greater than or equal to zero'),
    )
  }
  if (window !== undefined && window > MAX_STABILIZATION_WINDOW_SECONDS) {
    errors.push(
      invalid(
        child(path, 'stabilizationWindowSeconds'),
        goScalar(window),
        `must be less than or equal to ${MAX_STABILIZATION_WINDOW_SECONDS}`,
      ),
    )
  }
  if (isSet(r['selectPolicy']) && !['Disabled', 'Max', 'Min'].includes(str(r['selectPolicy']))) {
    errors.push(notSupported(child(path, 'selectPolicy'), goQuote(str(r['selectPolicy'])), ['Disabled', 'Max', 'Min']))
  }
  const policies = arr(r['policies'])
  if (policies.length === 0) errors.push(required(child(path, 'policies'), 'must specify at least one Policy'))
  policies.forEach((raw, i) => {
    const policy = obj(raw)
    const policyPath = index(child(path, 'policies'), i)
    const type = str(policy['type'])
    if (type !== 'Pods' && type !== 'Percent')
      errors.push(notSupported(child(policyPath, 'type'), goQuote(type), ['Percent', 'Pods']))
    const value = num(policy['value']) ?? 0
    if (value <= 0) errors.push(invalid(child(policyPath, 'value'), goScalar(value), 'must be greater than zero'))
    const period = num(policy['periodSeconds']) ?? 0
    if (period <= 0)
      errors.push(invalid(child(policyPath, 'periodSeconds'), goScalar(period), 'must be greater than zero'))
    if (period > MAX_PERIOD_SECONDS) {
      errors.push(
        invalid(
          child(policyPath, 'periodSeconds'),
          goScalar(period),
          `must be less than or equal to ${MAX_PERIOD_SECONDS}`,
        ),
      )
    }
  })
  return errors
}

function validateSpec(spec: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = []
  const minReplicas = num(spec['minReplicas'])
  const maxReplicas = num(spec['maxReplicas']) ?? 0
  if (minReplicas !== undefined && minReplicas < 1) {
    errors.push(invalid('spec.minReplicas', goScalar(minReplicas), 'must be greater than or equal to 1'))
  }
  if (maxReplicas < 1) errors.push(invalid('spec.maxReplicas', goScalar(maxReplicas), 'must be greater than 0'))
  if (minReplicas !== undefined && maxReplicas < minReplicas) {
    errors.push(invalid('spec.maxReplicas', goScalar(maxReplicas), 'must be greater than or equal to `minReplicas`'))
  }
  errors.push(...validateReference(spec['scaleTargetRef'], 'spec.scaleTargetRef'))
  arr(spec['metrics']).forEach((metric, i) => errors.push(...validateMetric(obj(metric), index('spec.metrics', i))))
  const behavior = obj(spec['behavior'])
  errors.push(...validateScalingRules(behavior['scaleUp'], 'spec.behavior.scaleUp'))
  errors.push(...validateScalingRules(behavior['scaleDown'], 'spec.behavior.scaleDown'))
  return errors
}

/** ValidateHorizontalPodAutoscaler and its update. */
export function validateHorizontalPodAutoscaler(hpa: KubeObject, old?: KubeObject): FieldError[] {
  const meta =
    old === undefined
      ? validateObjectMeta(hpa.metadata, {namespaced: true, nameFn: nameIsDNSSubdomain})
      : validateObjectMetaUpdate(hpa.metadata, old.metadata)
  return [...meta, ...validateSpec(obj(hpa['spec']))]
}
