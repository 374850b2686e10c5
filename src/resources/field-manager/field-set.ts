/**
 * A set of field paths as a trie, the shape of structured-merge-diff's fieldpath.Set: `members` are the
 * paths that end at this node, `children` the subtrees below it. Sets are values: operations return new
 * sets and never change their operands.
 */
import {isJsonObject} from '../../backend/object.js'
import {isPathElementKey, type PathElementKey} from './path-element.js'

// the FieldsV1 key that marks a node which is itself in the set and also has children
const SELF_KEY = '.'

/** An immutable set of field paths. */
export class FieldSet {
  /** Use FieldSet.of, FieldSetBuilder or the set operations; the maps are taken as they are, not copied. */
  constructor(
    readonly members: ReadonlySet<PathElementKey>,
    readonly children: ReadonlyMap<PathElementKey, FieldSet>,
  ) {}

  static readonly EMPTY = new FieldSet(new Set(), new Map())

  /** The set holding exactly these paths. */
  static of(paths: Iterable<readonly PathElementKey[]>): FieldSet {
    const builder = new FieldSetBuilder()
    for (const path of paths) builder.insert(path)
    return builder.build()
  }

  isEmpty(): boolean {
    return this.members.size === 0 && this.children.size === 0
  }

  has(path: readonly PathElementKey[]): boolean {
    const [head, ...rest] = path
    if (head === undefined) return false
    if (rest.length === 0) return this.members.has(head)
    return this.children.get(head)?.has(rest) ?? false
  }

  /** The subtree under one element (fieldpath.Set.WithPrefix). */
  child(element: PathElementKey): FieldSet {
    return this.children.get(element) ?? FieldSet.EMPTY
  }

  /** Every path in the set, parents before their children. */
  paths(): PathElementKey[][] {
    const out: PathElementKey[][] = []
    for (const element of sortedKeys([...this.members, ...this.children.keys()])) {
      if (this.members.has(element)) out.push([element])
      for (const rest of this.child(element).paths()) out.push([element, ...rest])
    }
    return out
  }

  union(other: FieldSet): FieldSet {
    if (other.isEmpty()) return this
    if (this.isEmpty()) return other
    const members = new Set([...this.members, ...other.members])
    const children = new Map(this.children)
    for (const [element, set] of other.children) children.set(element, this.child(element).union(set))
    return new FieldSet(members, children)
  }

  difference(other: FieldSet): FieldSet {
    if (this.isEmpty() || other.isEmpty()) return this
    const members = new Set([...this.members].filter((element) => !other.members.has(element)))
    return new FieldSet(
      members,
      combineChildren(this, (element, set) => set.difference(other.child(element))),
    )
  }

  intersection(other: FieldSet): FieldSet {
    if (this.isEmpty() || other.isEmpty()) return FieldSet.EMPTY
    const members = new Set([...this.members].filter((element) => other.members.has(element)))
    return new FieldSet(
      members,
      combineChildren(this, (element, set) => set.intersection(other.child(element))),
    )
  }

  equals(other: FieldSet): boolean {
    return this.paths().join('\n') === other.paths().join('\n')
  }

  /** The FieldsV1 document of managedFields: `{"f:spec": {"f:replicas": {}}}`, with `.` for a member that has children. */
  toFieldsV1(): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    for (const element of sortedKeys([...this.members, ...this.children.keys()])) {
      const below = this.children.get(element)
      if (below === undefined || below.isEmpty()) {
        out[element] = {}
        continue
      }
      out[element] = {...(this.members.has(element) ? {[SELF_KEY]: {}} : {}), ...below.toFieldsV1()}
    }
    return out
  }

  /** Reads a FieldsV1 document; throws on keys that are not path elements, as DecodeManagedFields refuses them. */
  static fromFieldsV1(document: unknown): FieldSet {
    if (!isJsonObject(document)) throw new Error('FieldsV1 must be a JSON object')
    const builder = new FieldSetBuilder()
    readFieldsV1(document, [], builder)
    return builder.build()
  }
}

function readFieldsV1(document: Record<string, unknown>, prefix: PathElementKey[], builder: FieldSetBuilder): void {
  for (const [key, value] of Object.entries(document)) {
    if (key === SELF_KEY) {
      if (prefix.length > 0) builder.insert(prefix)
      continue
    }
    if (!isPathElementKey(key)) throw new Error(`parsing JSON: unknown path element key ${JSON.stringify(key)}`)
    if (!isJsonObject(value)) throw new Error(`parsing JSON: the value of ${JSON.stringify(key)} is not an object`)
    const path = [...prefix, key]
    if (Object.keys(value).length === 0) builder.insert(path)
    else readFieldsV1(value, path, builder)
  }
}

/** Builds a set by insertion, for walkers that visit many paths. */
export class FieldSetBuilder {
  private readonly members = new Set<PathElementKey>()
  private readonly children = new Map<PathElementKey, FieldSetBuilder>()

  insert(path: readonly PathElementKey[]): void {
    const [head, ...rest] = path
    if (head === undefined) return
    if (rest.length === 0) {
      this.members.add(head)
      return
    }
    let below = this.children.get(head)
    if (below === undefined) {
      below = new FieldSetBuilder()
      this.children.set(head, below)
    }
    below.insert(rest)
  }

  build(): FieldSet {
    const children = new Map<PathElementKey, FieldSet>()
    for (const [element, below] of this.children) {
      const built = below.build()
      if (!built.isEmpty()) children.set(element, built)
    }
    return this.members.size === 0 && children.size === 0
      ? FieldSet.EMPTY
      : new FieldSet(new Set(this.members), children)
  }
}

function combineChildren(
  set: FieldSet,
  combine: (element: PathElementKey, child: FieldSet) => FieldSet,
): Map<PathElementKey, FieldSet> {
  const children = new Map<PathElementKey, FieldSet>()
  for (const [element, child] of set.children) {
    const combined = combine(element, child)
    if (!combined.isEmpty()) children.set(element, combined)
  }
  return children
}

// Byte order, as kubectl's YAML and JSON printers sort the keys of FieldsV1.
function sortedKeys(keys: PathElementKey[]): PathElementKey[] {
  return [...new Set(keys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}
