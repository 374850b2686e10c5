/**
 * The ownership bookkeeping of server-side apply: structured-merge-diff's merge.Updater (Update, Apply,
 * prune) with kube-apiserver's managedFieldsUpdater on top (an Update merges into the manager's earlier
 * entry and moves its time only when it changed something). Pure: objects and entries in, objects and
 * entries out; the caller filters out what the API server does not track (stripMeta, reset fields).
 */
import {jsonEqual} from '../json-equal.js'
import {compareObjects, type Comparison} from './compare.js'
import {FieldSet} from './field-set.js'
import {describeManager, managerKey, type ManagerEntry, type ManagerIdentity} from './managed-fields.js'
import {mergeObjects, removePaths} from './merge.js'
import {formatPath, type PathElementKey} from './path-element.js'
import {toFieldSet, withNamedFieldsAsMembers} from './to-field-set.js'
import type {TypeNode} from './type-node.js'

/** Removes from a set what the API server does not track for this write. */
export type FieldFilter = (set: FieldSet) => FieldSet

/** A field another manager owns with a different value. */
export interface ApplyConflict {
  readonly owner: ManagerIdentity
  readonly path: readonly PathElementKey[]
}

/** An Apply that would change fields other managers own; the message is kube-apiserver's. */
export class ApplyConflictError extends Error {
  constructor(readonly conflicts: readonly ApplyConflict[]) {
    super(conflictMessage(conflicts))
    this.name = 'ApplyConflictError'
  }
}

/** getConflictMessage (managedfields internal/conflict.go, v1.32). */
export function conflictMessage(conflicts: readonly ApplyConflict[]): string {
  const [only] = conflicts
  if (conflicts.length === 1 && only !== undefined) {
    return `Apply failed with 1 conflict: conflict with ${describeManager(only.owner)}: ${formatPath(only.path)}`
  }
  const byManager = new Map<string, ApplyConflict[]>()
  for (const conflict of conflicts) {
    const key = managerKey(conflict.owner)
    byManager.set(key, [...(byManager.get(key) ?? []), conflict])
  }
  const lines: string[] = []
  for (const key of [...byManager.keys()].sort()) {
    const group = byManager.get(key) ?? []
    const [first] = group
    if (first === undefined) continue
    lines.push(`conflicts with ${describeManager(first.owner)}:`)
    for (const conflict of group) lines.push(`- ${formatPath(conflict.path)}`)
  }
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`
}

/** What recordUpdate needs. */
export interface UpdateInput {
  readonly entries: readonly ManagerEntry[]
  /** The object before the write (for a create, the kind's zero value). */
  readonly live: unknown
  readonly next: unknown
  readonly node: TypeNode
  readonly identity: ManagerIdentity
  readonly time: string
  readonly filter: FieldFilter
}

/**
 * An Update: the writer comes to own what it added or changed, and every manager (the writer's earlier
 * entry too) loses what changed and what was removed.
 */
export function recordUpdate(input: UpdateInput): ManagerEntry[] {
  const comparison = filterComparison(compareObjects(input.live, input.next, input.node), input.filter)
  const others = transferOwnership(input.entries, comparison, {skip: undefined, force: true})
  const changed = comparison.modified.union(comparison.added)
  if (changed.isEmpty()) return others
  const key = managerKey(input.identity)
  const previous = others.find((entry) => managerKey(entry) === key)
  const entry: ManagerEntry = {
    ...input.identity,
    time: input.time,
    fields: previous === undefined ? changed : changed.union(previous.fields),
  }
  return previous === undefined ? [...others, entry] : others.map((e) => (e === previous ? entry : e))
}

/** What recordApply needs. */
export interface ApplyInput extends UpdateInput {
  /** The applied configuration (next is unused: the result is computed). */
  readonly next: unknown
  readonly force: boolean
}

/** The object an Apply produces and the entries after it. */
export interface ApplyOutcome {
  readonly object: unknown
  readonly entries: ManagerEntry[]
  /** False when the Apply left the object as it was. */
  readonly changed: boolean
}

/**
 * An Apply: merges the configuration into the live object, removes what this manager applied before and
 * no longer applies (unless another manager owns it), and fails with the conflicts on fields others own
 * with a different value unless forced, in which case they lose them.
 */
export function recordApply(input: ApplyInput): ApplyOutcome {
  const key = managerKey(input.identity)
  const previous = input.entries.find((entry) => managerKey(entry) === key)
  const applied = input.filter(toFieldSet(input.next, input.node))
  const withApplier: ManagerEntry[] = [
    ...input.entries.filter((entry) => entry !== previous),
    {...input.identity, ...(previous?.time === undefined ? {} : {time: previous.time}), fields: applied},
  ]
  let merged = mergeObjects(input.live, input.next, input.node)
  if (previous !== undefined && !previous.fields.isEmpty()) {
    const owned = withApplier.reduce((all, entry) => all.union(entry.fields), FieldSet.EMPTY)
    const abandoned = withNamedFieldsAsMembers(previous.fields).difference(withNamedFieldsAsMembers(owned))
    merged = removePaths(merged, abandoned, input.node)
  }
  const comparison = filterComparison(compareObjects(input.live, merged, input.node), input.filter)
  const entries = transferOwnership(withApplier, comparison, {skip: key, force: input.force})
  const changed = !jsonEqual(input.live, merged)
  const stamped = entries.map((entry) =>
    managerKey(entry) === key && (changed || entry.time === undefined) ? {...entry, time: input.time} : entry,
  )
  return {object: merged, entries: stamped.filter((entry) => !entry.fields.isEmpty()), changed}
}

// merge.Updater.update: conflicts are the others' fields that change; removed fields leave every owner
function transferOwnership(
  entries: readonly ManagerEntry[],
  comparison: Comparison,
  options: {skip: string | undefined; force: boolean},
): ManagerEntry[] {
  const changed = comparison.modified.union(comparison.added)
  const conflicts: ApplyConflict[] = []
  const result = entries.map((entry) => {
    if (managerKey(entry) === options.skip) return entry
    const lost = entry.fields.intersection(changed)
    for (const path of lost.paths()) conflicts.push({owner: entry, path})
    return {...entry, fields: entry.fields.difference(lost).difference(comparison.removed)}
  })
  if (!options.force && conflicts.length > 0) throw new ApplyConflictError(conflicts)
  return result.filter((entry) => !entry.fields.isEmpty())
}

function filterComparison(comparison: Comparison, filter: FieldFilter): Comparison {
  return {
    added: filter(comparison.added),
    modified: filter(comparison.modified),
    removed: filter(comparison.removed),
  }
}
