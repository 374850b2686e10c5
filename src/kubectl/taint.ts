import type {Backend} from '../backend/backend.js'
import type {KubeObject} from '../backend/object.js'
import {writeOptions} from './write-options.js'

/** A node taint (core/v1 Taint). */
export interface Taint {
  key: string
  value?: string
  effect: string
  timeAdded?: string
}

/** A taint to remove: by key, or by key and effect. */
export interface TaintRemoval {
  key: string
  effect?: string
}

const EFFECTS = new Set(['NoSchedule', 'PreferNoSchedule', 'NoExecute'])

/** Splits `taint` arguments into node words and taint specs (`k=v:Effect`, `k:Effect-`, `k-`), as kubectl does. */
export function splitTaintArgs(args: readonly string[]): {resources: string[]; specs: string[]} {
  const resources: string[] = []
  const specs: string[] = []
  for (const arg of args) {
    // kubectl: anything with '=' or ':' or ending in '-' after the resource words is a taint
    if (resources.length > 0 && (arg.includes('=') || arg.includes(':') || arg.endsWith('-'))) specs.push(arg)
    else resources.push(arg)
  }
  return {resources, specs}
}

/** Parses taint specs into taints to add and to remove (kubectl/pkg/cmd/taint ParseTaints, v1.32). */
export function parseTaints(specs: readonly string[]): {add: Taint[]; remove: TaintRemoval[]} {
  const add: Taint[] = []
  const remove: TaintRemoval[] = []
  const seen = new Set<string>()
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const body = spec.slice(0, -1)
      const colon = body.indexOf(':')
      const keyValue = colon < 0 ? body : body.slice(0, colon)
      const key = keyValue.split('=')[0] ?? ''
      const effect = colon < 0 ? undefined : body.slice(colon + 1)
      if (effect !== undefined) checkEffect(effect)
      remove.push(effect === undefined ? {key} : {key, effect})
      continue
    }
    const taint = parseTaint(spec)
    const id = `${taint.key}:${taint.effect}`
    if (seen.has(id)) throw new Error(`duplicated taints with the same key and effect: ${JSON.stringify(taint)}`)
    seen.add(id)
    add.push(taint)
  }
  return {add, remove}
}

function parseTaint(spec: string): Taint {
  const colon = spec.lastIndexOf(':')
  if (colon < 0) throw new Error(`invalid taint spec: ${spec}`)
  const keyValue = spec.slice(0, colon)
  const effect = spec.slice(colon + 1)
  checkEffect(effect)
  const eq = keyValue.indexOf('=')
  const key = eq < 0 ? keyValue : keyValue.slice(0, eq)
  if (key === '') throw new Error(`invalid taint spec: ${spec}`)
  return eq < 0 ? {key, effect} : {key, value: keyValue.slice(eq + 1), effect}
}

function checkEffect(effect: string): void {
  if (!EFFECTS.has(effect)) throw new Error(`invalid taint effect: ${effect}, unsupported taint effect`)
}

function taintString(taint: TaintRemoval & {value?: string}): string {
  const head = taint.value ? `${taint.key}=${taint.value}` : taint.key
  return taint.effect ? `${head}:${taint.effect}` : head
}

/**
 * The node's new taints and kubectl's operation word (`tainted`, `untainted`, `modified`), as
 * reorganizeTaints computes them (kubectl/pkg/cmd/taint/utils.go, v1.32).
 */
export function reorganizeTaints(
  node: KubeObject,
  changes: {add: readonly Taint[]; remove: readonly TaintRemoval[]; overwrite: boolean},
): {taints: Taint[]; operation: string} {
  const old = ((node['spec'] as {taints?: Taint[]} | undefined)?.taints ?? []).map((t) => ({...t}))
  const name = node.metadata.name ?? ''
  if (!changes.overwrite) {
    const existing = changes.add.filter((t) => old.some((o) => o.key === t.key && o.effect === t.effect))
    if (existing.length > 0) {
      throw new Error(
        `node ${name} already has ${existing.map((t) => t.key).join(',')} taint(s) with same effect(s) and --overwrite is false`,
      )
    }
  }
  let taints: Taint[] = [...changes.add]
  for (const taint of old) {
    if (!taints.some((t) => t.key === taint.key && t.effect === taint.effect)) taints.push(taint)
  }
  // kubectl addTaints: something was added when the merged list differs in length from the old one
  const added = taints.length !== old.length
  const errors: string[] = []
  let deleted = false
  for (const removal of changes.remove) {
    const before = taints.length
    taints = taints.filter(
      (t) => !(t.key === removal.key && (removal.effect === undefined || t.effect === removal.effect)),
    )
    if (taints.length === before) errors.push(`taint "${taintString(removal)}" not found`)
    else deleted = true
  }
  if (errors.length > 0) throw new Error(errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`)
  const operation = (added && deleted) || changes.overwrite ? 'modified' : added ? 'tainted' : 'untainted'
  return {taints, operation}
}

/** Applies taint changes to one node; returns the node and kubectl's operation word. */
export async function taintNode(
  backend: Backend,
  node: KubeObject,
  changes: {
    add: readonly Taint[]
    remove: readonly TaintRemoval[]
    overwrite: boolean
    dryRun: 'none' | 'client' | 'server'
    fieldManager: string
  },
): Promise<{node: KubeObject; operation: string}> {
  const {taints, operation} = reorganizeTaints(node, changes)
  if (changes.dryRun === 'client') return {node, operation}
  const patched = await backend.patch(
    {group: '', version: 'v1', resource: 'nodes'},
    node.metadata.name ?? '',
    {type: 'merge', body: {spec: {taints: taints.length > 0 ? taints : null}}},
    writeOptions(changes),
  )
  return {node: patched, operation}
}
