/**
 * The parse tree of a kubectl JSONPath template (k8s.io/client-go/util/jsonpath node.go, v1.32).
 * A template is a list of nodes: text outside braces, and one list node per `{...}` action.
 */

/** A list of nodes evaluated one after the other, each on the results of the previous one. */
export interface ListNode {
  readonly type: 'list'
  readonly nodes: JsonPathNode[]
}

/** One bound of a slice `[start:end:step]`. */
export interface SliceParam {
  readonly value: number
  /** false when the bound was left out */
  readonly known: boolean
  /** true for the end of a plain index `[i]`, which means i+1 */
  readonly derived: boolean
}

/** A node of a JSONPath template. */
export type JsonPathNode =
  | ListNode
  | {readonly type: 'text'; readonly text: string}
  | {readonly type: 'field'; readonly name: string}
  | {readonly type: 'identifier'; readonly name: string}
  | {readonly type: 'array'; readonly params: readonly [SliceParam, SliceParam, SliceParam]}
  | {readonly type: 'filter'; readonly left: ListNode; readonly right: ListNode; readonly operator: string}
  | {readonly type: 'int'; readonly value: number}
  | {readonly type: 'float'; readonly value: number}
  | {readonly type: 'bool'; readonly value: boolean}
  | {readonly type: 'wildcard'}
  | {readonly type: 'recursive'}
  | {readonly type: 'union'; readonly nodes: readonly ListNode[]}

/** A parsed template: the root list, ready for executeJsonPath. */
export interface JsonPathTemplate {
  /** the template text as the user wrote it */
  readonly source: string
  readonly root: ListNode
}

/**
 * A float written in a template (`1.0`): Go keeps it a float64 even when it is integral, and a
 * float64 never compares with an int64, so it must stay distinguishable from a JSON integer.
 */
export class GoFloat {
  constructor(readonly value: number) {}
}

/**
 * reflect.ValueOf(nil), the "invalid" value Go evaluates when a range walks past no values or over
 * a null item; it prints as `<no value>`, unlike a null found in the data, which prints `null`.
 */
export const NO_VALUE: unique symbol = Symbol('no value')
