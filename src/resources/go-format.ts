/**
 * How Go's fmt and strconv print the values of an unstructured object (map[string]interface{},
 * []interface{}, string, int64, float64, bool, nil). kubectl prints jsonpath results, custom
 * columns and its error messages with these verbs, and the API server its field and patch errors,
 * so skiff must print them the same way.
 */
import {isJsonObject} from '../backend/object.js'

// strconv.FormatFloat(f, 'g', -1, 64) switches to exponent form outside 1e-4 <= |f| < 1e6.
const G_SHORTEST_EXPONENT_LIMIT = 6
const G_SMALLEST_EXPONENT = -4
// Integral numbers within int64 are decoded by kubectl as int64 (sigs.k8s.io/json preserves ints).
const INT64_LIMIT = 2 ** 63

/** True when kubectl would hold this JSON number as an int64 rather than a float64. */
export function isGoInt(value: number): boolean {
  return Number.isInteger(value) && Math.abs(value) < INT64_LIMIT
}

/** strconv.FormatFloat(value, 'g', -1, 64): what fmt's %v prints for a float64. */
export function formatGoFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf'
  if (value === 0) return Object.is(value, -0) ? '-0' : '0'
  const [mantissa = '0', exponentText = '0'] = value.toExponential().split('e')
  const exponent = Number(exponentText)
  if (exponent < G_SMALLEST_EXPONENT || exponent >= G_SHORTEST_EXPONENT_LIMIT) {
    const sign = exponent < 0 ? '-' : '+'
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`
  }
  // In this range JavaScript's shortest round-trip text has no exponent, as Go's %f does.
  return String(value)
}

/** A JSON number as Go prints it with %v: int64 in decimal, float64 in 'g' form. */
export function formatGoNumber(value: number): string {
  return isGoInt(value) ? BigInt(value).toString() : formatGoFloat(value)
}

/** fmt.Sprint(value) (the %v verb) of an unstructured value; nil prints as `<nil>`. */
export function goSprint(value: unknown): string {
  if (value === null || value === undefined) return '<nil>'
  if (typeof value === 'string') return value
  if (typeof value === 'number') return formatGoNumber(value)
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (Array.isArray(value)) return `[${value.map(goSprint).join(' ')}]`
  if (isJsonObject(value)) {
    return `map[${sortedGoKeys(value)
      .map((key) => `${key}:${goSprint(value[key])}`)
      .join(' ')}]`
  }
  return String(value)
}

/** fmt.Sprintf('%#v', value) of an unstructured value, as kubectl's jsonpath error dumps the object. */
export function goSharpV(value: unknown): string {
  return value === null || value === undefined ? '<nil>' : sharpV(value)
}

// Inside a map or slice a nil interface prints with its type, unlike a nil at top level.
function sharpV(value: unknown): string {
  if (value === null || value === undefined) return 'interface {}(nil)'
  if (typeof value === 'string') return goQuote(value)
  if (typeof value === 'number') return formatGoNumber(value)
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (Array.isArray(value)) return `[]interface {}{${value.map(sharpV).join(', ')}}`
  if (isJsonObject(value)) {
    const entries = sortedGoKeys(value).map((key) => `${goQuote(key)}:${sharpV(value[key])}`)
    return `map[string]interface {}{${entries.join(', ')}}`
  }
  return String(value)
}

/** The Go type name of an unstructured value, as `%T` and reflect's Type.String() print it. */
export function goTypeName(value: unknown): string {
  if (value === null || value === undefined) return '<nil>'
  if (typeof value === 'string') return 'string'
  if (typeof value === 'number') return isGoInt(value) ? 'int64' : 'float64'
  if (typeof value === 'boolean') return 'bool'
  if (Array.isArray(value)) return '[]interface {}'
  return 'map[string]interface {}'
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\\': '\\\\',
  '"': '\\"',
}

// unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const GO_PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u

/** strconv.Quote (the %q verb): a double-quoted Go string literal. */
export function goQuote(text: string): string {
  let quoted = '"'
  for (const char of text) {
    const short = SHORT_ESCAPES[char]
    const code = char.codePointAt(0) ?? 0
    if (short !== undefined) quoted += short
    else if (isGoPrintable(char)) quoted += char
    else if (code < 0x20 || code === 0x7f) quoted += `\\x${hex(code, 2)}`
    else if (code >= 0xd800 && code <= 0xdfff) quoted += '\\ufffd'
    else if (code < 0x10000) quoted += `\\u${hex(code, 4)}`
    else quoted += `\\U${hex(code, 8)}`
  }
  return `${quoted}"`
}

/** fmt.Sprintf('%#v', values) of a []string, as field errors print a list of bad values; nil when absent. */
export function goStringSlice(values: readonly unknown[] | undefined): string {
  if (values === undefined) return '[]string(nil)'
  return `[]string{${values.map((value) => goQuote(String(value))).join(', ')}}`
}

/** strconv.IsPrint for one character. */
export function isGoPrintable(char: string): boolean {
  return GO_PRINTABLE.test(char)
}

/** Compares strings as Go does: byte by byte of their UTF-8 encoding. */
export function compareGoStrings(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}

/** The keys of a map in the order Go's fmt and encoding/json print them. */
export function sortedGoKeys(value: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(value).sort(compareGoStrings)
}

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0')
}
