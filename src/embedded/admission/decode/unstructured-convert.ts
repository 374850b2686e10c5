/*
 * What kube-apiserver says of a strategic-merge-patched object it cannot turn into the kind's Go type. The
 * patch handler converts the patched map straight to the typed object (runtime.DefaultUnstructuredConverter,
 * apimachinery pkg/runtime/converter.go fromUnstructured, v1.32) instead of decoding JSON, so the words are the
 * converter's: `unrecognized type: int32`, `cannot convert float64 to int32`, `cannot restore struct from:
 * string`, with no field path. Fields are converted in Go's declaration order and the first error stops it.
 */
import {isJsonObject} from '../../../backend/object.js'
import {isGoInt} from '../../../resources/go-format.js'
import {base64ErrorOffset} from './base64.js'
import type {GoNumber, GoType} from './go-type.js'
import {fitsInteger, formatDecodeFailure, jsonDecodeFailure} from './json-decode.js'

// the Go type a decoded JSON value has in the patched map (sigs.k8s.io/json keeps integers as int64)
function sourceType(value: unknown): 'string' | 'bool' | 'int64' | 'float64' | 'slice' | 'map' {
  if (typeof value === 'string') return 'string'
  if (typeof value === 'boolean') return 'bool'
  if (typeof value === 'number') return isGoInt(value) ? 'int64' : 'float64'
  return Array.isArray(value) ? 'slice' : 'map'
}

// reflect.Kind of a scalar type: what `unrecognized type: %v` prints (a named string is a string)
function kindName(type: GoType): string {
  return type.kind === 'int' || type.kind === 'uint' || type.kind === 'float' ? `${type.kind}${type.bits}` : type.kind
}

/** The error converting a patched value to `type` gives, or undefined when it converts. */
export function unstructuredConvertError(type: GoType, value: unknown): string | undefined {
  // a nil interface in the map sets the field to its zero value
  if (value === null || value === undefined) return undefined
  switch (type.kind) {
    case 'struct': {
      if (!isJsonObject(value)) return `cannot restore struct from: ${sourceType(value)}`
      for (const [name, field] of type.fields) {
        const error = unstructuredConvertError(field, value[name])
        if (error !== undefined) return error
      }
      return undefined
    }
    case 'map':
      if (!isJsonObject(value)) return `cannot restore map from ${sourceType(value)}`
      for (const item of Object.values(value)) {
        const error = unstructuredConvertError(type.elem, item)
        if (error !== undefined) return error
      }
      return undefined
    case 'slice':
      if (typeof value === 'string' && type.elem.kind === 'uint' && type.elem.bits === 8) {
        const offset = base64ErrorOffset(value)
        return offset === undefined
          ? undefined
          : `error decoding from json: illegal base64 data at input byte ${offset}`
      }
      if (!Array.isArray(value)) return `cannot restore slice from ${sourceType(value)}`
      for (const item of value) {
        const error = unstructuredConvertError(type.elem, item)
        if (error !== undefined) return error
      }
      return undefined
    case 'string':
    case 'bool':
    case 'int':
    case 'uint':
    case 'float':
      return scalarError(type, value)
    default: {
      // types with UnmarshalJSON are converted through their JSON: the method's own error, without context
      const failure = jsonDecodeFailure(type, value)
      return failure === undefined ? undefined : formatDecodeFailure(failure)
    }
  }
}

// converter.go: assignable or convertible within JSON's four groups (bools, integers, floats, strings)
function scalarError(
  type: Extract<GoType, {kind: 'string' | 'bool' | 'int' | 'uint' | 'float'}>,
  value: unknown,
): string | undefined {
  const source = sourceType(value)
  const numeric = type.kind === 'int' || type.kind === 'uint' || type.kind === 'float'
  if (source === 'string' && type.kind === 'string') return undefined
  if (source === 'bool' && type.kind === 'bool') return undefined
  if (source === 'int64' && numeric) {
    // Go converts an int64 that overflows the field with wraparound; skiff refuses it rather than store another number
    return type.kind === 'float' || fitsInteger(type as GoNumber, value as number)
      ? undefined
      : `cannot convert int64 to ${type.name}`
  }
  if (source === 'float64' && type.kind === 'float') return undefined
  // an int converts to a string type in Go (as a rune), which the converter refuses by name
  if (source === 'int64' && type.kind === 'string') return `cannot convert int64 to ${type.name}`
  if (source === 'float64' && (type.kind === 'int' || type.kind === 'uint'))
    return `cannot convert float64 to ${type.name}`
  return `unrecognized type: ${kindName(type)}`
}
