/**
 * The List kubectl get prints for -o json, yaml, jsonpath, custom-columns and name when it found zero
 * or several objects, or a list by type (get.go printGeneric, v1.32).
 */

/** kubectl's `kind: List` wrapper: `{"apiVersion":"v1","items":[...],"kind":"List","metadata":{"resourceVersion":""}}`. */
export function asList(objects: readonly unknown[]): {
  apiVersion: 'v1'
  kind: 'List'
  metadata: {resourceVersion: string}
  items: unknown[]
} {
  return {apiVersion: 'v1', kind: 'List', metadata: {resourceVersion: ''}, items: [...objects]}
}
