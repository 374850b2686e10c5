// What the API server does to a custom resource's JSON before validation: structural pruning of unknown
// fields, then defaulting from the schema (apiextensions-apiserver pkg/apiserver/schema/pruning and
// schema/defaulting, v1.32).
import {isJsonObject, type JsonObject} from '../../backend/object.js'
import type {JsonSchemaProps} from './types.js'

// fields of the root (and of embedded resources) that ObjectMeta/TypeMeta own, never pruned by the schema
const TYPE_AND_OBJECT_META = new Set(['apiVersion', 'kind', 'metadata'])

/** A copy of a custom resource without the fields its schema does not specify (x-kubernetes-preserve-unknown-fields keeps them). */
export function pruneUnknownFields(object: JsonObject, schema: JsonSchemaProps): JsonObject {
  return pruneObject(object, schema, true) as JsonObject
}

function prune(value: unknown, schema: JsonSchemaProps | undefined): unknown {
  if (schema === undefined) return value
  if (Array.isArray(value)) return value.map((item) => prune(item, schema.items))
  if (isJsonObject(value)) return pruneObject(value, schema, schema['x-kubernetes-embedded-resource'] === true)
  return value
}

function pruneObject(object: JsonObject, schema: JsonSchemaProps, keepsMeta: boolean): JsonObject {
  const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true
  const additional = schema.additionalProperties
  const result: JsonObject = {}
  for (const [name, value] of Object.entries(object)) {
    if (keepsMeta && TYPE_AND_OBJECT_META.has(name)) {
      result[name] = value
      continue
    }
    const known = schema.properties?.[name]
    if (known !== undefined) result[name] = prune(value, known)
    else if (typeof additional === 'object') result[name] = prune(value, additional)
    else if (preserve || additional === true) result[name] = value
  }
  return result
}

/** A copy with the schema's defaults filled in where fields are absent (or null and not nullable). */
export function applySchemaDefaults(object: JsonObject, schema: JsonSchemaProps): JsonObject {
  return withDefaults(object, schema) as JsonObject
}

function withDefaults(value: unknown, schema: JsonSchemaProps | undefined): unknown {
  if (schema === undefined) return value
  if (Array.isArray(value)) return value.map((item) => withDefaults(item, schema.items))
  if (!isJsonObject(value)) return value
  const result: JsonObject = {...value}
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const present = name in result
    // PruneNonNullableNullsWithoutDefaults: a null where null is not allowed is dropped, or replaced by the default
    if (present && result[name] === null && !property.nullable) delete result[name]
    if (!(name in result) && property.default !== undefined) result[name] = structuredClone(property.default)
  }
  const additional = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined
  for (const [name, child] of Object.entries(result)) {
    const childSchema = schema.properties?.[name] ?? additional
    if (childSchema) result[name] = withDefaults(child, childSchema)
  }
  return result
}
