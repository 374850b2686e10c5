/**
 * What server-side apply needs to know of a type: which lists are associative (and by which keys), which are
 * sets, which maps and structs are atomic. kube-apiserver reads this from the OpenAPI schema's
 * x-kubernetes-list-type / list-map-keys / map-type (v1.32); skiff derives it from the patchStrategy and
 * patchMergeKey tags it already keeps (src/resources/patch/builtin-schema.ts), which the API's list types
 * follow, plus the few places where they differ.
 */
import {isJsonObject} from '../../backend/object.js'
import type {PatchMeta, PatchSchema} from '../patch/schema.js'
import {indexElement, keyElement, valueElement, type PathElementKey} from './path-element.js'

/** How a list is merged and how its items are named in field paths. */
export type ListType =
  | {readonly type: 'atomic'}
  | {readonly type: 'set'}
  | {readonly type: 'map'; readonly keys: readonly string[]; readonly defaults: Readonly<Record<string, unknown>>}

/** The schema of one position in an object. */
export interface TypeNode {
  /** +structType=atomic / +mapType=atomic: the value is owned and replaced whole. */
  readonly atomic: boolean
  /** The list semantics, when the value is a list. */
  readonly list: ListType
  /** The node of a field of this struct or map. */
  field(name: string): TypeNode
  /** The node of this list's items. */
  element(): TypeNode
}

/** A list item's key fields could not be read (a missing key field, a duplicate item). */
export class FieldPathError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FieldPathError'
  }
}

// +listMapKey pairs where the API keys a list by more than its patchMergeKey (k8s.io/api core/v1 types.go, v1.32);
// protocol defaults to TCP, so items that omit it still have a full key.
const MAP_KEYS: Readonly<Record<string, {keys: string[]; defaults: Record<string, unknown>}>> = {
  containerPort: {keys: ['containerPort', 'protocol'], defaults: {protocol: 'TCP'}},
  port: {keys: ['port', 'protocol'], defaults: {protocol: 'TCP'}},
  topologyKey: {keys: ['topologyKey', 'whenUnsatisfiable'], defaults: {}},
}

// +structType=atomic (LabelSelector) and +mapType=atomic fields of the types builtin-schema.ts names.
const ATOMIC_FIELDS = new Set([
  'DeploymentSpec.selector',
  'WorkloadSpec.selector',
  'ServiceSpec.selector',
  'PodSpec.nodeSelector',
])

const ATOMIC_LIST: ListType = {type: 'atomic'}

/** The node of a value nothing is known about: maps are granular, lists atomic (as for a CRD without list types). */
export const UNTYPED: TypeNode = {
  atomic: false,
  list: ATOMIC_LIST,
  field: () => UNTYPED,
  element: () => UNTYPED,
}

/** The root node of a kind, from its patch schema; undefined (custom resources) gives the untyped node. */
export function typeNodeOf(schema: PatchSchema | undefined): TypeNode {
  return schema === undefined ? UNTYPED : nodeOf(schema, {}, false)
}

function nodeOf(schema: PatchSchema, meta: PatchMeta, atomic: boolean): TypeNode {
  return {
    atomic,
    list: listTypeOf(meta),
    field(name) {
      const found = schema.lookup(name)
      return nodeOf(found.schema, found.meta, ATOMIC_FIELDS.has(`${schema.name}.${name}`))
    },
    element: () => nodeOf(schema, {}, false),
  }
}

function listTypeOf(meta: PatchMeta): ListType {
  if (meta.strategy !== 'merge') return ATOMIC_LIST
  if (meta.mergeKey === undefined) return {type: 'set'}
  return {type: 'map', ...(MAP_KEYS[meta.mergeKey] ?? {keys: [meta.mergeKey], defaults: {}})}
}

/** The path element that names a list item: its key fields, its value, or its index. */
export function itemElement(list: ListType, item: unknown, index: number): PathElementKey {
  switch (list.type) {
    case 'set':
      return valueElement(item)
    case 'atomic':
      return indexElement(index)
    case 'map': {
      if (!isJsonObject(item)) throw new FieldPathError(`element ${index}: expected a map in an associative list`)
      const keys = list.keys.map((key): [string, unknown] => {
        const value = item[key] ?? list.defaults[key]
        if (value === undefined) {
          throw new FieldPathError(
            `element ${index}: associative list with keys has an element that omits key field "${key}" (and doesn't have default value)`,
          )
        }
        return [key, value]
      })
      return keyElement(keys)
    }
  }
}

/** The items of a granular list by path element, in order; throws on duplicates, as structured-merge-diff does. */
export function listItems(list: ListType, value: unknown): Map<PathElementKey, unknown> {
  const items = new Map<PathElementKey, unknown>()
  if (!Array.isArray(value)) return items
  value.forEach((item, index) => {
    const element = itemElement(list, item, index)
    if (items.has(element)) throw new FieldPathError(`duplicate entries for key ${element.slice(2)}`)
    items.set(element, item)
  })
  return items
}
