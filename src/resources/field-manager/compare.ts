// structured-merge-diff typed/compare.go (v4): what changed between two versions of an object, as field paths.
import {isJsonObject} from '../../backend/object.js'
import {jsonEqual} from '../json-equal.js'
import {FieldSetBuilder, type FieldSet} from './field-set.js'
import {fieldElement, type PathElementKey} from './path-element.js'
import {listItems, type TypeNode} from './type-node.js'

/** The paths added, modified and removed from one object to the next. */
export interface Comparison {
  readonly added: FieldSet
  readonly modified: FieldSet
  readonly removed: FieldSet
}

interface Builders {
  added: FieldSetBuilder
  modified: FieldSetBuilder
  removed: FieldSetBuilder
}

/**
 * Compares two objects. A map, struct or list that appears is itself added (so `.` marks it in an Update's
 * FieldsV1), one that disappears is removed; one that was null, or present in both, is not. Maps and lists
 * that are empty or null on both sides are compared as leaves, which keeps `{}` and null apart.
 */
export function compareObjects(lhs: unknown, rhs: unknown, node: TypeNode): Comparison {
  const builders: Builders = {
    added: new FieldSetBuilder(),
    modified: new FieldSetBuilder(),
    removed: new FieldSetBuilder(),
  }
  compareAt(lhs, rhs, node, [], builders)
  return {added: builders.added.build(), modified: builders.modified.build(), removed: builders.removed.build()}
}

function compareAt(lhs: unknown, rhs: unknown, node: TypeNode, path: PathElementKey[], out: Builders): void {
  if (isGranularMap(lhs, rhs, node)) {
    const left = isJsonObject(lhs) ? lhs : {}
    const right = isJsonObject(rhs) ? rhs : {}
    for (const name of new Set([...Object.keys(left), ...Object.keys(right)])) {
      compareAt(left[name], right[name], node.field(name), [...path, fieldElement(name)], out)
    }
    return markNode(lhs, rhs, path, out)
  }
  if (isGranularList(lhs, rhs, node)) {
    const left = listItems(node.list, lhs)
    const right = listItems(node.list, rhs)
    for (const element of new Set([...left.keys(), ...right.keys()])) {
      compareAt(left.get(element), right.get(element), node.element(), [...path, element], out)
    }
    return markNode(lhs, rhs, path, out)
  }
  if (lhs === undefined && rhs === undefined) return
  if (lhs === undefined) out.added.insert(path)
  else if (rhs === undefined) out.removed.insert(path)
  else if (!jsonEqual(lhs, rhs)) out.modified.insert(path)
}

// a non-leaf node that appears or disappears is itself added or removed (compareWalker.compare's !inLeaf case)
function markNode(lhs: unknown, rhs: unknown, path: PathElementKey[], out: Builders): void {
  if (lhs === undefined) out.added.insert(path)
  else if (rhs === undefined) out.removed.insert(path)
}

function isGranularMap(lhs: unknown, rhs: unknown, node: TypeNode): boolean {
  if (node.atomic || !(isJsonObject(lhs) || isJsonObject(rhs))) return false
  if (!isMapOrNothing(lhs) || !isMapOrNothing(rhs)) return false
  return !(isEmpty(lhs) && isEmpty(rhs))
}

function isGranularList(lhs: unknown, rhs: unknown, node: TypeNode): boolean {
  if (node.list.type === 'atomic' || !(Array.isArray(lhs) || Array.isArray(rhs))) return false
  if (!isListOrNothing(lhs) || !isListOrNothing(rhs)) return false
  return !(isEmpty(lhs) && isEmpty(rhs))
}

function isMapOrNothing(value: unknown): boolean {
  return value === undefined || value === null || isJsonObject(value)
}

function isListOrNothing(value: unknown): boolean {
  return value === undefined || value === null || Array.isArray(value)
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true
  if (Array.isArray(value)) return value.length === 0
  return isJsonObject(value) && Object.keys(value).length === 0
}
