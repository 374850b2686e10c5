// kubectl decodes every top-level document into a typed TypeMeta + ObjectMeta as well (cli-runtime's
// metadataValidatingDecoder, v1.32), so a wrongly typed metadata field fails there with encoding/json's words:
// `json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string`.
import {isJsonObject} from '../backend/object.js'
import {goJsonType} from '../resources/go-json.js'

const STRING_FIELDS = ['generateName', 'name', 'namespace', 'resourceVersion', 'selfLink', 'uid']
const INT64_FIELDS = ['deletionGracePeriodSeconds', 'generation']
const MAP_FIELDS = ['annotations', 'labels']
const OWNER_STRING_FIELDS = ['apiVersion', 'kind', 'name', 'uid']
const OWNER_BOOL_FIELDS = ['blockOwnerDeletion', 'controller']

/** encoding/json's UnmarshalTypeError; a number that fails an integer field is shown with its text. */
function typeError(value: unknown, field: string, goType: string, struct = 'ObjectMeta'): string {
  const shown = typeof value === 'number' && goType === 'int64' ? `number ${String(value)}` : goJsonType(value)
  return `json: cannot unmarshal ${shown} into Go struct field ${struct}.${field} of type ${goType}`
}

const isNull = (value: unknown): boolean => value === null || value === undefined

function checkString(value: unknown, field: string, struct?: string): string | undefined {
  return isNull(value) || typeof value === 'string' ? undefined : typeError(value, field, 'string', struct)
}

// The first failing element of a list or map, in key order.
function firstError<T>(values: readonly T[], check: (value: T) => string | undefined): string | undefined {
  for (const value of values) {
    const error = check(value)
    if (error !== undefined) return error
  }
  return undefined
}

function checkOwnerReference(owner: unknown): string | undefined {
  const path = 'metadata.ownerReferences'
  if (isNull(owner)) return undefined
  if (!isJsonObject(owner)) return typeError(owner, path, 'v1.OwnerReference')
  return firstError(Object.keys(owner).sort(), (field) => {
    const value = owner[field]
    if (OWNER_STRING_FIELDS.includes(field)) return checkString(value, `${path}.${field}`, 'OwnerReference')
    if (OWNER_BOOL_FIELDS.includes(field) && !isNull(value) && typeof value !== 'boolean')
      return typeError(value, `${path}.${field}`, 'bool', 'OwnerReference')
    return undefined
  })
}

function checkMetadataField(field: string, value: unknown): string | undefined {
  const path = `metadata.${field}`
  if (isNull(value)) return undefined
  if (STRING_FIELDS.includes(field)) return checkString(value, path)
  if (INT64_FIELDS.includes(field))
    return typeof value === 'number' && Number.isInteger(value) ? undefined : typeError(value, path, 'int64')
  if (MAP_FIELDS.includes(field)) {
    if (!isJsonObject(value)) return typeError(value, path, 'map[string]string')
    return firstError(Object.keys(value).sort(), (key) => checkString(value[key], path))
  }
  if (field === 'finalizers') {
    if (!Array.isArray(value)) return typeError(value, path, '[]string')
    return firstError(value, (item) => checkString(item, path))
  }
  if (field === 'ownerReferences') {
    if (!Array.isArray(value)) return typeError(value, path, '[]v1.OwnerReference')
    return firstError(value, checkOwnerReference)
  }
  return undefined
}

/** The first type error kubectl's typed metadata decode reports for a document, if any. */
export function metadataDecodeError(document: Record<string, unknown>): string | undefined {
  const apiVersion = checkString(document['apiVersion'], 'apiVersion', 'metadataOnlyObject')
  if (apiVersion) return apiVersion
  const metadata = document['metadata']
  if (metadata === null || metadata === undefined) return undefined
  if (!isJsonObject(metadata))
    return `json: cannot unmarshal ${goJsonType(metadata)} into Go struct field metadataOnlyObject.metadata of type v1.ObjectMeta`
  return firstError(Object.keys(metadata).sort(), (field) => checkMetadataField(field, metadata[field]))
}
