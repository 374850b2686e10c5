// JSON merge patch (RFC 7386) as gopkg.in/evanphx/json-patch.v4 merge.go does it for kube-apiserver and
// apimachinery's jsonmergepatch for kubectl apply of custom resources.
import type {JsonObject} from '../../backend/object.js'
import {isJsonObject} from '../../backend/object.js'
import {MergeConflictError, PatchError} from './errors.js'
import {jsonEqual} from '../json-equal.js'
import {hasKey, jsonKind} from './json-values.js'

/** Drops null fields of maps, at any depth (nulls directly in lists stay, as json-patch keeps them). */
function pruneNulls(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) if (item !== null) pruneNulls(item)
  } else if (isJsonObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (item === null) delete value[key]
      else pruneNulls(item)
    }
  }
}

function mergeDocs(document: JsonObject, patch: JsonObject): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete document[key]
      continue
    }
    const current = document[key]
    if (!isJsonObject(current)) {
      pruneNulls(value)
      document[key] = value
    } else if (isJsonObject(value)) {
      mergeDocs(current, value)
    } else {
      // json-patch keeps the nulls of a replacement for an object.
      document[key] = value
    }
  }
}

/**
 * Applies a JSON merge patch: maps merge key by key, null deletes, anything else replaces. A list patch
 * replaces the document; a null or scalar patch fails with 'Invalid JSON Patch' (400 from the API server).
 */
export function applyMergePatch(document: unknown, patch: unknown): unknown {
  const patchCopy = structuredClone(patch)
  if (Array.isArray(patchCopy)) {
    pruneNulls(patchCopy)
    return patchCopy
  }
  if (!isJsonObject(patchCopy)) throw new PatchError('Invalid JSON Patch', 'BadRequest')
  if (!isJsonObject(document)) {
    pruneNulls(patchCopy)
    return patchCopy
  }
  const result = structuredClone(document)
  mergeDocs(result, patchCopy)
  return result
}

/** The JSON merge patch that turns original into modified: changed and added fields, null for removed ones. */
export function createMergePatch(original: JsonObject, modified: JsonObject): JsonObject {
  const patch: JsonObject = {}
  for (const [key, value] of Object.entries(modified)) {
    if (!hasKey(original, key)) {
      patch[key] = structuredClone(value)
      continue
    }
    const before = original[key]
    if (isJsonObject(before) && isJsonObject(value)) {
      const nested = createMergePatch(before, value)
      if (Object.keys(nested).length > 0) patch[key] = nested
    } else if (jsonKind(before) !== jsonKind(value) || !jsonEqual(before, value)) {
      patch[key] = structuredClone(value)
    }
  }
  for (const key of Object.keys(original)) {
    if (!hasKey(modified, key)) patch[key] = null
  }
  return patch
}

/** Keeps only the nulls of a patch (keepNull) or everything but them; empty maps set explicitly count as values. */
function keepOrDeleteNull(patch: JsonObject, keepNull: boolean): JsonObject {
  const result: JsonObject = {}
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      if (keepNull) result[key] = null
    } else if (isJsonObject(value)) {
      if (Object.keys(value).length === 0) {
        if (!keepNull) result[key] = value
        continue
      }
      const nested = keepOrDeleteNull(value, keepNull)
      if (Object.keys(nested).length > 0) result[key] = nested
    } else if (!keepNull) {
      result[key] = value
    }
  }
  return result
}

function hasConflicts(left: unknown, right: unknown): boolean {
  if (isJsonObject(left)) {
    if (!isJsonObject(right)) return true
    return Object.entries(left).some(([key, value]) => hasKey(right, key) && hasConflicts(value, right[key]))
  }
  if (Array.isArray(left)) {
    if (!Array.isArray(right) || left.length !== right.length) return true
    return left.some((item, i) => hasConflicts(item, right[i]))
  }
  return !jsonEqual(left, right)
}

/** Thrown when a JSON merge patch for apply would change apiVersion, kind or metadata.name. */
export class PreconditionFailedError extends PatchError {
  constructor() {
    super('At least one of apiVersion, kind and name was changed')
    this.name = 'PreconditionFailedError'
  }
}

/**
 * kubectl apply's three-way JSON merge patch for kinds without strategic merge metadata (custom resources):
 * additions and changes from current to modified, deletions from original to modified; lists are replaced.
 */
export function createThreeWayJsonMergePatch(original: unknown, modified: unknown, current: unknown): JsonObject {
  const asMap = (value: unknown): JsonObject => (isJsonObject(value) ? value : {})
  const addAndChange = keepOrDeleteNull(createMergePatch(asMap(current), asMap(modified)), false)
  const deletions = keepOrDeleteNull(createMergePatch(asMap(original), asMap(modified)), true)
  if (hasConflicts(addAndChange, deletions)) throw new MergeConflictError(addAndChange, deletions)
  const patch = asMap(applyMergePatch(deletions, addAndChange))
  // kubectl: patcher.go buildMergePatch preconditions (v1.32)
  const metadata = patch['metadata']
  if (hasKey(patch, 'apiVersion') || hasKey(patch, 'kind') || (isJsonObject(metadata) && hasKey(metadata, 'name'))) {
    throw new PreconditionFailedError()
  }
  return patch
}
