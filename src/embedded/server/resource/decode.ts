import {isJsonObject, type KubeObject} from '../../../backend/object.js'
import {apiVersionOf, parseApiVersion, type ResourceInfo} from '../../../backend/refs.js'
import {badRequest} from '../../../backend/status.js'
import {goJsonType} from '../../../resources/go-json.js'
import {decodeError} from '../../admission/decode-error.js'
import {
  duplicateFields,
  fieldProblems,
  type FieldValidation,
  type SchemaNode,
  unknownFields,
  withoutUnknownFields,
} from './field-validation.js'

/** A decoded body and the warnings the API server would send with its answer. */
export interface Decoded<T> {
  value: T
  warnings: string[]
}

/** How a body is checked: the resource on the URL, the schema of its kind, and fieldValidation. */
export interface DecodeContext {
  info: ResourceInfo
  /** every served resource, to tell a known kind sent to the wrong URL from an unknown one */
  served: readonly ResourceInfo[]
  schema: SchemaNode | undefined
  validation: FieldValidation
}

// apimachinery's summarizeData: the start of a body for error messages (handlers/rest.go, v1.32)
function summarize(text: string): string {
  if (text.length === 0) return '<empty>'
  if (text.startsWith('{')) return text.length > 30 ? `${text.slice(0, 30)} ...` : text
  const hex = Buffer.from(text.slice(0, 30)).toString('hex')
  return text.length > 30 ? `${hex} ...` : hex
}

// the Go package of a group's internal types, as conversion errors name them (core.Pod, apps.Deployment)
function internalPackage(group: string): string {
  if (group === '') return 'core'
  return group.split('.')[0] ?? group
}

// encoding/json's wording for the JSON errors clients hit most, from JSON.parse's
function goJsonError(text: string, error: unknown): string {
  if (text.trim() === '') return 'unexpected end of JSON input'
  const message = error instanceof Error ? error.message : String(error)
  const at = /position (\d+)/.exec(message)
  if (/Unexpected end of JSON input|Unterminated/i.test(message)) return 'unexpected end of JSON input'
  if (at?.[1] !== undefined) {
    const char = text[Number(at[1])] ?? ''
    const before = text.slice(0, Number(at[1])).trimEnd()
    const last = before[before.length - 1]
    if (last === '{' || last === ',') {
      if (last === '{' || /[{,]\s*$/.test(before)) {
        return `invalid character '${char}' looking for beginning of object key string`
      }
    }
    if (last === ':' || last === '[') return `invalid character '${char}' looking for beginning of value`
    if (/"\s*$/.test(before) && /[{,]\s*"[^"]*"\s*$/.test(before)) {
      return `invalid character '${char}' after object key`
    }
    return `invalid character '${char}' after object key:value pair`
  }
  return message
}

/** Parses JSON as the API server's decoder does, with its error wording (BadRequest, `the object provided is unrecognized`). */
export function parseJson(text: string, expectedKind: string): unknown {
  try {
    if (text.trim() === '') throw new SyntaxError('Unexpected end of JSON input')
    return JSON.parse(text) as unknown
  } catch (error) {
    throw badRequest(
      `the object provided is unrecognized (must be of type ${expectedKind}): couldn't get version/kind; json parse error: ${goJsonError(text, error)} (${summarize(text)})`,
    )
  }
}

/** Applies fieldValidation to a value: Strict refuses, Warn warns, and Warn and Ignore drop the unknown fields. */
export function validateFields<T>(
  value: T,
  text: string | undefined,
  schema: SchemaNode | undefined,
  validation: FieldValidation,
  strictError: (problems: string[]) => Error,
): Decoded<T> {
  if (validation === 'Ignore') return {value: schema ? (withoutUnknownFields(value, schema) as T) : value, warnings: []}
  const unknown = schema ? unknownFields(value, schema) : []
  const duplicate = text !== undefined ? duplicateFields(text) : []
  const problems = fieldProblems(unknown, duplicate)
  if (problems.length > 0 && validation === 'Strict') throw strictError(problems)
  return {value: schema ? (withoutUnknownFields(value, schema) as T) : value, warnings: problems}
}

/**
 * Decodes an object body for create or update as kube-apiserver's handlers do (create.go, update.go, v1.32):
 * the URL's group/version/kind fill what the body leaves out; another kind or version is refused; a built-in kind's
 * fields must decode into its Go types; unknown and duplicate fields follow fieldValidation.
 */
export function decodeObject(raw: Buffer, ctx: DecodeContext): Decoded<KubeObject> {
  const {info} = ctx
  const text = raw.toString('utf8')
  const body = parseJson(text, info.kind)
  if (!isJsonObject(body)) {
    throw badRequest(
      `the object provided is unrecognized (must be of type ${info.kind}): couldn't get version/kind; json parse error: json: cannot unmarshal ${Array.isArray(body) ? 'array' : typeof body} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" } (${summarize(text)})`,
    )
  }
  // the serializer first reads apiVersion and kind into an anonymous struct of two strings (json.go Interpret)
  const badTypeMeta = Object.keys(body).find(
    (key) => (key === 'apiVersion' || key === 'kind') && body[key] !== null && typeof body[key] !== 'string',
  )
  if (badTypeMeta !== undefined) {
    throw badRequest(
      `the object provided is unrecognized (must be of type ${info.kind}): couldn't get version/kind; json parse error: json: cannot unmarshal ${goJsonType(body[badTypeMeta])} into Go struct field .${badTypeMeta} of type string (${summarize(text)})`,
    )
  }
  const apiVersion =
    typeof body['apiVersion'] === 'string' && body['apiVersion'] !== '' ? body['apiVersion'] : apiVersionOf(info)
  const kind = typeof body['kind'] === 'string' && body['kind'] !== '' ? body['kind'] : info.kind
  const sent = parseApiVersion(apiVersion)
  if (kind !== info.kind) {
    const known = ctx.served.find((r) => r.kind === kind && apiVersionOf(r) === apiVersion)
    const cause = known
      ? `converting (${sent.version}.${kind}) to (${internalPackage(info.group)}.${info.kind}): unknown conversion`
      : `no kind "${kind}" is registered for version "${apiVersion}" in scheme "pkg/api/legacyscheme/scheme.go:30"`
    throw badRequest(`${kind} in version "${sent.version}" cannot be handled as a ${info.kind}: ${cause}`)
  }
  if (apiVersion !== apiVersionOf(info)) {
    throw badRequest(
      `the API version in the data (${apiVersion}) does not match the expected API version (${apiVersionOf(info)})`,
    )
  }
  // a value of the wrong type fails decoding, and that error comes before strict decoding's (sigs.k8s.io/json)
  const undecodable = decodeError(info, {...body, apiVersion, kind} as KubeObject, 'document')
  if (undecodable !== undefined) throw badRequest(undecodable)
  const object = {
    ...body,
    apiVersion,
    kind,
    metadata: isJsonObject(body['metadata']) ? body['metadata'] : {},
  } as KubeObject
  return validateFields(object, text, ctx.schema, ctx.validation, (problems) =>
    strictDecodingError(kind, sent.version, info.kind, problems),
  )
}

/** The BadRequest of strict decoding: `Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: ...`. */
export function strictDecodingError(kind: string, version: string, expectedKind: string, problems: string[]): Error {
  return badRequest(
    `${kind} in version "${version}" cannot be handled as a ${expectedKind}: strict decoding error: ${problems.join(', ')}`,
  )
}

/** The namespace a create puts an object in: the URL's; a body naming another is refused (rest/create.go, v1.32). */
export function placeForCreate(object: KubeObject, info: ResourceInfo, namespace: string | undefined): KubeObject {
  const own = object.metadata.namespace
  if (!info.namespaced) {
    // cluster-scoped objects have no namespace, whatever the body says
    const {namespace: _dropped, ...metadata} = object.metadata
    return {...object, metadata}
  }
  if (own !== undefined && own !== '' && own !== namespace) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request')
  }
  return {...object, metadata: {...object.metadata, namespace}}
}

/** The object of an update, checked against the URL's name and namespace (handlers/rest.go checkName, v1.32). */
export function placeForUpdate(
  object: KubeObject,
  info: ResourceInfo,
  name: string,
  namespace: string | undefined,
): KubeObject {
  const own = object.metadata.name ?? ''
  if (own !== name) {
    throw badRequest(`the name of the object (${own}) does not match the name on the URL (${name})`)
  }
  if (!info.namespaced) {
    const {namespace: _dropped, ...metadata} = object.metadata
    return {...object, metadata}
  }
  const objectNamespace = object.metadata.namespace
  if (
    namespace !== undefined &&
    objectNamespace !== undefined &&
    objectNamespace !== '' &&
    objectNamespace !== namespace
  ) {
    throw badRequest(
      `the namespace of the object (${objectNamespace}) does not match the namespace on the request (${namespace})`,
    )
  }
  return {...object, metadata: {...object.metadata, namespace}}
}
