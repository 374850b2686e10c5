// PodSpec and PodTemplateSpec validation (core ValidatePodSpec/ValidatePodTemplateSpec, v1.32).
// Scheduling fields are checked for shape (tolerations, affinity, spread constraints); the rarely
// used security and OS-specific rules are left out.
import {isDNS1123Label, isValidLabelValue} from '../../resources/label-syntax.js'
import {child, duplicate, forbidden, index, invalid, notSupported, required, type FieldError} from './field-error.js'
import {inclusiveRangeError, nameIsDNSSubdomain} from './formats.js'
import {goQuote} from '../../resources/go-format.js'
import {goScalar} from './go-format.js'
import {arr, isSet, num, obj, str} from './json.js'
import {validateLabelName, validateLabelSelector, validateLabels} from './labels.js'
import {validateAnnotations} from './object-meta.js'
import {validateContainers, validateInitContainers} from './containers.js'
import {validateVolumes} from './volumes.js'

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never']
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']
const PREEMPTION_POLICIES = ['PreemptLowerPriority', 'Never']
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute']
const MAX_INT32 = 2147483647

function nameErrors(value: string, path: string): FieldError[] {
  return nameIsDNSSubdomain(value, false).map((message) => invalid(path, goQuote(value), message))
}

function labelErrors(value: string, path: string): FieldError[] {
  return isDNS1123Label(value).map((message) => invalid(path, goQuote(value), message))
}

/** ValidateTolerations. */
function validateTolerations(tolerations: unknown, path: string): FieldError[] {
  const errors: FieldError[] = []
  arr(tolerations).forEach((raw, i) => {
    const toleration = obj(raw)
    const tPath = index(path, i)
    const tKey = str(toleration['key'])
    const operator = str(toleration['operator'])
    const effect = str(toleration['effect'])
    const value = str(toleration['value'])
    if (tKey.length > 0) errors.push(...validateLabelName(tKey, child(tPath, 'key')))
    if (tKey.length === 0 && operator !== 'Exists') {
      errors.push(
        invalid(
          child(tPath, 'operator'),
          goQuote(operator),
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      )
    }
    if (isSet(toleration['tolerationSeconds']) && effect !== 'NoExecute') {
      errors.push(
        invalid(child(tPath, 'effect'), goQuote(effect), "effect must be 'NoExecute' when `tolerationSeconds` is set"),
      )
    }
    if (operator === 'Equal' || operator === '') {
      const messages = isValidLabelValue(value)
      if (messages.length > 0) errors.push(invalid(child(tPath, 'operator'), goQuote(value), messages.join(';')))
    } else if (operator === 'Exists') {
      if (value.length > 0) {
        errors.push(
          invalid(child(tPath, 'operator'), goQuote(value), "value must be empty when `operator` is 'Exists'"),
        )
      }
    } else {
      errors.push(notSupported(child(tPath, 'operator'), goQuote(operator), ['Equal', 'Exists']))
    }
    if (effect.length > 0 && !TAINT_EFFECTS.includes(effect)) {
      errors.push(notSupported(child(tPath, 'effect'), goQuote(effect), TAINT_EFFECTS))
    }
  })
  return errors
}

function validateNodeSelectorRequirement(raw: unknown, path: string): FieldError[] {
  const requirement = obj(raw)
  const operator = str(requirement['operator'])
  const values = arr(requirement['values']).map(str)
  const errors: FieldError[] = []
  if (operator === 'In' || operator === 'NotIn') {
    if (values.length === 0)
      errors.push(required(child(path, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"))
  } else if (operator === 'Exists' || operator === 'DoesNotExist') {
    if (values.length > 0) {
      errors.push(
        forbidden(child(path, 'values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
      )
    }
  } else if (operator === 'Gt' || operator === 'Lt') {
    if (values.length !== 1) {
      errors.push(required(child(path, 'values'), "must be specified single value when `operator` is 'Lt' or 'Gt'"))
    }
  } else {
    errors.push(invalid(child(path, 'operator'), goQuote(operator), 'not a valid selector operator'))
  }
  errors.push(...validateLabelName(str(requirement['key']), child(path, 'key')))
  values.forEach((value, j) => {
    for (const message of isValidLabelValue(value))
      errors.push(invalid(index(child(path, 'values'), j), goQuote(value), message))
  })
  return errors
}

function validatePodAffinityTerm(raw: unknown, path: string): FieldError[] {
  const term = obj(raw)
  const errors = [
    ...validateLabelSelector(term['labelSelector'], child(path, 'labelSelector')),
    ...validateLabelSelector(term['namespaceSelector'], child(path, 'namespaceSelector')),
  ]
  for (const namespace of arr(term['namespaces']).map(str))
    errors.push(...labelErrors(namespace, child(path, 'namespace')))
  const topologyKey = str(term['topologyKey'])
  if (topologyKey.length === 0) errors.push(required(child(path, 'topologyKey'), 'can not be empty'))
  errors.push(...validateLabelName(topologyKey, child(path, 'topologyKey')))
  return errors
}

function validateWeighted(
  terms: unknown,
  path: string,
  termField: string,
  validateTerm: (raw: unknown, p: string) => FieldError[],
): FieldError[] {
  return arr(terms).flatMap((raw, i) => {
    const weighted = obj(raw)
    const weight = num(weighted['weight']) ?? 0
    const termPath = index(path, i)
    const errors =
      weight <= 0 || weight > 100
        ? [invalid(child(termPath, 'weight'), goScalar(weight), 'must be in the range 1-100')]
        : []
    return [...errors, ...validateTerm(weighted[termField], child(termPath, termField))]
  })
}

function validateAffinity(affinity: unknown, path: string): FieldError[] {
  const a = obj(affinity)
  const errors: FieldError[] = []
  if (isSet(a['nodeAffinity'])) {
    const nodeAffinity = obj(a['nodeAffinity'])
    const nodePath = child(path, 'nodeAffinity')
    const requiredTerms = nodeAffinity['requiredDuringSchedulingIgnoredDuringExecution']
    if (isSet(requiredTerms)) {
      const termsPath = child(nodePath, 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms')
      const terms = arr(obj(requiredTerms)['nodeSelectorTerms'])
      if (terms.length === 0) errors.push(required(termsPath, 'must have at least one node selector term'))
      terms.forEach((term, i) => {
        arr(obj(term)['matchExpressions']).forEach((req, j) => {
          errors.push(...validateNodeSelectorRequirement(req, index(child(index(termsPath, i), 'matchExpressions'), j)))
        })
      })
    }
    errors.push(
      ...validateWeighted(
        nodeAffinity['preferredDuringSchedulingIgnoredDuringExecution'],
        child(nodePath, 'preferredDuringSchedulingIgnoredDuringExecution'),
        'preference',
        (term, p) =>
          arr(obj(term)['matchExpressions']).flatMap((req, j) =>
            validateNodeSelectorRequirement(req, index(child(p, 'matchExpressions'), j)),
          ),
      ),
    )
  }
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    if (!isSet(a[kind])) continue
    const podAffinity = obj(a[kind])
    const kindPath = child(path, kind)
    arr(podAffinity['requiredDuringSchedulingIgnoredDuringExecution']).forEach((term, i) => {
      errors.push(
        ...validatePodAffinityTerm(term, index(child(kindPath, 'requiredDuringSchedulingIgnoredDuringExecution'), i)),
      )
    })
    errors.push(
      ...validateWeighted(
        podAffinity['preferredDuringSchedulingIgnoredDuringExecution'],
        child(kindPath, 'preferredDuringSchedulingIgnoredDuringExecution'),
        'podAffinityTerm',
        validatePodAffinityTerm,
      ),
    )
  }
  return errors
}

function validateTopologySpreadConstraints(constraints: unknown, path: string): FieldError[] {
  const list = arr(constraints).map(obj)
  return list.flatMap((constraint, i) => {
    const cPath = index(path, i)
    const errors: FieldError[] = []
    const maxSkew = num(constraint['maxSkew']) ?? 0
    if (maxSkew <= 0) errors.push(invalid(child(cPath, 'maxSkew'), goScalar(maxSkew), 'must be greater than zero'))
    const topologyKey = str(constraint['topologyKey'])
    if (topologyKey.length === 0) errors.push(required(child(cPath, 'topologyKey'), 'can not be empty'))
    const action = str(constraint['whenUnsatisfiable'])
    if (action !== 'DoNotSchedule' && action !== 'ScheduleAnyway') {
      errors.push(notSupported(child(cPath, 'whenUnsatisfiable'), goQuote(action), ['DoNotSchedule', 'ScheduleAnyway']))
    }
    const repeated = list
      .slice(i + 1)
      .some((other) => str(other['topologyKey']) === topologyKey && str(other['whenUnsatisfiable']) === action)
    if (repeated)
      errors.push(duplicate(child(cPath, '{topologyKey, whenUnsatisfiable}'), goQuote(`{${topologyKey}, ${action}}`)))
    errors.push(...validateLabelSelector(constraint['labelSelector'], child(cPath, 'labelSelector')))
    return errors
  })
}

/** ValidatePodSpec: containers, volumes, policies and scheduling fields of a pod or template. */
export function validatePodSpec(podSpec: unknown, path: string): FieldError[] {
  const spec = obj(podSpec)
  const errors: FieldError[] = []
  const gracePeriod = num(spec['terminationGracePeriodSeconds'])
  if (!isSet(spec['terminationGracePeriodSeconds'])) errors.push(required(child(path, 'terminationGracePeriodSeconds')))
  const volumes = validateVolumes(spec['volumes'], child(path, 'volumes'))
  errors.push(...volumes.errors)
  errors.push(...validateContainers(spec['containers'], volumes.names, gracePeriod, child(path, 'containers')))
  errors.push(
    ...validateInitContainers(
      spec['initContainers'],
      spec['containers'],
      volumes.names,
      gracePeriod,
      child(path, 'initContainers'),
    ),
  )
  const restartPolicy = str(spec['restartPolicy'])
  if (restartPolicy.length === 0) errors.push(required(child(path, 'restartPolicy')))
  else if (!RESTART_POLICIES.includes(restartPolicy)) {
    errors.push(notSupported(child(path, 'restartPolicy'), goQuote(restartPolicy), RESTART_POLICIES))
  }
  const dnsPolicy = str(spec['dnsPolicy'])
  if (dnsPolicy.length === 0) errors.push(required(child(path, 'dnsPolicy')))
  else if (!DNS_POLICIES.includes(dnsPolicy))
    errors.push(notSupported(child(path, 'dnsPolicy'), goQuote(dnsPolicy), DNS_POLICIES))
  errors.push(...validateLabels(spec['nodeSelector'], child(path, 'nodeSelector')))
  errors.push(...validateAffinity(spec['affinity'], child(path, 'affinity')))
  errors.push(
    ...validateTopologySpreadConstraints(spec['topologySpreadConstraints'], child(path, 'topologySpreadConstraints')),
  )
  const serviceAccountName = str(spec['serviceAccountName'])
  if (serviceAccountName.length > 0) errors.push(...nameErrors(serviceAccountName, child(path, 'serviceAccountName')))
  const nodeName = str(spec['nodeName'])
  if (nodeName.length > 0) errors.push(...nameErrors(nodeName, child(path, 'nodeName')))
  const deadline = num(spec['activeDeadlineSeconds'])
  if (deadline !== undefined && (deadline < 1 || deadline > MAX_INT32)) {
    errors.push(invalid(child(path, 'activeDeadlineSeconds'), goScalar(deadline), inclusiveRangeError(1, MAX_INT32)))
  }
  for (const field of ['hostname', 'subdomain']) {
    const value = str(spec[field])
    if (value.length > 0) errors.push(...labelErrors(value, child(path, field)))
  }
  errors.push(...validateTolerations(spec['tolerations'], child(path, 'tolerations')))
  const priorityClassName = str(spec['priorityClassName'])
  if (priorityClassName.length > 0) errors.push(...nameErrors(priorityClassName, child(path, 'priorityClassName')))
  if (isSet(spec['preemptionPolicy'])) {
    const policy = str(spec['preemptionPolicy'])
    if (policy.length === 0) errors.push(required(child(path, 'preemptionPolicy')))
    else if (!PREEMPTION_POLICIES.includes(policy)) {
      errors.push(notSupported(child(path, 'preemptionPolicy'), goQuote(policy), PREEMPTION_POLICIES))
    }
  }
  return errors
}

/** ValidatePodTemplateSpec: template labels, annotations and spec; no ephemeral containers. */
export function validatePodTemplateSpec(template: unknown, path: string): FieldError[] {
  const t = obj(template)
  const meta = obj(t['metadata'])
  const errors = [
    ...validateLabels(meta['labels'], child(path, 'labels')),
    ...validateAnnotations(meta['annotations'], child(path, 'annotations')),
    ...validatePodSpec(t['spec'], child(path, 'spec')),
  ]
  if (arr(obj(t['spec'])['ephemeralContainers']).length > 0) {
    errors.push(
      forbidden(child(path, 'spec', 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'),
    )
  }
  return errors
}
