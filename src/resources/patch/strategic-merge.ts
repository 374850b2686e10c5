// The apply half of strategic merge patch: apimachinery pkg/util/strategicpatch/patch.go mergeMap (v0.32).
import type {JsonObject} from '../../backend/object.js'
import {isJsonObject} from '../../backend/object.js'
import {
  badArgType,
  badPatchType,
  badPrimitiveList,
  badRetainKeys,
  badSetElementOrder,
  noMergeKey,
  PatchError,
} from './errors.js'
import {goSprint} from '../go-format.js'
import {jsonEqual} from '../json-equal.js'
import {hasKey, jsonKind} from './json-values.js'
import type {PatchSchema} from './schema.js'
import {
  DELETE_FROM_PRIMITIVE_LIST_PREFIX,
  DIRECTIVE_MARKER,
  mergeKeyValueEqual,
  RETAIN_KEYS_DIRECTIVE,
  SET_ELEMENT_ORDER_PREFIX,
} from './strategic-diff.js'
import {
  deduplicateScalars,
  extractToDeleteItems,
  findMapByKey,
  normalizeElementOrder,
  partitionMaps,
  partitionPrimitives,
  sliceElementKind,
} from './strategic-order.js'

/** MergeOptions of strategicpatch. */
interface MergeOptions {
  /** Apply parallel lists ($deleteFromPrimitiveList, $setElementOrder) instead of carrying them (server side). */
  mergeParallelList: boolean
  /** Drop nulls that match nothing instead of keeping them (server side). */
  ignoreUnmatchedNulls: boolean
}

/** Merges a strategic merge patch into original, in place on both (as Go does): callers pass copies. */
export function mergeMap(
  original: JsonObject | undefined,
  patch: JsonObject,
  schema: PatchSchema,
  options: MergeOptions,
): JsonObject {
  if (hasKey(patch, DIRECTIVE_MARKER)) return mapDirective(patch[DIRECTIVE_MARKER], patch)
  const target = original ?? {}
  applyRetainKeysDirective(target, patch, options)
  mergeOrderedLists(target, patch, schema, options)
  for (const patchKey of Object.keys(patch)) {
    const patchValue = patch[patchKey]
    let key = patchKey
    let isDeleteList = false
    if (patchKey.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX)) {
      if (!options.mergeParallelList) {
        target[patchKey] = patchValue
        continue
      }
      key = extractKey(patchKey, DELETE_FROM_PRIMITIVE_LIST_PREFIX)
      isDeleteList = true
    }
    if (patchValue === null) {
      delete target[key]
      if (options.ignoreUnmatchedNulls) continue
    }
    if (!hasKey(target, key) || jsonKind(target[key]) !== jsonKind(patchValue)) {
      if (!isDeleteList) takePatchValue(target, key, patchValue, options)
      continue
    }
    const current = target[key]
    if (isJsonObject(current) && isJsonObject(patchValue)) {
      const {schema: subschema, meta} = schema.lookup(key)
      target[key] = meta.strategy === 'replace' ? patchValue : mergeMap(current, patchValue, subschema, options)
    } else if (Array.isArray(current) && Array.isArray(patchValue)) {
      const {schema: subschema, meta} = schema.lookup(key)
      // A deletion list is applied whatever the field's own strategy is.
      target[key] =
        meta.strategy === 'merge' || isDeleteList
          ? mergeSlice(current, patchValue, subschema, meta.mergeKey ?? '', options, isDeleteList)
          : patchValue
    } else {
      const [value, keep] = removeDirectives(patchValue)
      if (keep) target[key] = value
      else delete target[key]
    }
  }
  return target
}

function takePatchValue(target: JsonObject, key: string, value: unknown, options: MergeOptions): void {
  if (options.ignoreUnmatchedNulls) discardNullValues(value)
  const [cleaned, keep] = removeDirectives(value)
  if (keep) target[key] = cleaned
  else delete target[key]
}

function mapDirective(directive: unknown, patch: JsonObject): JsonObject {
  if (directive === 'replace') {
    delete patch[DIRECTIVE_MARKER]
    return patch
  }
  if (directive === 'delete') return {}
  throw badPatchType(directive, patch)
}

/** Drops null fields from a value the patch adds wholesale (the server would not store them). */
function discardNullValues(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) discardNullValues(item)
  } else if (isJsonObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (item === null) delete value[key]
      else discardNullValues(item)
    }
  }
}

/** Strips maps carrying `$patch` from a value added wholesale; [value, whether to keep it at all]. */
function removeDirectives(value: unknown): [unknown, boolean] {
  if (Array.isArray(value)) {
    const kept: unknown[] = []
    for (const item of value) {
      const [cleaned, keep] = removeDirectives(item)
      if (keep) kept.push(cleaned)
    }
    return [kept, true]
  }
  if (isJsonObject(value)) {
    if (hasKey(value, DIRECTIVE_MARKER)) return [null, false]
    for (const [key, item] of Object.entries(value)) {
      const [cleaned, keep] = removeDirectives(item)
      if (keep) value[key] = cleaned
      else delete value[key]
    }
    return [value, true]
  }
  return [value, true]
}

function extractKey(key: string, prefix: string): string {
  const slash = key.indexOf('/')
  if (slash < 0 || key.slice(0, slash) !== prefix) {
    if (prefix === DELETE_FROM_PRIMITIVE_LIST_PREFIX) throw badPrimitiveList()
    throw badSetElementOrder()
  }
  return key.slice(slash + 1)
}

function applyRetainKeysDirective(original: JsonObject, patch: JsonObject, options: MergeOptions): void {
  if (!hasKey(patch, RETAIN_KEYS_DIRECTIVE)) return
  const retainKeys = patch[RETAIN_KEYS_DIRECTIVE]
  delete patch[RETAIN_KEYS_DIRECTIVE]
  if (!options.mergeParallelList) {
    // Merging two patches: both must carry the same directive.
    if (hasKey(original, RETAIN_KEYS_DIRECTIVE)) {
      if (!jsonEqual(original[RETAIN_KEYS_DIRECTIVE], retainKeys)) {
        throw new PatchError(
          `${goSprint(original[RETAIN_KEYS_DIRECTIVE])} and ${goSprint(retainKeys)} are not deep equal: this may happen when calculating the 3-way diff patch`,
        )
      }
    } else {
      original[RETAIN_KEYS_DIRECTIVE] = retainKeys
    }
    return
  }
  if (!Array.isArray(retainKeys)) throw badRetainKeys()
  const keep = new Set(retainKeys)
  for (const [key, value] of Object.entries(patch)) {
    if (
      value === null ||
      key.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX) ||
      key.startsWith(SET_ELEMENT_ORDER_PREFIX)
    ) {
      continue
    }
    if (!keep.has(key)) throw badRetainKeys()
  }
  for (const key of Object.keys(original)) {
    if (!keep.has(key)) delete original[key]
  }
}

/** Processes $setElementOrder lists together with the lists they order (mergePatchIntoOriginal). */
function mergeOrderedLists(original: JsonObject, patch: JsonObject, schema: PatchSchema, options: MergeOptions): void {
  for (const directiveKey of Object.keys(patch)) {
    if (!directiveKey.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue
    const order = patch[directiveKey]
    if (!options.mergeParallelList) {
      if (hasKey(original, directiveKey)) {
        if (!jsonEqual(original[directiveKey], order)) throw badSetElementOrder()
      } else {
        original[directiveKey] = order
      }
    }
    delete patch[directiveKey]
    if (!Array.isArray(order)) throw badArgType('slice', order)
    const key = extractKey(directiveKey, SET_ELEMENT_ORDER_PREFIX)
    const foundOriginal = hasKey(original, key)
    const foundPatch = hasKey(patch, key)
    const originalList = asSlice(original[key], foundOriginal)
    const patchList = asSlice(patch[key], foundPatch)
    const {schema: subschema, meta} = schema.lookup(key)
    const mergeKey = meta.mergeKey ?? ''
    validatePatchWithSetOrderList(patchList, order, mergeKey)
    let merged: unknown[]
    if (foundOriginal && !foundPatch) merged = originalList
    else if (!foundOriginal && foundPatch) merged = removeDirectives(patchList)[0] as unknown[]
    else if (foundOriginal && foundPatch) {
      merged =
        meta.strategy === 'merge' ? mergeSlice(originalList, patchList, subschema, mergeKey, options, false) : patchList
    } else continue
    const {present, others} =
      mergeKey === '' ? partitionPrimitives(merged, order) : partitionMaps(merged, order, mergeKey)
    const isMap = sliceElementKind(originalList, patchList) === 'map'
    original[key] = normalizeElementOrder(present, others, order, originalList, mergeKey, isMap)
    delete patch[key]
  }
}

function asSlice(value: unknown, found: boolean): unknown[] {
  if (!found) return []
  if (!Array.isArray(value)) throw badArgType('slice', value)
  return value
}

function validatePatchWithSetOrderList(patchList: unknown[], order: unknown[], mergeKey: string): void {
  if (order.length === 0 || patchList.length === 0) return
  const items = mergeKey === '' ? patchList : extractToDeleteItems(patchList).keep
  let p = 0
  let o = 0
  while (p < items.length && o < order.length) {
    const item = items[p]
    if (isJsonObject(item) && hasKey(item, DIRECTIVE_MARKER)) {
      p++
      continue
    }
    if (mergeKeyValueEqual(item, order[o], mergeKey)) p++
    o++
  }
  if (p < items.length && o >= order.length) {
    throw new PatchError(
      `The order in patch list:\n${goSprint(patchList)}\n doesn't match ${SET_ELEMENT_ORDER_PREFIX} list:\n${goSprint(order)}\n`,
    )
  }
}

function mergeSlice(
  original: unknown[],
  patch: unknown[],
  schema: PatchSchema,
  mergeKey: string,
  options: MergeOptions,
  isDeleteList: boolean,
): unknown[] {
  if (original.length === 0 && patch.length === 0) return original
  const isMap = sliceElementKind(original, patch) === 'map'
  if (!isMap) {
    if (options.mergeParallelList && isDeleteList) {
      const remove = new Set(patch)
      return original.filter((item) => !remove.has(item))
    }
    const merged = deduplicateScalars([...original, ...patch])
    const {present, others} = partitionPrimitives(merged, patch)
    return normalizeElementOrder(present, others, patch, original, mergeKey, false)
  }
  if (mergeKey === '') throw new PatchError(`cannot merge lists without merge key for ${schema.name}`)
  const special = applySpecialElements(original, patch, mergeKey)
  const merged = mergeByKey(special.original, special.patch, mergeKey, schema, options)
  const {present, others} = partitionMaps(merged, special.patch, mergeKey)
  // Go appends new items to its own copy of the slice header, so the server order is the list before them.
  return normalizeElementOrder(present, others, special.patch, special.original, mergeKey, true)
}

/** Applies `$patch: delete` and `$patch: replace` elements; returns the list to merge into and the rest. */
function applySpecialElements(
  original: unknown[],
  patch: unknown[],
  mergeKey: string,
): {original: unknown[]; patch: unknown[]} {
  const plain: unknown[] = []
  let replace = false
  for (const item of patch) {
    if (!isJsonObject(item)) throw badArgType('map', item)
    if (!hasKey(item, DIRECTIVE_MARKER)) {
      plain.push(item)
      continue
    }
    const directive = item[DIRECTIVE_MARKER]
    if (directive === 'delete') {
      if (!hasKey(item, mergeKey)) throw noMergeKey(item, mergeKey)
      for (let found = findMapByKey(original, mergeKey, item[mergeKey]); found;) {
        original.splice(found.index, 1)
        found = findMapByKey(original, mergeKey, item[mergeKey])
      }
    } else if (directive === 'replace') {
      replace = true
    } else if (directive === 'merge') {
      throw new PatchError('merging lists cannot yet be specified in the patch')
    } else {
      throw badPatchType(directive, item)
    }
  }
  return replace ? {original: plain, patch: []} : {original, patch: plain}
}

function mergeByKey(
  original: unknown[],
  patch: unknown[],
  mergeKey: string,
  schema: PatchSchema,
  options: MergeOptions,
): unknown[] {
  const result = [...original]
  for (const item of patch) {
    if (!isJsonObject(item)) throw badArgType('map', item)
    if (!hasKey(item, mergeKey)) throw noMergeKey(item, mergeKey)
    const found = findMapByKey(result, mergeKey, item[mergeKey])
    if (found) result[found.index] = mergeMap(found.map, item, schema, options)
    else result.push(item)
  }
  return result
}
