import type {JsonObject} from '../../backend/object.js'
import {isJsonObject} from '../../backend/object.js'
import {badJsonDoc, MergeConflictError} from './errors.js'
import type {PatchSchema} from './schema.js'
import {mergingMapsHaveConflicts} from './strategic-conflicts.js'
import {diffMaps} from './strategic-diff.js'
import {mergeMap} from './strategic-merge.js'

function copyOf(document: unknown): JsonObject {
  if (document === undefined || document === null) return {}
  if (!isJsonObject(document)) throw badJsonDoc()
  return structuredClone(document)
}

/**
 * The strategic merge patch that turns original into modified (CreateTwoWayMergePatch), with
 * $setElementOrder directives.
 */
export function createTwoWayMergePatch(original: unknown, modified: unknown, schema: PatchSchema): JsonObject {
  return diffMaps(copyOf(original), copyOf(modified), schema, {
    setElementOrder: true,
    ignoreChangesAndAdditions: false,
    ignoreDeletions: false,
    buildRetainKeysDirective: false,
  })
}

/** Options of createThreeWayMergePatch. */
export interface ThreeWayOptions {
  /** kubectl apply --overwrite (default true): when false, fail on fields changed since the last apply. */
  overwrite?: boolean
}

/**
 * kubectl apply's three-way strategic merge patch (CreateThreeWayMergePatch): the changes and additions from
 * current (the live object) to modified (the new configuration), plus the deletions from original (the
 * last-applied configuration) to modified. Fields others set and the configuration never had stay untouched.
 * Throws MergeConflictError when overwrite is false and modified changes a field current changed differently.
 */
export function createThreeWayMergePatch(
  original: unknown,
  modified: unknown,
  current: unknown,
  schema: PatchSchema,
  options: ThreeWayOptions = {},
): JsonObject {
  const originalMap = copyOf(original)
  const modifiedMap = copyOf(modified)
  const currentMap = copyOf(current)
  // apimachinery: delta (current -> modified, no deletions) applied onto deletions (original -> modified).
  const delta = diffMaps(currentMap, modifiedMap, schema, {
    setElementOrder: true,
    ignoreChangesAndAdditions: false,
    ignoreDeletions: true,
    buildRetainKeysDirective: false,
  })
  const deletions = diffMaps(originalMap, copyOf(modified), schema, {
    setElementOrder: true,
    ignoreChangesAndAdditions: true,
    ignoreDeletions: false,
    buildRetainKeysDirective: false,
  })
  const patch = mergeMap(deletions, delta, schema, {mergeParallelList: false, ignoreUnmatchedNulls: false})
  if (options.overwrite === false) {
    const changed = diffMaps(originalMap, currentMap, schema, {
      setElementOrder: false,
      ignoreChangesAndAdditions: false,
      ignoreDeletions: false,
      buildRetainKeysDirective: false,
    })
    if (mergingMapsHaveConflicts(patch, changed, schema)) throw new MergeConflictError(patch, changed)
  }
  return patch
}

/**
 * Applies a strategic merge patch to an object, as kube-apiserver does (StrategicMergeMapPatch): merged lists
 * by key, `$patch`, `$retainKeys`, `$setElementOrder/` and `$deleteFromPrimitiveList/` directives, null deletes.
 * Throws PatchError (see errorClass for the HTTP status the server answers with).
 */
export function applyStrategicMergePatch(original: unknown, patch: unknown, schema: PatchSchema): JsonObject {
  return mergeMap(copyOf(original), copyOf(patch), schema, {mergeParallelList: true, ignoreUnmatchedNulls: true})
}
