/**
 * The comparisons of a JSONPath filter: client-go's fork of text/template's eq/lt (v1.32).
 * Values compare only within one kind: an int64 with a float64, or a string with a number, is
 * "incompatible types for comparison"; maps, lists and nil are "invalid type for comparison".
 */
import {compareGoStrings, isGoInt} from '../../resources/go-format.js'
import {JsonPathExecuteError} from './errors.js'
import {GoFloat} from './nodes.js'

type Kind = 'bool' | 'int' | 'float' | 'string'

const BAD_TYPE = 'invalid type for comparison'
const INCOMPATIBLE = 'incompatible types for comparison'

/** Applies a filter operator to two values, as evalFilter does; throws kubectl's errors. */
export function compareFilterValues(operator: string, left: unknown, right: unknown): boolean {
  switch (operator) {
    case '==':
      return equal(left, right)
    case '!=':
      return !equal(left, right)
    case '<':
      return less(left, right)
    case '<=':
      return less(left, right) || equal(left, right)
    case '>':
      return !(less(left, right) || equal(left, right))
    case '>=':
      return !less(left, right)
    default:
      throw new JsonPathExecuteError(`unrecognized filter operator ${operator}`)
  }
}

function equal(left: unknown, right: unknown): boolean {
  const [leftKind, rightKind] = kinds(left, right)
  if (leftKind !== rightKind) throw new JsonPathExecuteError(INCOMPATIBLE)
  return leftKind === 'bool' ? left === right : compareSameKind(leftKind, left, right) === 0
}

function less(left: unknown, right: unknown): boolean {
  const [leftKind, rightKind] = kinds(left, right)
  if (leftKind !== rightKind) throw new JsonPathExecuteError(INCOMPATIBLE)
  if (leftKind === 'bool') throw new JsonPathExecuteError(BAD_TYPE)
  return compareSameKind(leftKind, left, right) < 0
}

function compareSameKind(kind: Kind, left: unknown, right: unknown): number {
  if (kind === 'string') return compareGoStrings(String(left), String(right))
  const a = numberOf(left)
  const b = numberOf(right)
  return a < b ? -1 : a > b ? 1 : 0
}

function kinds(left: unknown, right: unknown): [Kind, Kind] {
  const leftKind = kindOf(left)
  const rightKind = kindOf(right)
  if (leftKind === undefined || rightKind === undefined) throw new JsonPathExecuteError(BAD_TYPE)
  return [leftKind, rightKind]
}

function kindOf(value: unknown): Kind | undefined {
  if (value instanceof GoFloat) return 'float'
  if (typeof value === 'boolean') return 'bool'
  if (typeof value === 'string') return 'string'
  if (typeof value === 'number') return isGoInt(value) ? 'int' : 'float'
  return undefined
}

function numberOf(value: unknown): number {
  return value instanceof GoFloat ? value.value : Number(value)
}
