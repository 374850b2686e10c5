/**
 * Path elements of structured-merge-diff's field paths (sigs.k8s.io/structured-merge-diff/v4 fieldpath,
 * as kube-apiserver v1.32 uses it), in the two spellings Kubernetes shows: the FieldsV1 keys of
 * managedFields (`f:name`, `k:{"name":"web"}`, `v:"x"`, `i:0`) and the conflict message's path
 * (`.name`, `[name="web"]`, `[="x"]`, `[0]`).
 */
import {goQuote} from '../go-format.js'

/** The key of a FieldsV1 entry: a field name, a list item by its key fields, a set item by value, or an index. */
export type PathElementKey = string

/** A field name: `f:replicas`. */
export function fieldElement(name: string): PathElementKey {
  return `f:${name}`
}

/** An item of an associative list by its key fields, written with the keys sorted (fieldpath.KeyByFields). */
export function keyElement(keys: ReadonlyArray<readonly [string, unknown]>): PathElementKey {
  const sorted = [...keys].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `k:${JSON.stringify(Object.fromEntries(sorted))}`
}

/** An item of a set (a list of scalars with listType=set): `v:"finalizer.example.com"`. */
export function valueElement(value: unknown): PathElementKey {
  return `v:${JSON.stringify(value)}`
}

/** An item of a list by position (lists that have neither keys nor set semantics). */
export function indexElement(index: number): PathElementKey {
  return `i:${index}`
}

/** True when the key is a well-formed FieldsV1 key. */
export function isPathElementKey(key: string): boolean {
  return /^[fkvi]:/.test(key)
}

/** A path as fieldpath.Path.String() prints it in conflict messages: `.spec.containers[name="web"].image`. */
export function formatPath(path: readonly PathElementKey[]): string {
  return path.map(formatElement).join('')
}

function formatElement(element: PathElementKey): string {
  const body = element.slice(2)
  switch (element[0]) {
    case 'f':
      return `.${body}`
    case 'k': {
      const keys = JSON.parse(body) as Record<string, unknown>
      return `[${Object.entries(keys)
        .map(([name, value]) => `${name}=${formatValue(value)}`)
        .join(',')}]`
    }
    case 'v':
      return `[=${formatValue(JSON.parse(body))}]`
    default:
      return `[${body}]`
  }
}

// value.ToString: strings quoted as Go's %q, other scalars as %v, composites as JSON-ish text.
function formatValue(value: unknown): string {
  if (value === null) return 'null'
  if (typeof value === 'string') return goQuote(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}
