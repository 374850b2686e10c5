// List ordering helpers of strategic merge patch: apimachinery pkg/util/strategicpatch/patch.go (v0.32).
// They follow Go's algorithms step by step, because the order of merged lists is visible to users.
import type {JsonObject} from '../../backend/object.js'
import {isJsonObject} from '../../backend/object.js'
import {badArgType, noListOfLists, noMergeKey, PatchError} from './errors.js'
import {compareGoStrings, goSprint} from '../go-format.js'
import {hasKey, jsonKind} from './json-values.js'

const DIRECTIVE_MARKER = '$patch'

/** Sorts scalars in place by their `%v` text, as sortScalars does (Go mutates the caller's slice too). */
export function sortScalars(list: unknown[]): unknown[] {
  return list.sort((a, b) => compareGoStrings(goSprint(a), goSprint(b)))
}

/** Removes duplicates in place with Go's swap-with-last algorithm (which reorders), returning the list. */
export function deduplicateScalars(list: unknown[]): unknown[] {
  let length = list.length - 1
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (list[i] === list[j]) {
        list[j] = list[length]
        list.length = length
        length--
        j--
      }
    }
  }
  return list
}

/** Sorts maps by the `%v` text of their merge key value, into a new list. */
export function sortMapsByKey(list: unknown[], mergeKey: string): unknown[] {
  const keyText = (item: unknown): string => goSprint(isJsonObject(item) ? item[mergeKey] : undefined)
  return [...list].sort((a, b) => compareGoStrings(keyText(a), keyText(b)))
}

/** Whether list elements are maps or scalars; fails on lists of lists, mixed kinds and no elements at all. */
export function sliceElementKind(...lists: unknown[][]): 'map' | 'scalar' {
  let kind: string | undefined
  for (const list of lists) {
    for (const item of list) {
      const current = jsonKind(item)
      if (kind === undefined) {
        kind = current
        if (kind === 'slice') throw noListOfLists()
      } else if (kind !== current) {
        throw new PatchError(`list element types are not identical: ${goSprint(lists)}`)
      }
    }
  }
  if (kind === undefined) throw new PatchError('no elements in any of the given slices')
  return kind === 'map' ? 'map' : 'scalar'
}

function identity(item: unknown, mergeKey: string, isMap: boolean): unknown {
  if (!isMap) return item
  if (!isJsonObject(item)) return null
  return item[mergeKey] ?? null
}

/** Position of an item (by merge key for maps) in a list, or -1. */
function indexIn(list: unknown[], item: unknown, mergeKey: string, isMap: boolean): number {
  const wanted = identity(item, mergeKey, isMap)
  return list.findIndex((candidate) => identity(candidate, mergeKey, isMap) === wanted)
}

/** Every item must be a map carrying the merge key. */
function validateMergeKeys(mergeKey: string, ...lists: unknown[][]): void {
  for (const list of lists) {
    for (const item of list) {
      if (!isJsonObject(item)) throw badArgType('map', item)
      if (!hasKey(item, mergeKey)) throw noMergeKey(item, mergeKey)
    }
  }
}

/** Splits a list of maps into items without and with `$patch: delete`. */
export function extractToDeleteItems(list: unknown[]): {keep: unknown[]; remove: unknown[]} {
  const keep: unknown[] = []
  const remove: unknown[] = []
  for (const item of list) {
    if (!isJsonObject(item)) throw badArgType('map', item)
    if (hasKey(item, DIRECTIVE_MARKER) && item[DIRECTIVE_MARKER] === 'delete') remove.push(item)
    else keep.push(item)
  }
  return {keep, remove}
}

/** Orders a list by the positions of its items in `order`; delete directives go last. */
export function normalizeSliceOrder(toSort: unknown[], order: unknown[], mergeKey: string, isMap: boolean): unknown[] {
  let items = toSort
  let toDelete: unknown[] = []
  if (isMap) {
    validateMergeKeys(mergeKey, toSort, order)
    const split = extractToDeleteItems(toSort)
    items = split.keep
    toDelete = split.remove
  }
  // Items missing from `order` keep their relative order after the ordered ones (Go's comparator is not a
  // strict order for them; the patches kubectl builds never have such items).
  const positioned = items.map((item, i) => ({item, i, at: indexIn(order, item, mergeKey, isMap)}))
  positioned.sort((a, b) => {
    if (a.at >= 0 && b.at >= 0) return a.at - b.at || a.i - b.i
    if (a.at >= 0) return -1
    if (b.at >= 0) return 1
    return a.i - b.i
  })
  return [...positioned.map((p) => p.item), ...toDelete]
}

/**
 * Interleaves two ordered lists, keeping each one's relative order; `left` items go before a `right` item
 * only when both appear in serverOrder and the left one comes first there.
 */
function mergeSortedSlice(
  left: unknown[],
  right: unknown[],
  serverOrder: unknown[],
  mergeKey: string,
  isMap: boolean,
): unknown[] {
  const result: unknown[] = []
  let i = 0
  let j = 0
  while (i < left.length || j < right.length) {
    if (i >= left.length) result.push(right[j++])
    else if (j >= right.length) result.push(left[i++])
    else {
      const li = indexIn(serverOrder, left[i], mergeKey, isMap)
      const ri = indexIn(serverOrder, right[j], mergeKey, isMap)
      if (li >= 0 && ri >= 0 && li < ri) result.push(left[i++])
      else result.push(right[j++])
    }
  }
  return result
}

/** Orders patch items by patchOrder and server-only items by serverOrder, then interleaves them. */
export function normalizeElementOrder(
  patch: unknown[],
  serverOnly: unknown[],
  patchOrder: unknown[],
  serverOrder: unknown[],
  mergeKey: string,
  isMap: boolean,
): unknown[] {
  const patchSorted = normalizeSliceOrder(patch, patchOrder, mergeKey, isMap)
  const serverSorted = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, isMap)
  return mergeSortedSlice(serverSorted, patchSorted, serverOrder, mergeKey, isMap)
}

/** Splits primitives into those present in partitionBy and the others. */
export function partitionPrimitives(list: unknown[], partitionBy: unknown[]): {present: unknown[]; others: unknown[]} {
  const wanted = new Set(partitionBy)
  return {present: list.filter((v) => wanted.has(v)), others: list.filter((v) => !wanted.has(v))}
}

/** The first map of a list whose key has the value; fails on elements that are not maps. */
export function findMapByKey(
  list: unknown[],
  key: string,
  value: unknown,
): {map: JsonObject; index: number} | undefined {
  for (const [index, item] of list.entries()) {
    if (!isJsonObject(item)) throw new PatchError(`value for key ${index} is not a map.`)
    if (hasKey(item, key) && item[key] === value) return {map: item, index}
  }
  return undefined
}

/** Splits maps into those whose merge key appears in partitionBy and the others. */
export function partitionMaps(
  list: unknown[],
  partitionBy: unknown[],
  mergeKey: string,
): {present: unknown[]; others: unknown[]} {
  const present: unknown[] = []
  const others: unknown[] = []
  for (const item of list) {
    if (!isJsonObject(item)) throw badArgType('map', item)
    if (!hasKey(item, mergeKey)) throw noMergeKey(item, mergeKey)
    if (findMapByKey(partitionBy, mergeKey, item[mergeKey]) === undefined) others.push(item)
    else present.push(item)
  }
  return {present, others}
}
