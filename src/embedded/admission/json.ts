// Narrowing helpers for reading unstructured objects: admission sees JSON, not typed structs.
import {isJsonObject, type JsonObject} from '../../backend/object.js'

const EMPTY: JsonObject = Object.freeze({})

/** The value as an object, or an empty frozen object. */
export function obj(value: unknown): JsonObject {
  return isJsonObject(value) ? value : EMPTY
}

/** The value as an array, or an empty array. */
export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

/** The objects of an array value (mutable, for defaulting); anything else is skipped. */
export function objects(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isJsonObject) : []
}

/** The value as a string, or '' (Go's zero value). */
export function str(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/** The value as a number, or undefined when absent or not a number. */
export function num(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined
}

/** True when a field is present and not null (a set pointer in Go). */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null
}

/** A mutable child object of a mutable parent, created when missing. */
export function ensureObject(parent: JsonObject, field: string): JsonObject {
  const existing = parent[field]
  if (isJsonObject(existing)) return existing
  const created: JsonObject = {}
  parent[field] = created
  return created
}
