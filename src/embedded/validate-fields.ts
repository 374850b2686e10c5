import type {WriteOptions} from '../backend/backend.js'
import type {KubeObject} from '../backend/object.js'
import {parseApiVersion, type ResourceInfo} from '../backend/refs.js'
import {badRequest} from '../backend/status.js'
import {strictDecodingError, validateFields} from './server/resource/decode.js'
import type {SchemaNode} from './server/resource/field-validation.js'
import {schemaSource} from './server/resource/schemas.js'
import type {Store} from './store/store.js'

// one schema source per store: the built-in definitions take a moment to derive
const sources = new WeakMap<Store, (info: ResourceInfo) => Promise<SchemaNode | undefined>>()

/** The schema fieldValidation checks a resource's objects against; undefined when nothing is known. */
export function schemaOf(store: Store, info: ResourceInfo): Promise<SchemaNode | undefined> {
  let source = sources.get(store)
  if (!source) {
    source = schemaSource(store)
    sources.set(store, source)
  }
  return source(info)
}

/**
 * An object as kube-apiserver decodes it under fieldValidation (serve's field-validation rules): Strict refuses
 * fields its kind does not declare with the API server's words; Warn and Ignore drop them. (Warn's warnings
 * have no way back through the Backend interface yet.)
 */
export async function validateObjectFields(
  store: Store,
  info: ResourceInfo,
  object: KubeObject,
  validation: NonNullable<WriteOptions['fieldValidation']>,
): Promise<KubeObject> {
  const schema = await schemaOf(store, info)
  const {version} = parseApiVersion(object.apiVersion)
  return validateFields(object, undefined, schema, validation, (problems) =>
    strictDecodingError(object.kind, version, info.kind, problems),
  ).value
}

/**
 * A patched object under fieldValidation, as kube-apiserver's patch handler decodes the result of a patch
 * (so a patch that removes an unknown field is fine): Strict refuses unknown fields with
 * `strict decoding error: unknown field "spec.foo"`, Warn and Ignore drop them. Synchronous, with the schema
 * looked up beforehand, as patches are applied inside a store transaction.
 */
export function validatePatchedFields(
  patched: KubeObject,
  schema: SchemaNode | undefined,
  validation: NonNullable<WriteOptions['fieldValidation']>,
): KubeObject {
  // the server decodes the patched object from Go's JSON of a map, whose keys come sorted
  return validateFields(patched, undefined, schema, validation, (problems) =>
    badRequest(`strict decoding error: ${[...problems].sort().join(', ')}`),
  ).value
}
