// structured-merge-diff typed/merge.go and remove.go (v4): an applied configuration merged into the live object,
// and the removal of the paths an applier gave up.
import {isJsonObject} from '../../backend/object.js'
import type {FieldSet} from './field-set.js'
import {fieldElement} from './path-element.js'
import {itemElement, listItems, type TypeNode} from './type-node.js'

/**
 * Merges the applied configuration (rhs) into the live object (lhs): maps and structs key by key,
 * associative lists and sets item by item (live order, new items after), everything atomic replaced.
 * A null in the configuration removes the field.
 */
export function mergeObjects(lhs: unknown, rhs: unknown, node: TypeNode): unknown {
  if (rhs === undefined) return lhs
  if (isJsonObject(lhs) && isJsonObject(rhs) && !node.atomic) {
    const merged: Record<string, unknown> = {...lhs}
    for (const [name, value] of Object.entries(rhs)) {
      if (value === null) delete merged[name]
      else merged[name] = mergeObjects(lhs[name], value, node.field(name))
    }
    return merged
  }
  if (Array.isArray(lhs) && Array.isArray(rhs) && node.list.type !== 'atomic') {
    const right = listItems(node.list, rhs)
    const merged: unknown[] = []
    const seen = new Set<string>()
    lhs.forEach((item, index) => {
      const element = itemElement(node.list, item, index)
      seen.add(element)
      merged.push(right.has(element) ? mergeObjects(item, right.get(element), node.element()) : item)
    })
    for (const [element, item] of right) if (!seen.has(element)) merged.push(item)
    return merged
  }
  return structuredClone(rhs)
}

/** The value without the paths of the set, each with everything below it (typed.TypedValue.RemoveItems). */
export function removePaths(value: unknown, paths: FieldSet, node: TypeNode): unknown {
  if (paths.isEmpty()) return value
  if (isJsonObject(value) && !node.atomic) {
    const out: Record<string, unknown> = {}
    for (const [name, child] of Object.entries(value)) {
      const element = fieldElement(name)
      if (paths.members.has(element)) continue
      out[name] = removePaths(child, paths.child(element), node.field(name))
    }
    return out
  }
  if (Array.isArray(value) && node.list.type !== 'atomic') {
    const out: unknown[] = []
    value.forEach((item, index) => {
      const element = itemElement(node.list, item, index)
      if (!paths.members.has(element)) out.push(removePaths(item, paths.child(element), node.element()))
    })
    return out
  }
  return value
}
