// Labels and label selectors: validation worded as apimachinery meta/v1/validation (v1.32) and
// the matching that LabelSelectorAsSelector gives the workload validators.
import {isJsonObject, type JsonObject} from '../../backend/object.js'
import {
  labelSelectorFromSpec,
  matchesLabels,
  tryLabelSelectorFromSpec,
  type LabelSelector,
  type LabelSelectorSpec,
} from '../../resources/label-selector.js'
import {isQualifiedName, isValidLabelValue} from '../../resources/label-syntax.js'
import {child, forbidden, index, invalid, required, type FieldError} from './field-error.js'
import {goQuote} from '../../resources/go-format.js'

/** ValidateLabelName: a label key (also taint, toleration and topology keys). */
export function validateLabelName(name: string, path: string): FieldError[] {
  return isQualifiedName(name).map((message) => invalid(path, goQuote(name), message))
}

/** ValidateLabels: every key and value of a label map, reported at the map's path. */
export function validateLabels(labels: unknown, path: string): FieldError[] {
  if (!isJsonObject(labels)) return []
  const errors: FieldError[] = []
  for (const [k, v] of Object.entries(labels)) {
    errors.push(...validateLabelName(k, path))
    const value = typeof v === 'string' ? v : String(v)
    errors.push(...isValidLabelValue(value).map((message) => invalid(path, goQuote(value), message)))
  }
  return errors
}

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
      errors.push(invalid(child(exprPath, 'operator'), goQuote(operator), 'not a valid selector operator'))
    }
    errors.push(...validateLabelName(typeof e['key'] === 'string' ? e['key'] : '', child(exprPath, 'key')))
    values.forEach((value, j) => {
      for (const message of isValidLabelValue(value)) {
        errors.push(invalid(index(child(exprPath, 'values'), j), goQuote(value), message))
      }
    })
  })
  return errors
}

/** A label map read from an object, values as Go would hold them. */
function labelMapOf(value: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(isJsonObject(value) ? value : {}).map(([k, v]) => [k, String(v)]))
}

// The metav1.LabelSelector an unstructured selector decodes to.
function labelSelectorSpecOf(selector: JsonObject): LabelSelectorSpec {
  const expressions = Array.isArray(selector['matchExpressions']) ? selector['matchExpressions'] : []
  return {
    matchLabels: labelMapOf(selector['matchLabels']),
    matchExpressions: expressions.map((expression: unknown) => {
      const e = isJsonObject(expression) ? expression : {}
      return {
        key: typeof e['key'] === 'string' ? e['key'] : '',
        operator: typeof e['operator'] === 'string' ? e['operator'] : '',
        values: stringList(e['values']),
      }
    }),
  }
}

/**
 * LabelSelectorAsSelector of a selector read from an object: undefined when it does not convert (bad
 * operator, key or value), which validators report as an invalid selector.
 */
export function selectorFromLabelSelector(selector: unknown): LabelSelector | undefined {
  if (selector === undefined || selector === null) return labelSelectorFromSpec(undefined)
  return isJsonObject(selector) ? tryLabelSelectorFromSpec(labelSelectorSpecOf(selector)) : undefined
}

/** Whether a selector matches the labels of an unstructured object. */
export function selectorMatches(selector: LabelSelector, labels: unknown): boolean {
  return matchesLabels(selector, labelMapOf(labels))
}
