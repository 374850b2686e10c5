// Field errors as k8s.io/apimachinery/pkg/util/validation/field renders them (v1.32):
// `<field>: <Type string>[: <bad value>][: <detail>]`. Bad values arrive already written in Go's
// syntax (see go-format.ts) because the wording depends on the Go type of the value.
import type {StatusCause} from '../../backend/status.js'
import {goQuote} from '../../resources/go-format.js'

/** field.ErrorType: the StatusCause reason. */
type FieldErrorType =
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueDuplicate'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'FieldValueNotFound'

/** One validation failure at a field path. */
export interface FieldError {
  type: FieldErrorType
  field: string
  /** the bad value in Go syntax; absent for Required, Forbidden and TooLong, which never print it */
  value?: string
  detail: string
}

const TYPE_WORDS: Readonly<Record<FieldErrorType, string>> = {
  FieldValueRequired: 'Required value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  FieldValueNotFound: 'Not found',
}

/** `Required value` (+ detail). */
export function required(field: string, detail = ''): FieldError {
  return {type: 'FieldValueRequired', field, detail}
}

/** `Invalid value: <value>: <detail>`. */
export function invalid(field: string, value: string, detail: string): FieldError {
  return {type: 'FieldValueInvalid', field, value, detail}
}

/** `Unsupported value: <value>: supported values: "a", "b"`. */
export function notSupported(field: string, value: string, supported: readonly string[]): FieldError {
  const detail = supported.length > 0 ? `supported values: ${supported.map(goQuote).join(', ')}` : ''
  return {type: 'FieldValueNotSupported', field, value, detail}
}

/** `Duplicate value: <value>`. */
export function duplicate(field: string, value: string, detail = ''): FieldError {
  return {type: 'FieldValueDuplicate', field, value, detail}
}

/** `Forbidden: <detail>`. */
export function forbidden(field: string, detail: string): FieldError {
  return {type: 'FieldValueForbidden', field, detail}
}

/** `Too long: must have at most N bytes`. */
export function tooLong(field: string, maxLength: number): FieldError {
  return {type: 'FieldValueTooLong', field, detail: `must have at most ${maxLength} bytes`}
}

/** `Not found: <value>`. */
export function notFound(field: string, value: string, detail = ''): FieldError {
  return {type: 'FieldValueNotFound', field, value, detail}
}

/** The message without the field (field.Error.ErrorBody). */
function errorBody(error: FieldError): string {
  let body = TYPE_WORDS[error.type]
  if (error.value !== undefined) body += `: ${error.value}`
  if (error.detail.length > 0) body += `: ${error.detail}`
  return body
}

/** The full message (field.Error.Error): `spec.replicas: Invalid value: -1: must be ...`. */
export function errorString(error: FieldError): string {
  return error.field.length > 0 ? `${error.field}: ${errorBody(error)}` : errorBody(error)
}

/** StatusCauses for invalid(), dropping repeats as ErrorList.ToAggregate does. */
export function toStatusCauses(errors: readonly FieldError[]): StatusCause[] {
  const seen = new Set<string>()
  const causes: StatusCause[] = []
  for (const error of errors) {
    const message = errorString(error)
    if (seen.has(message)) continue
    seen.add(message)
    causes.push({reason: error.type, message: errorBody(error), field: error.field})
  }
  return causes
}

/** field.Path.Child: `spec` + `replicas` → `spec.replicas`. */
export function child(path: string, ...names: string[]): string {
  return names.reduce((acc, name) => (acc.length === 0 ? name : `${acc}.${name}`), path)
}

/** field.Path.Index: `containers[0]`. */
export function index(path: string, i: number): string {
  return `${path}[${i}]`
}

/** field.Path.Key: `limits[cpu]`. */
export function key(path: string, k: string): string {
  return `${path}[${k}]`
}
