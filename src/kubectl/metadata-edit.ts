import type {Backend} from '../backend/backend.js'
import type {KubeObject} from '../backend/object.js'
import type {ResourceRef} from '../backend/refs.js'

/** Which map `label` and `annotate` edit. */
export type MetadataMap = 'labels' | 'annotations'

/** Parsed `key=value` and `key-` arguments. */
export interface MetadataChanges {
  set: Record<string, string>
  remove: string[]
}

/**
 * Splits kubectl label/annotate arguments into resource words and changes (`k=v`, `k-`), as
 * kubectl/pkg/cmd/label parseLabels does (v1.32).
 */
export function parseMetadataArgs(args: readonly string[]): {resources: string[]; changes: MetadataChanges} {
  const resources: string[] = []
  const changes: MetadataChanges = {set: {}, remove: []}
  for (const arg of args) {
    const eq = arg.indexOf('=')
    if (eq > 0) {
      changes.set[arg.slice(0, eq)] = arg.slice(eq + 1)
    } else if (arg.endsWith('-') && arg !== '-') {
      // cmdutil.GetResourcesAndPairs: any word ending in '-' is a removal, prefixed keys included (`example.com/old-`)
      changes.remove.push(arg.slice(0, -1))
    } else {
      resources.push(arg)
    }
  }
  for (const key of changes.remove) {
    if (key in changes.set)
      throw new Error(`can not both modify and remove the following ${'label(s)'} in the same command: ${key}`)
  }
  return {resources, changes}
}

/**
 * kubectl label's message for one object (label.go updateDataChangeMsg, v1.32): `not labeled` when
 * nothing changed, `unlabeled` when the object shrank without --overwrite, else `labeled`.
 */
export function labelChangeVerb(
  before: Record<string, string> | undefined,
  after: Record<string, string> | undefined,
  overwrite: boolean,
): string {
  const oldText = JSON.stringify(before ?? {})
  const newText = JSON.stringify(after ?? {})
  if (oldText === newText) return 'not labeled'
  return !overwrite && newText.length < oldText.length ? 'unlabeled' : 'labeled'
}

/** The result of editing one object's labels or annotations. */
export interface MetadataEditResult {
  object: KubeObject
  changed: boolean
}

/** Applies the changes to one object with a merge patch, refusing to overwrite without `overwrite`. */
export async function editMetadata(
  backend: Backend,
  ref: ResourceRef,
  current: KubeObject,
  field: MetadataMap,
  changes: MetadataChanges,
  options: {overwrite: boolean; dryRun: boolean; fieldManager: string; resourceVersion?: string | undefined},
): Promise<MetadataEditResult> {
  const existing = current.metadata[field] ?? {}
  if (!options.overwrite) {
    for (const [key, value] of Object.entries(changes.set)) {
      const old = existing[key]
      if (old !== undefined && old !== value) {
        throw new Error(`'${key}' already has a value (${old}), and --overwrite is false`)
      }
    }
  }
  const patchMap: Record<string, string | null> = {}
  for (const [key, value] of Object.entries(changes.set)) if (existing[key] !== value) patchMap[key] = value
  for (const key of changes.remove) if (key in existing) patchMap[key] = null
  if (Object.keys(patchMap).length === 0) return {object: current, changed: false}
  const metadata: Record<string, unknown> = {[field]: patchMap}
  if (options.resourceVersion) metadata['resourceVersion'] = options.resourceVersion
  const object = await backend.patch(
    ref,
    current.metadata.name ?? '',
    {type: 'merge', body: {metadata}},
    {dryRun: options.dryRun, fieldManager: options.fieldManager},
  )
  return {object, changed: true}
}
