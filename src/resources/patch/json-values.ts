import type {JsonObject} from '../../backend/object.js'
import {isJsonObject} from '../../backend/object.js'

/** The JSON kinds Go's decoder distinguishes, as reflect.TypeOf does for decoded JSON. */
export type JsonKind = 'map' | 'slice' | 'string' | 'number' | 'bool' | 'null'

/** The kind of a decoded JSON value (undefined counts as null, as a missing Go map entry is nil). */
export function jsonKind(value: unknown): JsonKind {
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return 'slice'
  if (isJsonObject(value)) return 'map'
  if (typeof value === 'string') return 'string'
  if (typeof value === 'number') return 'number'
  return 'bool'
}

/** True when a JSON object has the key as an own property. */
export function hasKey(object: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key)
}
