// Errors kube-apiserver raises while decoding a request body into a built-in kind's Go type, before defaulting and
// validation: a value of the wrong JSON type or out of an integer's range, a quantity or a timestamp that does not
// parse, []byte data that is not base64. The Go types come from api-types.ts; custom resources are not decoded here.
import type {Patch} from '../../backend/backend.js'
import type {KubeObject} from '../../backend/object.js'
import {apiVersionOf, type ResourceInfo} from '../../backend/refs.js'
import {badRequest, invalid, StatusError} from '../../backend/status.js'
import {goQuote, goSprint} from '../../resources/go-format.js'
import {marshalGoJson} from '../../resources/go-json.js'
import {typeNodeFor} from '../field-manager/tracked-fields.js'
import {applyConfigurationErrors} from './decode/apply-configuration.js'
import {apiTypes} from './decode/go-type.js'
import {formatDecodeFailure, jsonDecodeFailure, type KeyOrder} from './decode/json-decode.js'
import {unstructuredConvertError} from './decode/unstructured-convert.js'

/**
 * The 400 BadRequest message kube-apiserver gives a body it cannot decode (create.go/update.go transformDecodeError,
 * v1.32), e.g. `Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go
 * struct field DeploymentSpec.spec.replicas of type int32`; undefined when the body decodes. `order` is the order
 * the body's keys were sent in: a request's own, or sorted as kubectl's encoder writes an object it read.
 */
export function decodeError(info: ResourceInfo, object: KubeObject, order: KeyOrder = 'sorted'): string | undefined {
  const root = apiTypes().root(apiVersionOf(info), info.kind)
  const failure = root && jsonDecodeFailure(root, object, order)
  if (failure === undefined) return undefined
  return `${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: ${formatDecodeFailure(failure)}`
}

/**
 * Refuses a create or update body that does not decode, as BadRequest: a field of the wrong JSON type or out of
 * range, a quantity or timestamp that does not parse, data that is not base64.
 */
export function rejectUndecodable(info: ResourceInfo, object: KubeObject): void {
  const message = decodeError(info, object)
  if (message !== undefined) throw badRequest(message)
}

/**
 * The 422 a patch gets when the patched object does not decode (handlers/patch.go, v1.32): JSON and merge patches
 * decode the patched JSON, `patch: Invalid value: "{...}": json: cannot unmarshal ...`; a strategic merge patch
 * converts the patched map, `patch: Invalid value: "map[spec:map[replicas:three]]": unrecognized type: int32`.
 * Server-side apply has applyDecodeError.
 */
export function patchDecodeError(
  info: Pick<ResourceInfo, 'group' | 'version' | 'kind'>,
  patch: Patch,
  patched: KubeObject,
): StatusError | undefined {
  const root = apiTypes().root(apiVersionOf(info), info.kind)
  if (root === undefined) return undefined
  let value: string
  let detail: string | undefined
  switch (patch.type) {
    case 'json':
    case 'merge': {
      // evanphx/json-patch writes the patched document from a Go map: keys sorted
      const failure = jsonDecodeFailure(root, patched, 'sorted')
      detail = failure && formatDecodeFailure(failure)
      value = detail === undefined ? '' : marshalGoJson(patched)
      break
    }
    case 'strategic':
      detail = unstructuredConvertError(root, patched)
      value = detail === undefined ? '' : goSprint(patch.body)
      break
    case 'apply':
      return undefined
  }
  if (detail === undefined) return undefined
  return invalid({group: info.group, kind: info.kind}, '', [
    {reason: 'FieldValueInvalid', field: 'patch', message: `Invalid value: ${goQuote(value)}: ${detail}`},
  ])
}

/**
 * The error server-side apply gives a configuration whose values have the wrong type, before it merges anything
 * (managedfields internal/structuredmerge.go, v1.32): `failed to create typed patch object (default/web;
 * apps/v1, Kind=Deployment): .spec.replicas: expected numeric (int or float), got string`. The field manager
 * returns it as a plain error, which the API server answers as a 500 without a reason.
 */
export function applyDecodeError(info: ResourceInfo, applied: KubeObject): StatusError | undefined {
  const root = apiTypes().root(apiVersionOf(info), info.kind)
  if (root === undefined) return undefined
  const errors = applyConfigurationErrors(root, typeNodeFor(info), applied)
  if (errors.length === 0) return undefined
  // typed.ValidationErrors.Error(): one error as is, several listed under "errors:"
  const detail = errors.length === 1 ? errors[0] : ['errors:', ...errors.map((e) => `  ${e}`)].join('\n')
  const where = `${applied.metadata.namespace ?? ''}/${applied.metadata.name ?? ''}`
  return new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    // StatusReasonUnknown
    reason: '',
    message: `failed to create typed patch object (${where}; ${info.group}/${info.version}, Kind=${info.kind}): ${detail}`,
    code: 500,
  })
}
