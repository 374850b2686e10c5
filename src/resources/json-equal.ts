import {isJsonObject} from '../backend/object.js'

/**
 * Deep equality of decoded JSON values (reflect.DeepEqual on maps, slices and scalars, as
 * apiequality.Semantic.DeepEqual compares unstructured content); a key holding undefined counts as absent,
 * as it would after a JSON round trip.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]))
  if (isJsonObject(a) && isJsonObject(b)) {
    const aKeys = Object.keys(a).filter((k) => a[k] !== undefined)
    const bKeys = Object.keys(b).filter((k) => b[k] !== undefined)
    return aKeys.length === bKeys.length && aKeys.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]))
  }
  return false
}
