// ResourceList defaulting: every quantity rounded up to 1m and written in canonical form, as a
// quantity reads back from kube-apiserver (SetDefaults_ResourceList, v1.32). Values that do not
// parse are left alone for decodeError to report.
import {isJsonObject, type JsonObject} from '../../../backend/object.js'
import {formatQuantity, isQuantity, roundUpToMilli, tryParseQuantity} from '../../../resources/quantity.js'

/** Canonicalizes the quantities of a ResourceList in place (the parent is already a private copy). */
export function defaultResourceList(parent: JsonObject, field: string): void {
  const list = parent[field]
  if (!isJsonObject(list)) return
  for (const [name, value] of Object.entries(list)) {
    const parsed = tryParseQuantity(value)
    if (isQuantity(parsed)) list[name] = formatQuantity(roundUpToMilli(parsed))
  }
}

/** Canonicalizes one quantity field in place, without milli rounding (sizeLimit, divisor). */
export function defaultQuantity(parent: JsonObject, field: string): void {
  const value = parent[field]
  if (value === undefined || value === null) return
  const parsed = tryParseQuantity(value)
  if (isQuantity(parsed)) parent[field] = formatQuantity(parsed)
}
