// structured-merge-diff typed/tofieldset.go (v4): the paths a value sets, as an Apply's manager comes to own them.
import {isJsonObject} from '../../backend/object.js'
import {FieldSet, FieldSetBuilder} from './field-set.js'
import {fieldElement, type PathElementKey} from './path-element.js'
import {listItems, type TypeNode} from './type-node.js'

/**
 * Every leaf of the value, every list item (with its own path, which makes `.` appear under `k:{...}`), and
 * every empty or null map; atomic lists, maps and structs are leaves.
 */
export function toFieldSet(value: unknown, node: TypeNode): FieldSet {
  const builder = new FieldSetBuilder()
  walk(value, node, [], builder)
  return builder.build()
}

function walk(value: unknown, node: TypeNode, path: PathElementKey[], builder: FieldSetBuilder): void {
  if (isJsonObject(value)) {
    if (node.atomic) return builder.insert(path)
    for (const [name, child] of Object.entries(value)) {
      const childPath = [...path, fieldElement(name)]
      walk(child, node.field(name), childPath, builder)
      if (isJsonObject(child) && Object.keys(child).length === 0) builder.insert(childPath)
    }
    return
  }
  if (Array.isArray(value)) {
    if (node.list.type === 'atomic') return builder.insert(path)
    for (const [element, item] of listItems(node.list, value)) {
      const itemPath = [...path, element]
      walk(item, node.element(), itemPath, builder)
      builder.insert(itemPath)
    }
    return
  }
  builder.insert(path)
}

/** The set with every field name that has owned paths below it made a member (fieldpath.Set.EnsureNamedFieldsAreMembers). */
export function withNamedFieldsAsMembers(set: FieldSet): FieldSet {
  const members = new Set(set.members)
  const children = new Map<PathElementKey, FieldSet>()
  for (const [element, child] of set.children) {
    if (element.startsWith('f:')) members.add(element)
    children.set(element, withNamedFieldsAsMembers(child))
  }
  return new FieldSet(members, children)
}
