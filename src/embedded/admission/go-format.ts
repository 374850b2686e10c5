// Bad values written as Go's fmt prints them in field errors: strings with %q, numbers and
// bools with %v, and other values with %#v (`map[string]string{"app":"web"}`,
// `v1.LabelSelector{MatchLabels:...}`), because that is the text a kubectl user sees.
import {isJsonObject} from '../../backend/object.js'

const NAMED_ESCAPES: Readonly<Record<string, string>> = {
  '\u0007': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '"': '\\"',
  '\\': '\\\\',
}

// unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0')
}

/** strconv.Quote: a double-quoted Go string literal. */
export function goQuote(value: string): string {
  let out = '"'
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0
    const named = NAMED_ESCAPES[char]
    if (named !== undefined) out += named
    else if (char === ' ' || (code < 0x80 && code > 0x20 && code < 0x7f)) out += char
    else if (code < 0x80) out += `\\x${hex(code, 2)}`
    else if (PRINTABLE.test(char)) out += char
    else if (code <= 0xffff) out += `\\u${hex(code, 4)}`
    else out += `\\U${hex(code, 8)}`
  }
  return `${out}"`
}

/** A string bad value (%q). */
export function goString(value: string): string {
  return goQuote(value)
}

/** An integer or bool bad value (%v). */
export function goScalar(value: number | boolean): string {
  return String(value)
}

/** `null`, as field errors print a nil pointer. */
export const GO_NIL = 'null'

/** map[string]string with %#v: keys sorted, `"k":"v"` pairs separated by `, `. */
export function goStringMap(map: Readonly<Record<string, unknown>> | undefined, present = map !== undefined): string {
  if (!present || map === undefined) return 'map[string]string(nil)'
  const entries = Object.keys(map)
    .sort()
    .map((k) => `${goQuote(k)}:${goQuote(String(map[k]))}`)
  return `map[string]string{${entries.join(', ')}}`
}

/** []string with %#v. */
export function goStringSlice(values: readonly unknown[] | undefined): string {
  if (values === undefined) return '[]string(nil)'
  return `[]string{${values.map((v) => goQuote(String(v))).join(', ')}}`
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

/**
 * A JSON value written the way Go would print the matching field: strings quoted, numbers and
 * bools bare, string maps and slices in %#v form. Struct values are abbreviated to `type{...}`
 * because their full %#v dump (every internal field) cannot be reproduced faithfully.
 */
export function goValue(value: unknown, structType = 'struct'): string {
  if (value === undefined || value === null) return GO_NIL
  if (typeof value === 'string') return goQuote(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) return goStringSlice(value)
    return `[]${structType}{...}`
  }
  if (isJsonObject(value) && Object.values(value).every((v) => typeof v === 'string')) return goStringMap(value)
  return `${structType}{...}`
}
