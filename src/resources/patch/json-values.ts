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

/** Structural equality of decoded JSON values (reflect.DeepEqual on maps, slices and scalars). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]))
  }
  if (isJsonObject(a)) {
    if (!isJsonObject(b)) return false
    const keys = Object.keys(a)
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && jsonEqual(a[k], b[k]))
  }
  return false
}

/** True when a JSON object has the key as an own property. */
export function hasKey(object: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key)
}

/** A value as Go's fmt `%v` prints decoded JSON, for error messages worded like apimachinery's. */
export function goFormat(value: unknown): string {
  if (value === null || value === undefined) return '<nil>'
  if (Array.isArray(value)) return `[${value.map(goFormat).join(' ')}]`
  if (isJsonObject(value)) {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${k}:${goFormat(value[k])}`)
    return `map[${entries.join(' ')}]`
  }
  return String(value)
}

/** The Go type name of a decoded JSON value, as reflect prints it in apimachinery's errors. */
export function goTypeName(value: unknown): string {
  switch (jsonKind(value)) {
    case 'map':
      return 'map[string]interface {}'
    case 'slice':
      return '[]interface {}'
    case 'string':
      return 'string'
    case 'number':
      return Number.isInteger(value) ? 'int64' : 'float64'
    case 'bool':
      return 'bool'
    case 'null':
      return '<nil>'
  }
}
