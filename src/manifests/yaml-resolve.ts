// How go-yaml v2 (the fork sigs.k8s.io/yaml uses, resolve.go) turns a plain scalar into a value, and how
// sigs.k8s.io/yaml turns non-string map keys into JSON keys. kubectl reads manifests with these YAML 1.1
// rules: `yes` is true, `0777` is 511, `1_000` is 1000, while `1:30` and dates stay strings.
import {isYamlTimestamp} from '../output/go-yaml/resolve.js'

/** A resolved scalar: its YAML tag in short form ('!!int') and its value. */
export interface Resolved {
  readonly tag: string
  readonly value: unknown
}

/** Non-finite floats, which JSON cannot hold (the JSON conversion fails on them). */
export class NonFiniteFloat {
  constructor(readonly value: number) {}
}

const TRUE = ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']
const FALSE = ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']
const NULL = ['', '~', 'null', 'Null', 'NULL']
const NAN = ['.nan', '.NaN', '.NAN']
const POSITIVE_INF = ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']
const NEGATIVE_INF = ['-.inf', '-.Inf', '-.INF']
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/
const RESOLVABLE = new Set(['', '!!str', '!!bool', '!!int', '!!float', '!!timestamp'])
const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n
const UINT64_MAX = 2n ** 64n - 1n

function lookup(text: string): Resolved | undefined {
  if (TRUE.includes(text)) return {tag: '!!bool', value: true}
  if (FALSE.includes(text)) return {tag: '!!bool', value: false}
  if (NULL.includes(text)) return {tag: '!!null', value: null}
  if (NAN.includes(text)) return {tag: '!!float', value: new NonFiniteFloat(Number.NaN)}
  if (POSITIVE_INF.includes(text)) return {tag: '!!float', value: new NonFiniteFloat(Number.POSITIVE_INFINITY)}
  if (NEGATIVE_INF.includes(text)) return {tag: '!!float', value: new NonFiniteFloat(Number.NEGATIVE_INFINITY)}
  if (text === '<<') return {tag: '!!merge', value: '<<'}
  return undefined
}

const DIGITS: Record<number, RegExp> = {2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/}

// strconv.ParseInt/ParseUint with base 0: sign (signed only), 0x/0o/0b prefixes, a leading 0 for octal.
function parseGoInteger(text: string, signed: boolean): bigint | undefined {
  let rest = text
  let negative = false
  if (signed && (rest.startsWith('+') || rest.startsWith('-'))) {
    negative = rest.startsWith('-')
    rest = rest.slice(1)
  }
  let base = 10
  if (/^0[xX]/.test(rest)) [base, rest] = [16, rest.slice(2)]
  else if (/^0[oO]/.test(rest)) [base, rest] = [8, rest.slice(2)]
  else if (/^0[bB]/.test(rest)) [base, rest] = [2, rest.slice(2)]
  else if (rest.length > 1 && rest.startsWith('0')) [base, rest] = [8, rest.slice(1)]
  if (!(DIGITS[base]?.test(rest) ?? false)) return undefined
  const prefix = {2: '0b', 8: '0o', 10: '', 16: '0x'}[base] ?? ''
  const magnitude = BigInt(`${prefix}${rest}`)
  const value = negative ? -magnitude : magnitude
  if (signed) return value >= INT64_MIN && value <= INT64_MAX ? value : undefined
  return value <= UINT64_MAX ? value : undefined
}

function resolveNumber(text: string, tag: string): Resolved | undefined {
  if ((tag === '' || tag === '!!timestamp') && isYamlTimestamp(text)) return {tag: '!!timestamp', value: text}
  const plain = text.replaceAll('_', '')
  const integer = parseGoInteger(plain, true) ?? parseGoInteger(plain, false)
  if (integer !== undefined) return {tag: '!!int', value: Number(integer)}
  if (YAML_STYLE_FLOAT.test(plain)) {
    const float = Number(plain)
    // Go's ParseFloat fails on overflow, and the text stays a string
    if (Number.isFinite(float)) return {tag: '!!float', value: float}
  }
  const binary = /^(-?)0b([01]+)$/.exec(plain)
  if (binary) {
    const magnitude = BigInt(`0b${binary[2] ?? ''}`)
    const value = binary[1] === '-' ? -magnitude : magnitude
    if (value >= INT64_MIN && value <= INT64_MAX) return {tag: '!!int', value: Number(value)}
  }
  return undefined
}

function hintOf(text: string): string {
  const first = text[0]
  if (first === undefined) return 'N'
  if (first === '+' || first === '-') return 'S'
  if (first >= '0' && first <= '9') return 'D'
  if ('yYnNtTfFoO~'.includes(first)) return 'M'
  if (first === '.') return '.'
  return ''
}

function resolveUntagged(tag: string, text: string): Resolved {
  if (!RESOLVABLE.has(tag)) return {tag, value: text}
  const hint = hintOf(text)
  if (hint === '' || tag === '!!str') return {tag: '!!str', value: text}
  const known = lookup(text)
  if (known) return known
  if (hint === '.' && /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(text)) return {tag: '!!float', value: Number(text)}
  if (hint === 'D' || hint === 'S') return resolveNumber(text, tag) ?? {tag: '!!str', value: text}
  return {tag: '!!str', value: text}
}

/** Thrown for an explicit tag the scalar does not fit: `cannot decode !!str \`abc\` as a !!int`. */
export class TagMismatchError extends Error {}

/**
 * go-yaml's resolve(tag, text) for a plain scalar (or any scalar with an explicit tag); `tag` is '' or the
 * short form. Throws TagMismatchError where go-yaml fails.
 */
export function resolveScalar(tag: string, text: string): Resolved {
  const resolved = resolveUntagged(tag, text)
  if (tag === '' || tag === resolved.tag || tag === '!!str' || tag === '!!binary' || !RESOLVABLE.has(tag))
    return resolved
  // an integer asked for as a float becomes one
  if (tag === '!!float' && resolved.tag === '!!int') return {tag: '!!float', value: resolved.value}
  throw new TagMismatchError(`cannot decode ${resolved.tag} \`${text}\` as a ${tag}`)
}

/**
 * The JSON key sigs.k8s.io/yaml makes of a resolved scalar map key (floats as float32, the rest as text), or
 * undefined for a null key, which it refuses.
 */
export function mapKeyText(resolved: Resolved): string | undefined {
  if (resolved.tag === '!!float')
    return formatFloat32(resolved.value instanceof NonFiniteFloat ? resolved.value.value : Number(resolved.value))
  return resolved.value === null ? undefined : String(resolved.value)
}

/** Go's strconv.FormatFloat(f, 'g', -1, 32), which sigs.k8s.io/yaml uses for float map keys. */
export function formatFloat32(value: number): string {
  if (Number.isNaN(value)) return '.nan'
  if (value === Number.POSITIVE_INFINITY) return '.inf'
  if (value === Number.NEGATIVE_INFINITY) return '-.inf'
  const single = Math.fround(value)
  let digits = ''
  for (let precision = 1; precision <= 9; precision++) {
    digits = single.toPrecision(precision)
    if (Math.fround(Number(digits)) === single) break
  }
  const [mantissa = '', exponentText] = Number(digits).toExponential().split('e')
  const exponent = Number(exponentText)
  // with the shortest digits, 'g' switches to %e below exponent -4 and from exponent 6 on
  if (exponent < -4 || exponent >= 6) {
    const sign = exponent < 0 ? '-' : '+'
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`
  }
  return String(Number(digits))
}
