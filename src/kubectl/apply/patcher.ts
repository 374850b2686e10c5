// kubectl: pkg/cmd/apply/patcher.go patchSimple (v1.32)
import type {Patch} from '../../backend/backend.js'
import type {JsonObject, KubeObject} from '../../backend/object.js'
import {isJsonObject} from '../../backend/object.js'
import {badJsonDoc} from '../../resources/patch/errors.js'
import {applyMergePatch, createThreeWayJsonMergePatch} from '../../resources/patch/merge-patch.js'
import type {PatchSchema} from '../../resources/patch/schema.js'
import {applyStrategicMergePatch, createThreeWayMergePatch} from '../../resources/patch/strategic.js'
import {encodeObject, getOriginalConfiguration} from './last-applied.js'

/** The patch apply sends: strategic for built-in kinds, JSON merge for custom resources. */
export type ApplyPatch = Extract<Patch, {type: 'strategic' | 'merge'}> & {body: JsonObject}

/** What to diff: the schema of the kind (undefined for a JSON merge patch) and kubectl's --overwrite. */
export interface PatchInputs {
  schema: PatchSchema | undefined
  modified: JsonObject
  /** kubectl's text of the modified configuration, for error messages. */
  modifiedText: string
  overwrite: boolean
}

function parseOriginal(text: string | undefined): JsonObject {
  if (text === undefined || text === '') return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw badJsonDoc()
  }
  if (!isJsonObject(parsed)) throw badJsonDoc()
  return parsed
}

/**
 * The three-way patch from the live object's last-applied configuration, the modified configuration and the
 * live object itself. Failures are worded as patchSimple wraps them ('creating patch with: ...').
 */
export function createApplyPatch(current: KubeObject, inputs: PatchInputs): ApplyPatch {
  const originalText = getOriginalConfiguration(current)
  try {
    const original = parseOriginal(originalText)
    if (inputs.schema === undefined) {
      return {type: 'merge', body: createThreeWayJsonMergePatch(original, inputs.modified, current)}
    }
    const body = createThreeWayMergePatch(original, inputs.modified, current, inputs.schema, {
      overwrite: inputs.overwrite,
    })
    return {type: 'strategic', body}
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new Error(
      `creating patch with:\noriginal:\n${originalText ?? ''}\nmodified:\n${inputs.modifiedText}\ncurrent:\n${encodeObject(current)}\nfor:: ${message}`,
      {cause: error},
    )
  }
}

/** True when a patch changes nothing (kubectl compares its JSON with `{}`). */
export function isEmptyPatch(patch: ApplyPatch): boolean {
  return Object.keys(patch.body).length === 0
}

/** The object the server would store after the patch, computed locally for --dry-run=client. */
export function applyPatchLocally(current: KubeObject, patch: ApplyPatch, schema: PatchSchema | undefined): KubeObject {
  const patched =
    patch.type === 'strategic' && schema !== undefined
      ? applyStrategicMergePatch(current, patch.body, schema)
      : applyMergePatch(current, patch.body)
  if (!isKubeObject(patched)) throw new Error('applying patch locally: the patched object is not a Kubernetes object')
  return patched
}

function isKubeObject(value: unknown): value is KubeObject {
  return (
    isJsonObject(value) &&
    typeof value['apiVersion'] === 'string' &&
    typeof value['kind'] === 'string' &&
    isJsonObject(value['metadata'])
  )
}
