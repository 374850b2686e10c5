// kubectl: pkg/util/deployment equalIgnoreHash (v1.32): pod templates compared with
// apiequality.Semantic.DeepEqual after dropping the pod-template-hash label.
import type {PodTemplateSpec} from './pod-types.js'

// apps/v1 DefaultDeploymentUniqueLabelKey
const POD_TEMPLATE_HASH = 'pod-template-hash'

// Decoded into Go structs, an absent field, null, "", 0, false, [] and {} are all the zero value
function isZero(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === 0 || value === false) return true
  if (Array.isArray(value)) return value.length === 0
  return typeof value === 'object' && Object.keys(value).length === 0
}

/** Deep equality where every form of "unset" is equal, as between two decoded Go structs. */
function semanticallyEqual(a: unknown, b: unknown): boolean {
  if (isZero(a) && isZero(b)) return true
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => semanticallyEqual(item, b[i]))
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    if (Array.isArray(a) || Array.isArray(b)) return false
    const left = a as Record<string, unknown>
    const right = b as Record<string, unknown>
    const keys = new Set([...Object.keys(left), ...Object.keys(right)])
    return [...keys].every((key) => semanticallyEqual(left[key], right[key]))
  }
  return a === b
}

function withoutHash(template: PodTemplateSpec | undefined): PodTemplateSpec {
  const copy = structuredClone(template ?? {})
  if (copy.metadata?.labels) delete copy.metadata.labels[POD_TEMPLATE_HASH]
  return copy
}

/** True when two pod templates are equal but for their pod-template-hash labels. */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return semanticallyEqual(withoutHash(a), withoutHash(b))
}
