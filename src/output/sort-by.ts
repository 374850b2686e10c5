/**
 * `--sort-by` (kubectl get sorter.go, v1.32): sorts the objects of a list, or the rows of a Table
 * by their objects, on the first value a JSONPath finds. Numbers compare as numbers, two quantities
 * ("500m", "1Gi") by value, other strings byte by byte ("pod-10" < "pod-2"); an object without
 * the field sorts first. Go's unstable sort is reproduced, ties included (see go-sort.ts).
 */
import type {Table, TableRow} from '../backend/table.js'
import {compareGoStrings, goQuote, goTypeName} from '../resources/go-format.js'
import {goSort} from './go-sort.js'
import {JsonPathExecuteError, JsonPathParseError} from './jsonpath/errors.js'
import {findJsonPathResults} from './jsonpath/execute.js'
import type {JsonPathTemplate} from './jsonpath/nodes.js'
import {parseJsonPath} from './jsonpath/parser.js'
import {relaxedJsonPathExpression} from './jsonpath/relaxed.js'
import {compareQuantities, quantityOf} from '../resources/quantity.js'

/** A --sort-by that cannot be applied, worded as kubectl words it ("couldn't find any field..."). */
export class SortByError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SortByError'
  }
}

/**
 * The field holds values kubectl cannot order (maps, lists, booleans, or mixed types). kubectl
 * ends with klog.Exitf here (exit code 1, the message after a klog header on stderr).
 */
export class UnsortableError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UnsortableError'
  }
}

const MISSING = Symbol('missing')

/**
 * Sorts the items of a list (SortObjects), as `get --sort-by` does for -o json, yaml, name,
 * jsonpath and custom-columns. Returns a new array; throws SortByError or UnsortableError.
 */
export function sortObjects<T>(objects: readonly T[], sortBy: string): T[] {
  if (objects.length === 0) return []
  const field = relaxed(sortBy)
  const template = parse(field, (message) => message)
  const keys = objects.map((object) => sortKey(template, object, (message) => message))
  if (keys.every((key) => key === MISSING)) {
    throw new SortByError(`couldn't find any field with path ${goQuote(field)} in the list of objects`)
  }
  return sortByKeys(objects, keys, `Field ${field} in *unstructured.Unstructured`)
}

/**
 * Sorts the rows of a Table by their objects (TableSorter), as `get --sort-by` does for the default
 * and wide output; tables of fewer than two rows are returned as they are. Returns a new Table.
 * Note: kubectl v1.32 drops this error for tables and prints nothing (see the report of get).
 */
export function sortTableRows(table: Table, sortBy: string): Table {
  if (table.rows.length <= 1) return table
  let field: string
  try {
    field = relaxedJsonPathExpression(sortBy)
  } catch (error) {
    if (!(error instanceof JsonPathParseError)) throw error
    field = sortBy
  }
  const template = parse(field, (message) => `sorting error: ${message}`)
  const keys = table.rows.map((row) =>
    sortKey(
      template,
      row.object,
      (message) =>
        `Failed to get values for [][]reflect.Value(nil) using ${field} (&errors.errorString{s:${goQuote(message)}})`,
    ),
  )
  if (keys.every((key) => key === MISSING)) {
    throw new SortByError(`couldn't find any field with path ${goQuote(field)} in the list of objects`)
  }
  const rows: TableRow[] = sortByKeys(table.rows, keys, `Field ${field} in [][][]reflect.Value`)
  return {...table, rows}
}

function relaxed(sortBy: string): string {
  try {
    return relaxedJsonPathExpression(sortBy)
  } catch (error) {
    if (error instanceof JsonPathParseError) throw new SortByError(error.message)
    throw error
  }
}

function parse(field: string, wording: (message: string) => string): JsonPathTemplate {
  try {
    return parseJsonPath(field)
  } catch (error) {
    if (error instanceof JsonPathParseError) throw new SortByError(wording(error.message))
    throw error
  }
}

// The first value the field finds on an object, or MISSING.
function sortKey(template: JsonPathTemplate, object: unknown, wording: (message: string) => string): unknown {
  try {
    const first = findJsonPathResults(template, object, {allowMissingKeys: true})[0]
    return first !== undefined && first.length > 0 ? first[0] : MISSING
  } catch (error) {
    if (error instanceof JsonPathExecuteError) throw new SortByError(wording(error.message))
    throw error
  }
}

function sortByKeys<T>(items: readonly T[], keys: readonly unknown[], fieldDescription: string): T[] {
  const order = items.map((_, index) => index)
  goSort({
    length: order.length,
    less: (i, j) => isLessKey(keys[order[i] ?? 0], keys[order[j] ?? 0], fieldDescription),
    swap: (i, j) => {
      const swapped = order[i] ?? 0
      order[i] = order[j] ?? 0
      order[j] = swapped
    },
  })
  const sorted: T[] = []
  for (const index of order) {
    const item = items[index]
    if (item !== undefined) sorted.push(item)
  }
  return sorted
}

// RuntimeSort.Less / TableSorter.Less: a missing value is less than anything, itself included.
function isLessKey(left: unknown, right: unknown, fieldDescription: string): boolean {
  if (left === MISSING) return true
  if (right === MISSING) return false
  try {
    return isLess(left, right)
  } catch (error) {
    if (error instanceof UnsortableError) {
      throw new UnsortableError(`${fieldDescription} is an unsortable type: interface, err: ${error.message}`)
    }
    throw error
  }
}

// isLess for the interface{} values of an unstructured object.
function isLess(left: unknown, right: unknown): boolean {
  const leftNil = left === null || left === undefined
  const rightNil = right === null || right === undefined
  if (leftNil || rightNil) return leftNil && !rightNil
  const leftType = goTypeName(left)
  if (leftType === 'string' || leftType === 'int64' || leftType === 'float64') {
    if (goTypeName(right) !== leftType) throw new UnsortableError('unsortable interface: interface')
    if (leftType !== 'string') return Number(left) < Number(right)
    return stringLess(String(left), String(right))
  }
  throw new UnsortableError(`unsortable type: ${leftType}`)
}

function stringLess(left: string, right: string): boolean {
  const leftQuantity = quantityOf(left)
  const rightQuantity = leftQuantity === undefined ? undefined : quantityOf(right)
  // kubectl v1.27 compared other strings in natural order; v1.31 to v1.33 compare them byte by byte
  if (leftQuantity === undefined || rightQuantity === undefined) return compareGoStrings(left, right) < 0
  return compareQuantities(leftQuantity, rightQuantity) < 0
}
