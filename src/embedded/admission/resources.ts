// Resource names and quantities in requests and limits (core validateResourceRequirements,
// pkg/apis/core/helper, v1.32). Quantities that do not parse are left to decodeError, because
// the real API server rejects them while decoding, before validation runs.
import {isQualifiedName} from '../../resources/label-syntax.js'
import {
  compareQuantities,
  formatQuantity,
  isQuantity,
  tryParseQuantity,
  type Quantity,
} from '../../resources/quantity.js'
import {child, forbidden, invalid, key, required, type FieldError} from './field-error.js'
import {goQuote} from '../../resources/go-format.js'
import {obj} from './json.js'
import {IS_NEGATIVE} from './object-meta.js'

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage'])
const STANDARD_RESOURCES = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
  'services',
  'replicationcontrollers',
  'resourcequotas',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'storage',
  'requests.storage',
  'services.nodeports',
  'services.loadbalancers',
])
const INTEGER_RESOURCES = new Set([
  'pods',
  'services',
  'replicationcontrollers',
  'resourcequotas',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'services.nodeports',
  'services.loadbalancers',
])

/** helper.IsHugePageResourceName. */
function isHugePageResourceName(name: string): boolean {
  return name.startsWith('hugepages-')
}

function isStandardResourceName(name: string): boolean {
  return (
    STANDARD_RESOURCES.has(name) ||
    isHugePageResourceName(name) ||
    name.startsWith('requests.hugepages-') ||
    name.startsWith('limits.hugepages-')
  )
}

/** helper.IsNativeResource: unprefixed or in the kubernetes.io domain. */
function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/')
}

/** helper.IsExtendedResourceName: `example.com/gpu`. */
export function isExtendedResourceName(name: string): boolean {
  if (isNativeResource(name) || name.startsWith('requests.')) return false
  return isQualifiedName(`requests.${name}`).length === 0
}

/** helper.IsOvercommitAllowed: requests may be below limits. */
export function isOvercommitAllowed(name: string): boolean {
  return isNativeResource(name) && !isHugePageResourceName(name)
}

function isIntegerResourceName(name: string): boolean {
  return INTEGER_RESOURCES.has(name) || name.startsWith('count/') || isExtendedResourceName(name)
}

/** validateContainerResourceName. */
function validateContainerResourceName(name: string, path: string): FieldError[] {
  const errors = isQualifiedName(name).map((message) => invalid(path, goQuote(name), message))
  const wellFormed = errors.length === 0
  if (!name.includes('/')) {
    if (wellFormed && !isStandardResourceName(name)) {
      errors.push(invalid(path, goQuote(name), 'must be a standard resource type or fully qualified'))
    }
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePageResourceName(name)) {
      errors.push(invalid(path, goQuote(name), 'must be a standard resource for containers'))
    }
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    errors.push(invalid(path, goQuote(name), "doesn't follow extended resource name standard"))
  }
  return errors
}

/** ValidateResourceQuantityValue: not negative, whole for countable resources. */
export function validateResourceQuantityValue(name: string, quantity: Quantity, path: string): FieldError[] {
  const errors: FieldError[] = []
  if (quantity.nanos < 0n) errors.push(invalid(path, goQuote(formatQuantity(quantity)), IS_NEGATIVE))
  // The quantity itself is the bad value here; its String() prints without quotes.
  if (isIntegerResourceName(name) && quantity.nanos % 1_000_000_000n !== 0n) {
    errors.push(invalid(path, formatQuantity(quantity), 'must be an integer'))
  }
  return errors
}

function parsedList(list: unknown): [string, Quantity][] {
  const entries: [string, Quantity][] = []
  for (const [name, raw] of Object.entries(obj(list))) {
    const parsed = tryParseQuantity(raw)
    if (isQuantity(parsed)) entries.push([name, parsed])
  }
  return entries
}

/** validateResourceRequirements for a container: names, values, and requests within limits. */
export function validateResourceRequirements(resources: unknown, path: string): FieldError[] {
  const spec = obj(resources)
  const limPath = child(path, 'limits')
  const reqPath = child(path, 'requests')
  const limits = new Map(parsedList(spec['limits']))
  const errors: FieldError[] = []
  let hasCpuOrMemory = false
  let hasHugePages = false
  for (const [name, quantity] of limits) {
    const fieldPath = key(limPath, name)
    errors.push(...validateContainerResourceName(name, fieldPath))
    errors.push(...validateResourceQuantityValue(name, quantity, fieldPath))
    hasHugePages ||= isHugePageResourceName(name)
    hasCpuOrMemory ||= name === 'cpu' || name === 'memory'
  }
  for (const [name, quantity] of parsedList(spec['requests'])) {
    const fieldPath = key(reqPath, name)
    errors.push(...validateContainerResourceName(name, fieldPath))
    errors.push(...validateResourceQuantityValue(name, quantity, fieldPath))
    const limit = limits.get(name)
    const shown = goQuote(formatQuantity(quantity))
    if (limit !== undefined) {
      const order = compareQuantities(quantity, limit)
      if (order !== 0 && !isOvercommitAllowed(name)) {
        errors.push(invalid(reqPath, shown, `must be equal to ${name} limit of ${formatQuantity(limit)}`))
      } else if (order > 0) {
        errors.push(invalid(reqPath, shown, `must be less than or equal to ${name} limit of ${formatQuantity(limit)}`))
      }
    } else if (!isOvercommitAllowed(name)) {
      errors.push(required(limPath, 'Limit must be set for non overcommitable resources'))
    }
    hasHugePages ||= isHugePageResourceName(name)
    hasCpuOrMemory ||= name === 'cpu' || name === 'memory'
  }
  if (hasHugePages && !hasCpuOrMemory) errors.push(forbidden(path, 'HugePages require cpu or memory'))
  return errors
}
