// Validation of a custom resource against its version's openAPIV3Schema, worded as kube-apiserver v1.32 words
// it: kube-openapi's validate errors turned into field errors by apiextensions-apiserver
// (pkg/apiserver/validation/validation.go kubeOpenAPIResultToFieldErrors).
import {isJsonObject} from '../../backend/object.js'
import {formatGoNumber, goQuote, sortedGoKeys} from '../../resources/go-format.js'
import {invalid, notSupported, required, type FieldError} from '../admission/field-error.js'
import type {JsonSchemaProps} from './types.js'

/** The field errors of a value under a schema; path '' is the object's root. */
export function validateAgainstSchema(value: unknown, schema: JsonSchemaProps, path = ''): FieldError[] {
  if (value === null && schema.nullable) return []
  const errors = typeErrors(value, schema, path)
  if (errors.length > 0) return errors
  if (typeof value === 'string') errors.push(...stringErrors(value, schema, path))
  if (typeof value === 'number') errors.push(...numberErrors(value, schema, path))
  if (Array.isArray(value)) errors.push(...arrayErrors(value, schema, path))
  if (schema.enum !== undefined && !schema.enum.some((allowed) => sameJson(allowed, value))) {
    const allowed = schema.enum.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
    errors.push(notSupported(path, goValue(value), allowed))
  }
  if (isJsonObject(value)) errors.push(...objectErrors(value, schema, path))
  return errors
}

// what the JSON decoder made of a value: kube-openapi's type names
function jsonType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

function typeErrors(value: unknown, schema: JsonSchemaProps, path: string): FieldError[] {
  const allowed = schema['x-kubernetes-int-or-string'] ? ['integer', 'string'] : schema.type ? [schema.type] : []
  if (allowed.length === 0) return []
  const actual = jsonType(value)
  if (allowed.includes(actual) || (actual === 'integer' && allowed.includes('number'))) return []
  const detail = `${subject(path)} must be of type ${allowed.join(',')}: ${goQuote(actual)}`
  return [invalid(path, goQuote(actual), detail)]
}

function stringErrors(value: string, schema: JsonSchemaProps, path: string): FieldError[] {
  const errors: FieldError[] = []
  const length = [...value].length
  if (schema.maxLength !== undefined && length > schema.maxLength) {
    // kube-apiserver v1.32: field.TooLong (TooLongMaxLength is its deprecated alias), which omits the value
    const unit = schema.maxLength === 1 ? 'byte' : 'bytes'
    errors.push({type: 'FieldValueTooLong', field: path, detail: `may not be more than ${schema.maxLength} ${unit}`})
  }
  if (schema.minLength !== undefined && length < schema.minLength) {
    errors.push(invalid(path, goQuote(value), `${subject(path)} should be at least ${schema.minLength} chars long`))
  }
  if (schema.pattern !== undefined && !matchesPattern(value, schema.pattern)) {
    errors.push(invalid(path, goQuote(value), `${subject(path)} should match '${schema.pattern}'`))
  }
  return errors
}

function numberErrors(value: number, schema: JsonSchemaProps, path: string): FieldError[] {
  const errors: FieldError[] = []
  const shown = formatGoNumber(value)
  if (schema.multipleOf !== undefined && schema.multipleOf !== 0 && !Number.isInteger(value / schema.multipleOf)) {
    errors.push(invalid(path, shown, `${subject(path)} should be a multiple of ${formatGoNumber(schema.multipleOf)}`))
  }
  if (schema.maximum !== undefined) {
    const over = schema.exclusiveMaximum ? value >= schema.maximum : value > schema.maximum
    const words = schema.exclusiveMaximum ? 'less than' : 'less than or equal to'
    if (over) errors.push(invalid(path, shown, `${subject(path)} should be ${words} ${formatGoNumber(schema.maximum)}`))
  }
  if (schema.minimum !== undefined) {
    const under = schema.exclusiveMinimum ? value <= schema.minimum : value < schema.minimum
    const words = schema.exclusiveMinimum ? 'greater than' : 'greater than or equal to'
    if (under)
      errors.push(invalid(path, shown, `${subject(path)} should be ${words} ${formatGoNumber(schema.minimum)}`))
  }
  return errors
}

function arrayErrors(value: readonly unknown[], schema: JsonSchemaProps, path: string): FieldError[] {
  const errors: FieldError[] = []
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    errors.push(invalid(path, String(value.length), `${subject(path)} should have at least ${schema.minItems} items`))
  }
  if (schema.maxItems !== undefined && value.length > schema.maxItems) {
    errors.push(tooMany(path, value.length, schema.maxItems, 'items'))
  }
  if (schema.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) {
    errors.push(invalid(path, '""', `${subject(path)} shouldn't contain duplicates`))
  }
  const items = schema.items
  if (items) value.forEach((item, i) => errors.push(...validateAgainstSchema(item, items, `${path}[${i}]`)))
  return errors
}

function objectErrors(value: Readonly<Record<string, unknown>>, schema: JsonSchemaProps, path: string): FieldError[] {
  const errors: FieldError[] = []
  const count = Object.keys(value).length
  if (schema.maxProperties !== undefined && count > schema.maxProperties) {
    errors.push(tooMany(path, count, schema.maxProperties, 'properties'))
  }
  if (schema.minProperties !== undefined && count < schema.minProperties) {
    errors.push(
      invalid(path, String(count), `${subject(path)} should have at least ${schema.minProperties} properties`),
    )
  }
  for (const name of schema.required ?? []) {
    if (!(name in value)) errors.push(required(childPath(path, name)))
  }
  const properties = schema.properties ?? {}
  // Go decodes objects into maps, so the order of the client's keys carries no meaning: go by name
  for (const name of sortedGoKeys(value)) {
    const child = value[name]
    // metadata, apiVersion and kind at the root are ObjectMeta and TypeMeta: the generic checks own them
    if (path === '' && (name === 'metadata' || name === 'apiVersion' || name === 'kind')) continue
    const childSchema = properties[name] ?? additionalSchema(schema)
    if (childSchema) errors.push(...validateAgainstSchema(child, childSchema, childPath(path, name)))
  }
  return errors
}

function additionalSchema(schema: JsonSchemaProps): JsonSchemaProps | undefined {
  return typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined
}

function tooMany(path: string, actual: number, max: number, what: string): FieldError {
  return {type: 'FieldValueTooMany', field: path, value: String(actual), detail: `must have at most ${max} ${what}`}
}

function childPath(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`
}

// kube-openapi names the root `body`'s own field path, or "body" itself at the root
function subject(path: string): string {
  return path === '' ? 'body' : `${path} in body`
}

// the bad value as field.Error prints it for the value types unstructured JSON decodes to
function goValue(value: unknown): string {
  if (typeof value === 'string') return goQuote(value)
  if (typeof value === 'number') return formatGoNumber(value)
  if (typeof value === 'boolean') return String(value)
  if (value === null) return 'null'
  return JSON.stringify(value)
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

// Go's RE2 syntax; a pattern JavaScript cannot compile was already refused when the CRD was written
function matchesPattern(value: string, pattern: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value)
  } catch (error) {
    if (error instanceof SyntaxError) return true
    throw error
  }
}
