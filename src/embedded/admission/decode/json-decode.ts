/*
 * What kube-apiserver's JSON decoder says of a body it decodes into a built-in kind's Go type (sigs.k8s.io/json,
 * a fork of Go 1.23's encoding/json, internal/golang/encoding/json/decode.go). A value of the wrong JSON type is
 * an UnmarshalTypeError: `json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type
 * int32` (the struct holding the field, the JSON path of fields from the root without list indices or map keys,
 * Go's name of the type). The decoder keeps going after such an error and reports the first; an UnmarshalJSON
 * method's error (a quantity, an int-or-string, a timestamp) stops it at once and wins.
 */
import {isJsonObject} from '../../../backend/object.js'
import {goJsonType, marshalGoJson} from '../../../resources/go-json.js'
import {sortedGoKeys} from '../../../resources/go-format.js'
import {isQuantity, QUANTITY_FORMAT_ERROR, tryParseQuantity} from '../../../resources/quantity.js'
import {base64ErrorOffset} from './base64.js'
import {goTimeParseError} from './go-time.js'
import type {GoNumber, GoStruct, GoType} from './go-type.js'

/** An error of the decoder: encoding/json's UnmarshalTypeError, or another error's message. */
export type DecodeFailure =
  | {
      readonly kind: 'type'
      readonly value: string
      readonly type: string
      readonly struct?: string
      readonly field?: string
    }
  | {readonly kind: 'message'; readonly message: string}

/** UnmarshalTypeError.Error() (Go 1.23), or the message of another error. */
export function formatDecodeFailure(failure: DecodeFailure): string {
  if (failure.kind === 'message') return failure.message
  if (failure.struct !== undefined || failure.field !== undefined) {
    return `json: cannot unmarshal ${failure.value} into Go struct field ${failure.struct ?? ''}.${failure.field ?? ''} of type ${failure.type}`
  }
  return `json: cannot unmarshal ${failure.value} into Go value of type ${failure.type}`
}

/**
 * The order the keys of each JSON object come in: the document's own (a request body as sent), or sorted as Go's
 * encoder writes a map (what kubectl sends for an object it read, and what a JSON patch produces).
 */
export type KeyOrder = 'document' | 'sorted'

/** The error decoding `value` into `type` gives, as json.Unmarshal returns it; undefined when it decodes. */
export function jsonDecodeFailure(
  type: GoType,
  value: unknown,
  order: KeyOrder = 'document',
): DecodeFailure | undefined {
  const decoder = new JsonDecoder(false)
  const failure = decoder.decode(type, value) ?? decoder.saved
  if (failure === undefined || order === 'document') return failure
  // sorting every object's keys costs more than the walk, and only decides which of several errors comes first
  const sorted = new JsonDecoder(true)
  return sorted.decode(type, value) ?? sorted.saved
}

/** The literal text of a JSON number, as a client's encoder (Go's json.Marshal, kubectl's) writes it. */
function numberLiteral(value: number): string {
  return marshalGoJson(value)
}

/** Whether strconv.ParseInt/ParseUint of a number's literal fits the type (no fraction, no exponent, in range). */
export function fitsInteger(type: GoNumber, value: number): boolean {
  // kubectl writes an integral float64 without a fraction, so Go parses it as an integer
  if (!Number.isInteger(value)) return false
  if (type.kind === 'uint') return value >= 0 && value < 2 ** type.bits
  const limit = 2 ** (type.bits - 1)
  return value >= -limit && value < limit
}

class JsonDecoder {
  /** the first UnmarshalTypeError (or base64 error), reported when nothing stops the decoder */
  saved: DecodeFailure | undefined
  // encoding/json's errorContext: the fields entered from the root and the struct of the innermost
  private readonly fields: string[] = []
  private structName: string | undefined

  constructor(private readonly sorted: boolean) {}

  private keys(object: Readonly<Record<string, unknown>>): string[] {
    return this.sorted ? sortedGoKeys(object) : Object.keys(object)
  }

  // encoding/json's object(): each declared field decoded in the context of this struct
  private struct(type: GoStruct, value: Readonly<Record<string, unknown>>): DecodeFailure | undefined {
    const outer = this.structName
    const fields = type.fields
    for (const key of this.keys(value)) {
      // fields the type does not declare are skipped unread (strict decoding reports them afterwards)
      const field = fields.get(key)
      if (field === undefined) continue
      this.fields.push(key)
      this.structName = type.structName
      const stopped = this.decode(field, value[key])
      if (stopped) return stopped
      this.fields.pop()
      this.structName = outer
    }
    return undefined
  }

  /** Decodes a value; returns the error that stops decoding (an UnmarshalJSON method's), else undefined. */
  decode(type: GoType, value: unknown): DecodeFailure | undefined {
    // null leaves any Go value as it is, and every UnmarshalJSON here accepts it
    if (value === null || value === undefined) return undefined
    switch (type.kind) {
      case 'struct': {
        if (!isJsonObject(value)) return this.save(goJsonType(value), type.name)
        return this.struct(type, value)
      }
      case 'map':
        if (!isJsonObject(value)) return this.save(goJsonType(value), type.name)
        for (const key of this.keys(value)) {
          const stopped = this.decode(type.elem, value[key])
          if (stopped) return stopped
        }
        return undefined
      case 'slice':
        if (Array.isArray(value)) {
          for (const item of value) {
            const stopped = this.decode(type.elem, item)
            if (stopped) return stopped
          }
          return undefined
        }
        if (typeof value === 'string' && type.elem.kind === 'uint' && type.elem.bits === 8) {
          // []byte takes base64 text; Go saves the decoding error as is
          const offset = base64ErrorOffset(value)
          if (offset !== undefined)
            this.saved ??= {kind: 'message', message: `illegal base64 data at input byte ${offset}`}
          return undefined
        }
        return this.save(goJsonType(value), type.name)
      case 'string':
        return typeof value === 'string' ? undefined : this.save(goJsonType(value), type.name)
      case 'bool':
        return typeof value === 'boolean' ? undefined : this.save(goJsonType(value), type.name)
      case 'int':
      case 'uint':
        if (typeof value !== 'number') return this.save(goJsonType(value), type.name)
        return fitsInteger(type, value) ? undefined : this.save(`number ${numberLiteral(value)}`, type.name)
      case 'float':
        if (typeof value !== 'number') return this.save(goJsonType(value), type.name)
        return Number.isFinite(value) ? undefined : this.save(`number ${numberLiteral(value)}`, type.name)
      case 'raw':
        return undefined
      case 'quantity':
        return quantityFailure(value)
      case 'int-or-string':
        return this.intOrString(value)
      case 'time':
        // metav1.Time decodes a Go string first (encoding/json: a number is just "number" there)
        if (typeof value !== 'string') return this.stop(goJsonType(value), 'string')
        return message(goTimeParseError(type.layout, value))
      case 'schema-or':
        return this.schemaOr(type, value)
    }
  }

  // intstr.IntOrString.UnmarshalJSON: a JSON string is its string, anything else is json.Unmarshal into an int32
  private intOrString(value: unknown): DecodeFailure | undefined {
    if (typeof value === 'string') return undefined
    if (typeof value !== 'number') return this.stop(goJsonType(value), 'int32')
    return fitsInteger(INT32, value) ? undefined : this.stop(`number ${numberLiteral(value)}`, 'int32')
  }

  // apiextensions' JSONSchemaPropsOr* (marshal.go, v1.32): an object is a JSONSchemaProps, decoded by a nested
  // json.Unmarshal whose type errors take this decoder's context
  private schemaOr(type: Extract<GoType, {kind: 'schema-or'}>, value: unknown): DecodeFailure | undefined {
    if (isJsonObject(value)) return this.nested(type.schema, value)
    if (type.otherwise === 'bool') {
      return typeof value === 'boolean' ? undefined : {kind: 'message', message: 'boolean or JSON schema expected'}
    }
    return Array.isArray(value) ? this.nested(type.otherwise, value) : undefined
  }

  private nested(type: GoType, value: unknown): DecodeFailure | undefined {
    const failure = jsonDecodeFailure(type, value, this.sorted ? 'sorted' : 'document')
    if (failure?.kind !== 'type') return failure
    return this.stop(failure.value, failure.type)
  }

  // an error the decoder keeps (the first one) and goes on
  private save(value: string, type: string): undefined {
    this.saved ??= this.withContext(value, type)
    return undefined
  }

  // an UnmarshalJSON method's UnmarshalTypeError: returned at once, with the context of the field being decoded
  private stop(value: string, type: string): DecodeFailure {
    return this.withContext(value, type)
  }

  private withContext(value: string, type: string): DecodeFailure {
    if (this.structName === undefined && this.fields.length === 0) return {kind: 'type', value, type}
    return {kind: 'type', value, type, struct: this.structName ?? '', field: this.fields.join('.')}
  }
}

const INT32: GoNumber = {kind: 'int', name: 'int32', bits: 32}

function message(text: string | undefined): DecodeFailure | undefined {
  return text === undefined ? undefined : {kind: 'message', message: text}
}

/**
 * resource.Quantity.UnmarshalJSON: the JSON text (a string's, unquoted, trimmed) must parse as a quantity; a number
 * is read from its literal, anything else fails the quantity pattern.
 */
function quantityFailure(value: unknown): DecodeFailure | undefined {
  let text: string
  if (typeof value === 'string') text = value.trim()
  else if (typeof value === 'number') text = numberLiteral(value)
  else if (typeof value === 'boolean') text = String(value)
  else return {kind: 'message', message: QUANTITY_FORMAT_ERROR}
  const parsed = tryParseQuantity(text)
  return isQuantity(parsed) ? undefined : {kind: 'message', message: parsed.error}
}
