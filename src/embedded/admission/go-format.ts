// Bad values written as Go's fmt prints them in field errors: strings with %q, numbers and
// bools with %v, and other values with %#v (`map[string]string{"app":"web"}`,
// `v1.LabelSelector{MatchLabels:...}`), because that is the text a kubectl user sees.
import {isJsonObject} from '../../backend/object.js'
import {goQuote, goStringSlice, sortedGoKeys} from '../../resources/go-format.js'

/** An integer or bool bad value (%v). */
export function goScalar(value: number | boolean): string {
  return String(value)
}

/** `null`, as field errors print a nil pointer. */
export const GO_NIL = 'null'

/** map[string]string with %#v: keys sorted, `"k":"v"` pairs separated by `, `. */
export function goStringMap(map: Readonly<Record<string, unknown>> | undefined, present = map !== undefined): string {
  if (!present || map === undefined) return 'map[string]string(nil)'
  const entries = sortedGoKeys(map).map((k) => `${goQuote(k)}:${goQuote(String(map[k]))}`)
  return `map[string]string{${entries.join(', ')}}`
}

function asStringRecord(value: unknown): Record<string, unknown> | undefined {
  return isJsonObject(value) ? value : undefined
}

/** A metav1.LabelSelector with %#v, as selector errors print it. */
export function goLabelSelector(selector: unknown): string {
  if (!isJsonObject(selector)) return GO_NIL
  const matchLabels = asStringRecord(selector['matchLabels'])
  const expressions = Array.isArray(selector['matchExpressions']) ? selector['matchExpressions'] : undefined
  const exprText =
    expressions === undefined
      ? '[]v1.LabelSelectorRequirement(nil)'
      : `[]v1.LabelSelectorRequirement{${expressions.map(goLabelSelectorRequirement).join(', ')}}`
  return `v1.LabelSelector{MatchLabels:${goStringMap(matchLabels)}, MatchExpressions:${exprText}}`
}

function goLabelSelectorRequirement(requirement: unknown): string {
  const r = isJsonObject(requirement) ? requirement : {}
  const values = Array.isArray(r['values']) ? r['values'] : undefined
  const keyText = goQuote(typeof r['key'] === 'string' ? r['key'] : '')
  const operator = goQuote(typeof r['operator'] === 'string' ? r['operator'] : '')
  return `v1.LabelSelectorRequirement{Key:${keyText}, Operator:${operator}, Values:${goStringSlice(values)}}`
}

/** intstr.IntOrString: its pointer type is a Stringer, so field errors print `25%` or `1` bare. */
export function goIntOrString(value: unknown): string {
  return typeof value === 'number' || typeof value === 'string' ? String(value) : ''
}
