// apimachinery: pkg/util/strategicpatch/patch.go MergingMapsHaveConflicts (v0.32).
import type {JsonObject} from '../../backend/object.js'
import {isJsonObject} from '../../backend/object.js'
import {jsonEqual} from '../json-equal.js'
import type {PatchMeta, PatchSchema} from './schema.js'
import {DIRECTIVE_MARKER, RETAIN_KEYS_DIRECTIVE} from './strategic-diff.js'
import {deduplicateScalars, sliceElementKind, sortScalars} from './strategic-order.js'
import {PatchError} from './errors.js'

/** True when two patches set some key to different values, with strategic merge semantics for lists. */
export function mergingMapsHaveConflicts(left: JsonObject, right: JsonObject, schema: PatchSchema): boolean {
  return fieldsHaveConflicts(left, right, schema, {})
}

function fieldsHaveConflicts(left: unknown, right: unknown, schema: PatchSchema, meta: PatchMeta): boolean {
  if (isJsonObject(left)) {
    if (!isJsonObject(right)) return true
    const leftMarker = left[DIRECTIVE_MARKER]
    const rightMarker = right[DIRECTIVE_MARKER]
    // A directive acts on the whole map, so it conflicts with anything but the same directive.
    if (leftMarker !== undefined || rightMarker !== undefined) {
      if ((leftMarker === undefined) !== (rightMarker === undefined)) return true
      if (leftMarker !== rightMarker) return true
    }
    if (meta.strategy === 'replace') return false
    return mapsHaveConflicts(left, right, schema)
  }
  if (Array.isArray(left)) {
    if (!Array.isArray(right)) return true
    return slicesHaveConflicts(left, right, schema, meta)
  }
  return !jsonEqual(left, right)
}

function mapsHaveConflicts(left: JsonObject, right: JsonObject, schema: PatchSchema): boolean {
  for (const [key, leftValue] of Object.entries(left)) {
    if (key === DIRECTIVE_MARKER || key === RETAIN_KEYS_DIRECTIVE || !(key in right)) continue
    const {schema: subschema, meta} = schema.lookup(key)
    if (fieldsHaveConflicts(leftValue, right[key], subschema, meta)) return true
  }
  return false
}

function slicesHaveConflicts(left: unknown[], right: unknown[], schema: PatchSchema, meta: PatchMeta): boolean {
  const kind = sliceElementKind(left, right)
  if (meta.strategy === 'merge') {
    // Merged lists of scalars never conflict; merged lists of maps conflict item by item.
    if (kind !== 'map') return false
    const leftByKey = byMergeKey(left, meta.mergeKey ?? '')
    const rightByKey = byMergeKey(right, meta.mergeKey ?? '')
    for (const [key, value] of leftByKey) {
      const other = rightByKey.get(key)
      if (other !== undefined && fieldsHaveConflicts(value, other, schema, {})) return true
    }
    return false
  }
  if (left.length !== right.length) return true
  const a = kind === 'map' ? left : sortScalars(deduplicateScalars([...left]))
  const b = kind === 'map' ? right : sortScalars(deduplicateScalars([...right]))
  return a.some((item, i) => fieldsHaveConflicts(item, b[i], schema, {}))
}

function byMergeKey(list: unknown[], mergeKey: string): Map<string, JsonObject> {
  const result = new Map<string, JsonObject>()
  for (const item of list) {
    if (!isJsonObject(item)) throw new PatchError(`invalid element type in merging list:${JSON.stringify(list)}`)
    if (!(mergeKey in item)) {
      throw new PatchError(`cannot find merge key \`${mergeKey}\` in merging list element:${JSON.stringify(item)}`)
    }
    result.set(String(item[mergeKey]), item)
  }
  return result
}
