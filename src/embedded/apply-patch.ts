import type {Patch, WriteOptions} from '../backend/backend.js'
import {isJsonObject, type KubeObject} from '../backend/object.js'
import {apiVersionOf, type ResourceInfo} from '../backend/refs.js'
import {badRequest, invalid, StatusError} from '../backend/status.js'
import {patchSchemaFor} from '../resources/patch/builtin-schema.js'
import {PatchError, patchErrorToStatus} from '../resources/patch/errors.js'
import {applyJsonPatch} from '../resources/patch/json-patch.js'
import {applyMergePatch} from '../resources/patch/merge-patch.js'
import {applyStrategicMergePatch} from '../resources/patch/strategic.js'

/**
 * Applies a PATCH body to the current object as kube-apiserver's patch handler does: JSON patch, JSON merge
 * patch, or strategic merge patch (refused for custom resources, as the API server refuses it).
 */
export function applyPatch(info: ResourceInfo, current: KubeObject, patch: Patch): KubeObject {
  try {
    const patched = patchBody(info, current, patch)
    if (!isJsonObject(patched) || !isJsonObject(patched['metadata']))
      throw badRequest('the patched object is not a Kubernetes object')
    return patched as KubeObject
  } catch (error) {
    if (error instanceof PatchError) throw patchErrorToStatus(error)
    if (error instanceof StatusError) throw error
    throw badRequest(error instanceof Error ? error.message : String(error))
  }
}

function patchBody(info: ResourceInfo, current: KubeObject, patch: Patch): unknown {
  switch (patch.type) {
    case 'json':
      return applyJsonPatch(current, patch.body)
    case 'merge':
      return applyMergePatch(current, patch.body)
    case 'strategic': {
      const schema = patchSchemaFor(apiVersionOf(info), info.kind)
      if (!schema) throw unsupportedMediaType()
      return applyStrategicMergePatch(current, patch.body, schema)
    }
    case 'apply':
      // server-side apply goes through the field manager (field-manager/record.ts); only the scale subresource lands here
      throw unsupportedMediaType()
  }
}

// PatchOptions validation (apimachinery pkg/apis/meta/v1/validation ValidatePatchOptions, v1.32)
const PATCH_OPTIONS = {group: 'meta.k8s.io', kind: 'PatchOptions'}

/** Refuses an apply patch without a field manager, and force on any other patch, with the API server's 422s. */
export function checkPatchOptions(patch: Patch, options: WriteOptions): void {
  if (patch.type === 'apply' && !options.fieldManager) {
    throw invalid(PATCH_OPTIONS, '', [
      {reason: 'FieldValueRequired', field: 'fieldManager', message: 'Required value: is required for apply patch'},
    ])
  }
  if (patch.type !== 'apply' && options.force === true) {
    throw invalid(PATCH_OPTIONS, '', [
      {reason: 'FieldValueForbidden', field: 'force', message: 'Forbidden: may not be specified for non-apply patch'},
    ])
  }
}

function unsupportedMediaType(): StatusError {
  return new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message:
      'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
    reason: 'UnsupportedMediaType',
    code: 415,
  })
}
