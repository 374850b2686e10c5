/**
 * kubectl's JSONPath evaluator (k8s.io/client-go/util/jsonpath jsonpath.go FindResults, v1.32)
 * over plain JSON values. Each `{...}` action yields one list of results; `{range}` ... `{end}`
 * repeats the actions between them for every value the range expression found.
 *
 * ATTENTION: the range bookkeeping (beginRange, inRange, endRange, the last `end` seen) is shared
 * mutable state exactly as in Go, because nested ranges and ranges without results depend on its
 * precise behaviour; it lives in one Evaluator per execution, so a parsed template stays reusable.
 * Map entries are visited in sorted key order where Go's order is random (`.*`, `..`).
 */
import {isJsonObject} from '../../backend/object.js'
import {goSprint, goTypeName, sortedGoKeys} from '../../resources/go-format.js'
import {compareFilterValues} from './compare.js'
import {JsonPathExecuteError, JsonPathStepError} from './errors.js'
import type {JsonPathNode, JsonPathTemplate, ListNode, SliceParam} from './nodes.js'
import {GoFloat, NO_VALUE} from './nodes.js'

/** Options of findResults. */
export interface EvaluateOptions {
  /** when false, a missing field is an error ("x is not found"); kubectl's printers allow it */
  allowMissingKeys: boolean
}

/** Evaluates a template on data: one list of values per action and text segment (FindResults). */
export function findResults(template: JsonPathTemplate, data: unknown, options: EvaluateOptions): unknown[][] {
  return new Evaluator(template.root.nodes, options.allowMissingKeys).findResults(data)
}

class Evaluator {
  private beginRange = 0
  private inRange = 0
  private endRange = 0
  private lastEndNode = -1
  // Go narrows parser.Root.Nodes while it loops a range; an offset into the root nodes does the same.
  private rootOffset = 0

  constructor(
    private readonly nodes: readonly JsonPathNode[],
    private readonly allowMissingKeys: boolean,
  ) {}

  findResults(data: unknown): unknown[][] {
    const current = [data]
    const fullResult: unknown[][] = []
    for (let index = this.rootOffset; index < this.nodes.length; index++) {
      const node = this.nodes[index]
      if (!node) break
      const results = this.walk(current, node)
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange -= 1
        this.lastEndNode = index
        break
      }
      if (this.beginRange > 0) {
        index = this.runRange(index, results, fullResult)
        continue
      }
      fullResult.push(results)
    }
    return fullResult
  }

  // Runs the nodes after a `range` once per value, then resumes after the matching `end`.
  private runRange(index: number, results: unknown[], fullResult: unknown[][]): number {
    this.beginRange -= 1
    this.inRange += 1
    if (results.length > 0) {
      for (const value of results) {
        this.rootOffset = index + 1
        // value.Interface() of a null item is nil, which reflect.ValueOf turns into an invalid value
        fullResult.push(...this.findResults(value === null || value === undefined ? NO_VALUE : value))
      }
    } else {
      // nothing to range over: still walk to the `end`, discarding the output
      this.rootOffset = index + 1
      this.findResults(NO_VALUE)
    }
    this.inRange -= 1
    for (let next = index + 1; next < this.nodes.length; next++) {
      if (next === this.lastEndNode) return next
    }
    return index
  }

  private walk(values: unknown[], node: JsonPathNode): unknown[] {
    switch (node.type) {
      case 'list':
        return this.evalList(values, node)
      case 'text':
        return [node.text]
      case 'field':
        return this.evalField(values, node.name)
      case 'array':
        return evalArray(values, node.params)
      case 'filter':
        return this.evalFilter(values, node)
      case 'int':
      case 'bool':
        return values.map(() => node.value)
      case 'float':
        return values.map(() => new GoFloat(node.value))
      case 'wildcard':
        return values.flatMap(childrenOf)
      case 'recursive':
        return evalRecursive(values)
      case 'union':
        return node.nodes.flatMap((list) => this.evalListOrFail(values, list))
      case 'identifier':
        return this.evalIdentifier(values, node.name)
    }
  }

  private evalList(values: unknown[], list: ListNode): unknown[] {
    let current = values
    for (const node of list.nodes) current = this.walk(current, node)
    return current
  }

  // evalUnion: a failing member makes the whole union fail with its input as the returned values.
  private evalListOrFail(values: unknown[], list: ListNode): unknown[] {
    try {
      return this.evalList(values, list)
    } catch (error) {
      if (error instanceof JsonPathStepError) throw new JsonPathStepError(error.message, values)
      throw error
    }
  }

  private evalIdentifier(values: unknown[], name: string): unknown[] {
    if (name === 'range') {
      this.beginRange += 1
      return values
    }
    if (name === 'end') {
      if (this.inRange === 0) throw new JsonPathStepError('not in range, nothing to end', [])
      this.endRange += 1
      return []
    }
    throw new JsonPathStepError(`unrecognized identifier ${name}`, values)
  }

  private evalField(values: unknown[], name: string): unknown[] {
    if (values.length === 0) return []
    const results: unknown[] = []
    for (const value of values) {
      if (isMap(value) && Object.hasOwn(value, name) && value[name] !== undefined) results.push(value[name])
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new JsonPathStepError(`${name} is not found`, [])
    return results
  }

  private evalFilter(values: unknown[], filter: Extract<JsonPathNode, {type: 'filter'}>): unknown[] {
    const results: unknown[] = []
    for (const value of values) {
      if (!Array.isArray(value)) {
        throw new JsonPathStepError(`${describe(value)} is not array or slice and cannot be filtered`, values)
      }
      for (const item of value) {
        if (filter.operator === 'exists') {
          if (this.valuesOrPartial([item], filter.left).length > 0) results.push(item)
          continue
        }
        const left = this.single([item], filter.left, values)
        if (left.length === 0) continue
        const right = this.single([item], filter.right, values)
        if (right.length === 0) continue
        try {
          if (compareFilterValues(filter.operator, left[0], right[0])) results.push(item)
        } catch (error) {
          if (error instanceof JsonPathExecuteError) throw new JsonPathStepError(error.message, results)
          throw error
        }
      }
    }
    return results
  }

  // The values a sub-expression returned, even when it failed (Go returns both).
  private valuesOrPartial(values: unknown[], list: ListNode): readonly unknown[] {
    try {
      return this.evalList(values, list)
    } catch (error) {
      if (error instanceof JsonPathStepError) return error.values
      throw error
    }
  }

  // One side of a comparison: none (skip the item), one value, or an error.
  private single(values: unknown[], list: ListNode, filterInput: unknown[]): unknown[] {
    let found: unknown[]
    try {
      found = this.evalList(values, list)
    } catch (error) {
      if (error instanceof JsonPathStepError) throw new JsonPathStepError(error.message, filterInput)
      throw error
    }
    if (found.length > 1) throw new JsonPathStepError('can only compare one element at a time', filterInput)
    return found
  }
}

function evalArray(values: unknown[], params: readonly [SliceParam, SliceParam, SliceParam]): unknown[] {
  const result: unknown[] = []
  for (const value of values) {
    if (value === null || value === undefined || value === NO_VALUE) continue
    if (!Array.isArray(value)) {
      throw new JsonPathStepError(
        `${value instanceof GoFloat ? 'float64' : goTypeName(value)} is not array or slice`,
        values,
      )
    }
    const [startParam, endParam, stepParam] = params
    const length = value.length
    let start = startParam.known ? startParam.value : 0
    if (start < 0) start += length
    let end = endParam.known ? endParam.value : length
    if (end < 0 || (end === 0 && endParam.derived)) end += length
    // asking for zero elements ends the whole evaluation of this node, as in Go
    if (end === start) return result
    if (start >= length || start < 0) throw outOfBounds(start, length, values)
    if (end > length || end < 0) throw outOfBounds(end - 1, length, values)
    if (start > end) throw new JsonPathStepError(`starting index ${start} is greater than ending index ${end}`, values)
    if (stepParam.known && stepParam.value <= 0) throw new JsonPathStepError('step must be > 0', values)
    const step = stepParam.known ? stepParam.value : 1
    const slice = value.slice(start, end)
    for (let index = 0; index < slice.length; index += step) result.push(slice[index])
  }
  return result
}

function outOfBounds(index: number, length: number, values: unknown[]): JsonPathStepError {
  return new JsonPathStepError(`array index out of bounds: index ${index}, length ${length}`, values)
}

// The values one level down: a map's values, a list's items, a string's UTF-8 bytes.
function childrenOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value
  if (typeof value === 'string') return [...Buffer.from(value, 'utf8')]
  if (isMap(value)) return sortedGoKeys(value).map((key) => value[key])
  return []
}

function isMap(value: unknown): value is Record<string, unknown> {
  return isJsonObject(value) && !(value instanceof GoFloat)
}

// fmt's %v of the value a filter was applied to.
function describe(value: unknown): string {
  if (value === NO_VALUE) return '<invalid reflect.Value>'
  return goSprint(value instanceof GoFloat ? value.value : value)
}

function evalRecursive(values: unknown[]): unknown[] {
  const result: unknown[] = []
  for (const value of values) {
    const children = childrenOf(value)
    if (children.length === 0) continue
    result.push(value, ...evalRecursive(children))
  }
  return result
}
