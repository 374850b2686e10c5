// Labels and label selectors: validation worded as apimachinery meta/v1/validation (v1.32) and
// the matching that LabelSelectorAsSelector gives the workload validators.
import {isJsonObject} from '../../backend/object.js'
import {isQualifiedName, isValidLabelValue} from '../../resources/label-syntax.js'
import {child, forbidden, index, invalid, required, type FieldError} from './field-error.js'
import {goString} from './go-format.js'

/** ValidateLabelName: a label key (also taint, toleration and topology keys). */
export function validateLabelName(name: string, path: string): FieldError[] {
  return isQualifiedName(name).map((message) => invalid(path, goString(name), message))
}

/** ValidateLabels: every key and value of a label map, reported at the map's path. */
export function validateLabels(labels: unknown, path: string): FieldError[] {
  if (!isJsonObject(labels)) return []
  const errors: FieldError[] = []
  for (const [k, v] of Object.entries(labels)) {
    errors.push(...validateLabelName(k, path))
    const value = typeof v === 'string' ? v : String(v)
    errors.push(...isValidLabelValue(value).map((message) => invalid(path, goString(value), message)))
  }
  return errors
}

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : String(v))) : []
}

/** ValidateLabelSelector (strict: values must be valid label values). */
export function validateLabelSelector(selector: unknown, path: string): FieldError[] {
  if (!isJsonObject(selector)) return []
  const errors = validateLabels(selector['matchLabels'], child(path, 'matchLabels'))
  const expressions = Array.isArray(selector['matchExpressions']) ? selector['matchExpressions'] : []
  expressions.forEach((expression, i) => {
    const exprPath = index(child(path, 'matchExpressions'), i)
    const e = isJsonObject(expression) ? expression : {}
    const operator = typeof e['operator'] === 'string' ? e['operator'] : ''
    const values = stringList(e['values'])
    if (operator === 'In' || operator === 'NotIn') {
      if (values.length === 0) {
        errors.push(required(child(exprPath, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"))
      }
    } else if (operator === 'Exists' || operator === 'DoesNotExist') {
      if (values.length > 0) {
        errors.push(
          forbidden(child(exprPath, 'values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
        )
      }
    } else {
      errors.push(invalid(child(exprPath, 'operator'), goString(operator), 'not a valid selector operator'))
    }
    errors.push(...validateLabelName(typeof e['key'] === 'string' ? e['key'] : '', child(exprPath, 'key')))
    values.forEach((value, j) => {
      for (const message of isValidLabelValue(value)) {
        errors.push(invalid(index(child(exprPath, 'values'), j), goString(value), message))
      }
    })
  })
  return errors
}

/** A compiled selector: `nothing` (nil selector), `everything` (empty) or requirements. */
export type Selector =
  | {kind: 'nothing'}
  | {kind: 'everything'}
  | {kind: 'requirements'; requirements: {key: string; operator: string; values: string[]}[]}

/**
 * LabelSelectorAsSelector: undefined when the selector cannot be compiled (bad operator, key or
 * value), which validators report as an invalid selector.
 */
export function selectorFromLabelSelector(selector: unknown): Selector | undefined {
  if (selector === undefined || selector === null) return {kind: 'nothing'}
  if (!isJsonObject(selector)) return undefined
  const matchLabels = isJsonObject(selector['matchLabels']) ? selector['matchLabels'] : {}
  const expressions = Array.isArray(selector['matchExpressions']) ? selector['matchExpressions'] : []
  if (Object.keys(matchLabels).length + expressions.length === 0) return {kind: 'everything'}
  const requirements: {key: string; operator: string; values: string[]}[] = []
  for (const [k, v] of Object.entries(matchLabels)) {
    const value = typeof v === 'string' ? v : String(v)
    if (isQualifiedName(k).length > 0 || isValidLabelValue(value).length > 0) return undefined
    requirements.push({key: k, operator: 'In', values: [value]})
  }
  for (const expression of expressions) {
    const e = isJsonObject(expression) ? expression : {}
    const operator = typeof e['operator'] === 'string' ? e['operator'] : ''
    const k = typeof e['key'] === 'string' ? e['key'] : ''
    const values = stringList(e['values'])
    if (!(OPERATORS as readonly string[]).includes(operator)) return undefined
    if (isQualifiedName(k).length > 0) return undefined
    const needsValues = operator === 'In' || operator === 'NotIn'
    if (needsValues ? values.length === 0 : values.length > 0) return undefined
    if (values.some((value) => isValidLabelValue(value).length > 0)) return undefined
    requirements.push({key: k, operator, values})
  }
  return {kind: 'requirements', requirements}
}

/** Whether a compiled selector matches a label set. */
export function selectorMatches(selector: Selector, labels: unknown): boolean {
  if (selector.kind === 'nothing') return false
  if (selector.kind === 'everything') return true
  const set = isJsonObject(labels) ? labels : {}
  return selector.requirements.every(({key: k, operator, values}) => {
    const has = Object.hasOwn(set, k)
    const value = has ? String(set[k]) : undefined
    switch (operator) {
      case 'In':
        return value !== undefined && values.includes(value)
      case 'NotIn':
        return value === undefined || !values.includes(value)
      case 'Exists':
        return has
      default:
        return !has
    }
  })
}

/** True when the selector is `everything` (labels.Selector.Empty()). */
export function selectorIsEmpty(selector: Selector): boolean {
  return selector.kind === 'everything'
}
