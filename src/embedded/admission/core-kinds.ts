// Namespace, Node and ResourceQuota validation (pkg/apis/core/validation, v1.32).
import type {KubeObject} from '../../backend/object.js'
import {isQualifiedName, isValidLabelValue} from '../../resources/label-syntax.js'
import {isQuantity, tryParseQuantity} from '../../resources/quantity.js'
import {child, duplicate, index, invalid, key, notSupported, required, type FieldError} from './field-error.js'
import {nameIsDNSLabel, nameIsDNSSubdomain} from './formats.js'
import {goQuote} from '../../resources/go-format.js'
import {arr, obj, str} from './json.js'
import {validateLabelName} from './labels.js'
import {validateObjectMeta, validateObjectMetaUpdate} from './object-meta.js'
import {validateResourceQuantityValue} from './resources.js'

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute']

/** ValidateNamespace. */
export function validateNamespace(namespace: KubeObject): FieldError[] {
  const errors = validateObjectMeta(namespace.metadata, {namespaced: false, nameFn: nameIsDNSLabel})
  for (const finalizer of arr(obj(namespace['spec'])['finalizers']).map(str)) {
    errors.push(...isQualifiedName(finalizer).map((message) => invalid('spec.finalizers', goQuote(finalizer), message)))
    if (!finalizer.includes('/') && !['kubernetes', 'orphan', 'foregroundDeletion'].includes(finalizer)) {
      errors.push(
        invalid(
          'spec.finalizers',
          goQuote(finalizer),
          'name is neither a standard finalizer name nor is it fully qualified',
        ),
      )
    }
  }
  return errors
}

/** validateNodeTaints plus the node's metadata. */
export function validateNode(node: KubeObject, old?: KubeObject): FieldError[] {
  const errors =
    old === undefined
      ? validateObjectMeta(node.metadata, {namespaced: false, nameFn: nameIsDNSSubdomain})
      : validateObjectMetaUpdate(node.metadata, old.metadata)
  const seen = new Set<string>()
  arr(obj(node['spec'])['taints']).forEach((raw, i) => {
    const taint = obj(raw)
    // Upstream reports node taints under metadata.taints.
    const path = index('metadata.taints', i)
    errors.push(...validateLabelName(str(taint['key']), child(path, 'key')))
    const messages = isValidLabelValue(str(taint['value']))
    if (messages.length > 0)
      errors.push(invalid(child(path, 'value'), goQuote(str(taint['value'])), messages.join(';')))
    const effect = str(taint['effect'])
    if (effect.length === 0) errors.push(required(child(path, 'effect')))
    else if (!TAINT_EFFECTS.includes(effect))
      errors.push(notSupported(child(path, 'effect'), goQuote(effect), TAINT_EFFECTS))
    const id = `${effect}\u0000${str(taint['key'])}`
    if (seen.has(id)) errors.push(duplicate(path, 'core.Taint{...}', 'taints must be unique by key and effect pair'))
    seen.add(id)
  })
  return errors
}

const STANDARD_QUOTA_RESOURCES = new Set([
  'pods',
  'services',
  'replicationcontrollers',
  'resourcequotas',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'services.nodeports',
  'services.loadbalancers',
  'requests.cpu',
  'requests.memory',
  'requests.storage',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'cpu',
  'memory',
  'ephemeral-storage',
  'storage',
])

/** ValidateResourceQuota: hard resource names and values. */
export function validateResourceQuota(quota: KubeObject, old?: KubeObject): FieldError[] {
  const errors =
    old === undefined
      ? validateObjectMeta(quota.metadata, {namespaced: true, nameFn: nameIsDNSSubdomain})
      : validateObjectMetaUpdate(quota.metadata, old.metadata)
  for (const [name, value] of Object.entries(obj(obj(quota['spec'])['hard']))) {
    const path = key('spec.hard', name)
    const nameErrors = isQualifiedName(name).map((message) => invalid(path, goQuote(name), message))
    errors.push(...nameErrors)
    const standard =
      STANDARD_QUOTA_RESOURCES.has(name) || name.startsWith('hugepages-') || name.startsWith('requests.hugepages-')
    if (nameErrors.length === 0 && !name.includes('/') && !standard) {
      errors.push(invalid(path, goQuote(name), 'must be a standard resource type or fully qualified'))
      errors.push(invalid(path, goQuote(name), 'must be a standard resource for quota'))
    }
    const parsed = tryParseQuantity(value)
    if (isQuantity(parsed)) errors.push(...validateResourceQuantityValue(name, parsed, path))
  }
  return errors
}
