// The diff half of strategic merge patch: apimachinery pkg/util/strategicpatch/patch.go diffMaps (v0.32).
import type {JsonObject} from '../../backend/object.js'
import {isJsonObject} from '../../backend/object.js'
import {badArgType, noMergeKey, PatchError} from './errors.js'
import {goSprint} from '../go-format.js'
import {jsonEqual} from '../json-equal.js'
import {hasKey, jsonKind} from './json-values.js'
import type {PatchSchema} from './schema.js'
import {
  deduplicateScalars,
  normalizeSliceOrder,
  sliceElementKind,
  sortMapsByKey,
  sortScalars,
} from './strategic-order.js'

/** `$patch: delete | replace | merge`: a directive on the map that carries it. */
export const DIRECTIVE_MARKER = '$patch'
/** `$retainKeys: [...]`: the fields of a retainKeys map to keep; the others are cleared. */
export const RETAIN_KEYS_DIRECTIVE = '$retainKeys'
/** `$deleteFromPrimitiveList/<field>: [...]`: values to remove from a merged list of primitives. */
export const DELETE_FROM_PRIMITIVE_LIST_PREFIX = '$deleteFromPrimitiveList'
/** `$setElementOrder/<field>: [...]`: the order of a merged list, by merge key. */
export const SET_ELEMENT_ORDER_PREFIX = '$setElementOrder'

/** DiffOptions of strategicpatch. */
interface DiffOptions {
  /** Produce $setElementOrder parallel lists. */
  setElementOrder: boolean
  /** Leave changes and additions out of the patch. */
  ignoreChangesAndAdditions: boolean
  /** Leave deletions out of the patch. */
  ignoreDeletions: boolean
  /** Add a $retainKeys directive (set by fields whose strategy has retainKeys). */
  buildRetainKeysDirective: boolean
}

/**
 * The strategic merge patch that turns original into modified: changed and added fields, null for removed
 * fields, `$patch: delete` entries and `$deleteFromPrimitiveList` lists for merged lists, `$setElementOrder`
 * and `$retainKeys` directives. Works in place on its arguments, as Go does: callers pass copies.
 */
export function diffMaps(
  original: JsonObject,
  modified: JsonObject,
  schema: PatchSchema,
  options: DiffOptions,
): JsonObject {
  const patch: JsonObject = {}
  const retainKeys: string[] = []
  for (const [key, modifiedValue] of Object.entries(modified)) {
    if (options.buildRetainKeysDirective && modifiedValue !== null) retainKeys.push(key)
    if (!hasKey(original, key)) {
      if (!options.ignoreChangesAndAdditions) patch[key] = modifiedValue
      continue
    }
    const originalValue = original[key]
    if (key === DIRECTIVE_MARKER) {
      if (typeof originalValue !== 'string' || typeof modifiedValue !== 'string') {
        throw new PatchError(`invalid value for special key: ${DIRECTIVE_MARKER}`)
      }
      if (originalValue !== modifiedValue) patch[key] = modifiedValue
      continue
    }
    if (jsonKind(originalValue) !== jsonKind(modifiedValue)) {
      if (!options.ignoreChangesAndAdditions) patch[key] = modifiedValue
      continue
    }
    if (isJsonObject(originalValue) && isJsonObject(modifiedValue)) {
      diffMapField(key, originalValue, modifiedValue, patch, schema, options)
    } else if (Array.isArray(originalValue) && Array.isArray(modifiedValue)) {
      diffSliceField(key, originalValue, modifiedValue, patch, schema, options)
    } else {
      replaceIfNotEqual(key, originalValue, modifiedValue, patch, options)
    }
  }
  if (!options.ignoreDeletions) {
    for (const key of Object.keys(original)) {
      if (!hasKey(modified, key)) patch[key] = null
    }
  }
  // $retainKeys goes in when the patch says something, or when original has fields that must be cleared.
  if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalField(original, modified))) {
    patch[RETAIN_KEYS_DIRECTIVE] = sortScalars(retainKeys)
  }
  return patch
}

function hasAdditionalField(original: JsonObject, modified: JsonObject): boolean {
  return Object.entries(original).some(([key, value]) => value !== null && !hasKey(modified, key))
}

function replaceIfNotEqual(key: string, original: unknown, modified: unknown, patch: JsonObject, options: DiffOptions) {
  if (options.ignoreChangesAndAdditions || jsonEqual(original, modified)) return
  patch[key] = modified
}

function diffMapField(
  key: string,
  original: JsonObject,
  modified: JsonObject,
  patch: JsonObject,
  schema: PatchSchema,
  options: DiffOptions,
): void {
  const {schema: subschema, meta} = schema.lookup(key)
  const childOptions = {...options, buildRetainKeysDirective: meta.retainKeys === true}
  if (meta.strategy === 'replace') {
    if (!options.ignoreChangesAndAdditions) patch[key] = modified
    return
  }
  const value = diffMaps(original, modified, subschema, childOptions)
  if (Object.keys(value).length > 0) patch[key] = value
}

function diffSliceField(
  key: string,
  original: unknown[],
  modified: unknown[],
  patch: JsonObject,
  schema: PatchSchema,
  options: DiffOptions,
): void {
  const {schema: subschema, meta} = schema.lookup(key)
  if (meta.strategy !== 'merge') {
    replaceIfNotEqual(key, original, modified, patch, options)
    return
  }
  const childOptions = {...options, buildRetainKeysDirective: meta.retainKeys === true}
  const {patchList, deleteList, setOrderList} = diffLists(
    original,
    modified,
    subschema,
    meta.mergeKey ?? '',
    childOptions,
  )
  if (patchList.length > 0) patch[key] = patchList
  if (deleteList.length > 0) patch[`${DELETE_FROM_PRIMITIVE_LIST_PREFIX}/${key}`] = deleteList
  if (setOrderList.length > 0) patch[`${SET_ELEMENT_ORDER_PREFIX}/${key}`] = setOrderList
}

interface ListDiff {
  patchList: unknown[]
  deleteList: unknown[]
  setOrderList: unknown[]
}

function diffLists(
  original: unknown[],
  modified: unknown[],
  schema: PatchSchema,
  mergeKey: string,
  options: DiffOptions,
): ListDiff {
  if (original.length === 0) {
    if (modified.length === 0 || options.ignoreChangesAndAdditions) {
      return {patchList: [], deleteList: [], setOrderList: []}
    }
    return {patchList: modified, deleteList: [], setOrderList: []}
  }
  if (sliceElementKind(original, modified) === 'map') {
    const {patchList: changes, deleteList} = diffListsOfMaps(original, modified, schema, mergeKey, options)
    const ordered = normalizeSliceOrder(changes, modified, mergeKey, true)
    const orderSame = isOrderSame(original, modified, mergeKey)
    // Deletions go at the end of the patch list for lists of maps.
    const patchList = [...ordered, ...deleteList]
    const wantOrder =
      options.setElementOrder &&
      ((!options.ignoreChangesAndAdditions && (patchList.length > 0 || !orderSame)) ||
        (!options.ignoreDeletions && patchList.length > 0))
    const setOrderList = wantOrder
      ? modified.map((item) => ({[mergeKey]: isJsonObject(item) ? item[mergeKey] : null}))
      : []
    return {patchList, deleteList: [], setOrderList}
  }
  const {addList, deleteList} = diffListsOfScalars(original, modified, options)
  const patchList = normalizeSliceOrder(addList, modified, mergeKey, false)
  // `original` was sorted in place by diffListsOfScalars, as in Go, before this comparison.
  const wantOrder =
    options.setElementOrder &&
    ((!options.ignoreDeletions && deleteList.length > 0) ||
      (!options.ignoreChangesAndAdditions && !jsonEqual(original, modified)))
  return {patchList, deleteList, setOrderList: wantOrder ? modified : []}
}

function isOrderSame(original: unknown[], modified: unknown[], mergeKey: string): boolean {
  if (original.length !== modified.length) return false
  return modified.every((item, i) => mergeKeyValueEqual(original[i], item, mergeKey))
}

/** Whether two maps have the same merge key value (two scalars: whether they are equal). */
export function mergeKeyValueEqual(left: unknown, right: unknown, mergeKey: string): boolean {
  if (mergeKey === '') return left === right
  if (!isJsonObject(left)) throw badArgType('map', left)
  if (!isJsonObject(right)) throw badArgType('map', right)
  if (!hasKey(left, mergeKey)) throw noMergeKey(left, mergeKey)
  if (!hasKey(right, mergeKey)) throw noMergeKey(right, mergeKey)
  return left[mergeKey] === right[mergeKey]
}

function diffListsOfScalars(
  original: unknown[],
  modified: unknown[],
  options: DiffOptions,
): {addList: unknown[]; deleteList: unknown[]} {
  const originalSorted = sortScalars(original)
  const modifiedSorted = sortScalars([...modified])
  const addList: unknown[] = []
  const deleteList: unknown[] = []
  let i = 0
  let j = 0
  while (i < originalSorted.length || j < modifiedSorted.length) {
    const inOriginal = i < originalSorted.length
    const inModified = j < modifiedSorted.length
    const originalText = inOriginal ? goSprint(originalSorted[i]) : ''
    const modifiedText = inModified ? goSprint(modifiedSorted[j]) : ''
    if (inOriginal && inModified && originalText === modifiedText) {
      i++
      j++
    } else if (!inOriginal || (inModified && originalText > modifiedText)) {
      if (!options.ignoreChangesAndAdditions) addList.push(modifiedSorted[j])
      j++
    } else {
      if (!options.ignoreDeletions) deleteList.push(originalSorted[i])
      i++
    }
  }
  return {addList, deleteList: deduplicateScalars(deleteList)}
}

function mapWithMergeKey(item: unknown, mergeKey: string): {map: JsonObject; value: unknown} {
  if (!isJsonObject(item)) throw badArgType('map', item)
  if (!hasKey(item, mergeKey)) throw noMergeKey(item, mergeKey)
  return {map: item, value: item[mergeKey]}
}

function diffListsOfMaps(
  original: unknown[],
  modified: unknown[],
  schema: PatchSchema,
  mergeKey: string,
  options: DiffOptions,
): {patchList: unknown[]; deleteList: unknown[]} {
  const patchList: unknown[] = []
  const deleteList: unknown[] = []
  const originalSorted = sortMapsByKey(original, mergeKey)
  const modifiedSorted = sortMapsByKey(modified, mergeKey)
  let i = 0
  let j = 0
  while (i < originalSorted.length || j < modifiedSorted.length) {
    const left = i < originalSorted.length ? mapWithMergeKey(originalSorted[i], mergeKey) : undefined
    const right = j < modifiedSorted.length ? mapWithMergeKey(modifiedSorted[j], mergeKey) : undefined
    const leftText = left === undefined ? '' : goSprint(left.value)
    const rightText = right === undefined ? '' : goSprint(right.value)
    if (left !== undefined && right !== undefined && leftText === rightText) {
      const value = diffMaps(left.map, right.map, schema, options)
      if (Object.keys(value).length > 0) {
        value[mergeKey] = right.value
        patchList.push(value)
      }
      i++
      j++
    } else if (right !== undefined && (left === undefined || leftText > rightText)) {
      if (!options.ignoreChangesAndAdditions) patchList.push(right.map)
      j++
    } else if (left !== undefined) {
      if (!options.ignoreDeletions) deleteList.push({[mergeKey]: left.value, [DIRECTIVE_MARKER]: 'delete'})
      i++
    }
  }
  return {patchList, deleteList}
}
