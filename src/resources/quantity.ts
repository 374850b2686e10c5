// Kubernetes resource.Quantity: parsing, comparison and the canonical string form.
// Mirrors k8s.io/apimachinery/pkg/api/resource/quantity.go (v1.32): values are exact (held as
// nano-units in a bigint, never a float), rounded up to 1n like Kubernetes, and printed in the
// largest suffix that loses no precision, keeping the suffix family the user wrote.

/** The three suffix families a quantity remembers. */
export type QuantityFormat = 'DecimalExponent' | 'BinarySI' | 'DecimalSI'

/** A parsed quantity: the value in units of 10^-9 and the suffix family to print it with. */
export interface Quantity {
  readonly nanos: bigint
  readonly format: QuantityFormat
  /** The text as written when Kubernetes keeps it verbatim (already canonical); printing reuses it. */
  readonly text?: string
}

const SPLIT_RE_STRING = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'

/** The error for text that is not shaped like a quantity (resource.ErrFormatWrong). */
export const QUANTITY_FORMAT_ERROR = `quantities must match the regular expression '${SPLIT_RE_STRING}'`
/** The error for a number part that cannot be read (resource.ErrNumeric). */
export const QUANTITY_NUMERIC_ERROR = 'unable to parse numeric part of quantity'
/** The error for an unknown suffix such as `1i` or `5Mb` (resource.ErrSuffix). */
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix"

/** Thrown by parseQuantity; the message is Kubernetes' own. */
export class QuantityError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'QuantityError'
  }
}

const NANOS_PER_UNIT = 1_000_000_000n
// resource.maxAllowed: BinarySI amounts are capped at 2^63-1.
const MAX_ALLOWED = 2n ** 63n - 1n
// resource.maxInt64Factors: how many decimal digits the int64 fast path can hold.
const MAX_INT64_FACTORS = 18
const SUFFIX_CHARS = 'eEinumkKMGTP'

const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
}
const BINARY_SUFFIXES: Readonly<Record<string, number>> = {Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60}
const BINARY_NAMES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']

interface Scanned {
  positive: boolean
  /** sign, digits and dot as written, before the suffix */
  value: string
  /** integer digits without leading zeros ('0' when none) */
  num: string
  /** fraction digits */
  denom: string
  suffix: string
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9'
}

// resource.parseQuantityString: a hand scanner rather than the regexp, so the same inputs fail.
function scan(str: string): Scanned {
  let positive = true
  let pos = 0
  const end = str.length
  if (str[0] === '-') {
    positive = false
    pos++
  } else if (str[0] === '+') {
    pos++
  }
  while (pos < end && str[pos] === '0') pos++
  if (pos >= end) return {positive, value: '0', num: '0', denom: '', suffix: ''}
  const numStart = pos
  while (pos < end && isDigit(str[pos])) pos++
  let num = str.slice(numStart, pos)
  if (pos >= end) return {positive, value: str, num: num || '0', denom: '', suffix: ''}
  if (num.length === 0) num = '0'
  let denom = ''
  if (str[pos] === '.') {
    pos++
    const denomStart = pos
    while (pos < end && isDigit(str[pos])) pos++
    denom = str.slice(denomStart, pos)
    if (pos >= end) return {positive, value: str, num, denom, suffix: ''}
  }
  const value = str.slice(0, pos)
  const suffixStart = pos
  while (pos < end && SUFFIX_CHARS.includes(str[pos] ?? '')) pos++
  if (pos >= end) return {positive, value, num, denom, suffix: str.slice(suffixStart)}
  if (str[pos] === '-' || str[pos] === '+') pos++
  while (pos < end && isDigit(str[pos])) pos++
  if (pos < end) throw new QuantityError(QUANTITY_FORMAT_ERROR)
  return {positive, value, num, denom, suffix: str.slice(suffixStart)}
}

interface Interpreted {
  base: 2 | 10
  exponent: number
  format: QuantityFormat
}

// resource.suffixer.interpret
function interpret(suffix: string): Interpreted | undefined {
  const decimal = DECIMAL_SUFFIXES[suffix]
  if (decimal !== undefined) return {base: 10, exponent: decimal, format: 'DecimalSI'}
  const binary = BINARY_SUFFIXES[suffix]
  if (binary !== undefined) return {base: 2, exponent: binary, format: 'BinarySI'}
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?[0-9]+$/.test(suffix.slice(1))) {
    const exponent = Number.parseInt(suffix.slice(1), 10)
    if (Number.isSafeInteger(exponent)) return {base: 10, exponent, format: 'DecimalExponent'}
  }
  return undefined
}

function ceilDiv(numerator: bigint, denominator: bigint): bigint {
  return (numerator + denominator - 1n) / denominator
}

function pow10(exponent: number): bigint {
  return 10n ** BigInt(exponent)
}

// Mirrors when Quantity keeps the input string as its printed form (the int64 fast path).
function keptText(str: string, scanned: Scanned, info: Interpreted): string | undefined {
  const {num, denom} = scanned
  if (info.format === 'BinarySI') {
    const precision = 15 - num.length - Math.trunc((info.exponent * 3) / 10) - 1
    if (info.exponent < 0 || denom.length > 0 || precision < 0) return undefined
    const value = BigInt(num)
    if (value * 2n ** BigInt(info.exponent) > MAX_ALLOWED) return undefined
    return info.exponent % 10 === 0 && (value & 7n) !== 0n ? str : undefined
  }
  if (MAX_INT64_FACTORS - (num.length + denom.length) < 0) return undefined
  const scale = info.exponent - denom.length
  if (scale < -9) return undefined
  const shifted = num + denom
  return scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0' ? str : undefined
}

function usesFastPath(scanned: Scanned, info: Interpreted): boolean {
  if (info.format === 'BinarySI') {
    return (
      info.exponent >= 0 &&
      scanned.denom.length === 0 &&
      15 - scanned.num.length - Math.trunc((info.exponent * 3) / 10) - 1 >= 0
    )
  }
  return (
    MAX_INT64_FACTORS - (scanned.num.length + scanned.denom.length) >= 0 && info.exponent - scanned.denom.length >= -9
  )
}

/** Parses a quantity (`100m`, `1.5`, `128Mi`, `1G`, `1e3`); throws QuantityError with Kubernetes' message. */
export function parseQuantity(str: string): Quantity {
  if (str.length === 0) throw new QuantityError(QUANTITY_FORMAT_ERROR)
  if (str === '0') return {nanos: 0n, format: 'DecimalSI', text: '0'}
  const scanned = scan(str)
  const info = interpret(scanned.suffix)
  if (!info) throw new QuantityError(QUANTITY_SUFFIX_ERROR)
  // The slow path reads the number with inf.Dec, which rejects text without digits.
  if (!usesFastPath(scanned, info) && !/[0-9]/.test(scanned.value)) throw new QuantityError(QUANTITY_NUMERIC_ERROR)
  const mantissa = BigInt(scanned.num + scanned.denom)
  let magnitude: bigint
  if (info.base === 10) {
    const exponent = info.exponent - scanned.denom.length + 9
    magnitude = exponent >= 0 ? mantissa * pow10(exponent) : ceilDiv(mantissa, pow10(-exponent))
  } else {
    magnitude = ceilDiv(mantissa * 2n ** BigInt(info.exponent) * NANOS_PER_UNIT, pow10(scanned.denom.length))
  }
  let format = info.format
  if (format === 'BinarySI' && magnitude > MAX_ALLOWED * NANOS_PER_UNIT) magnitude = MAX_ALLOWED * NANOS_PER_UNIT
  if (format === 'BinarySI' && magnitude > 0n && magnitude < NANOS_PER_UNIT) format = 'DecimalSI'
  const nanos = scanned.positive ? magnitude : -magnitude
  const text = keptText(str, scanned, info)
  return text === undefined ? {nanos, format} : {nanos, format, text}
}

/** Parses a quantity, or returns the error message instead of throwing. */
export function tryParseQuantity(value: unknown): Quantity | {error: string} {
  // JSON numbers are quantities too (`cpu: 1`); Go reads their literal text.
  const text = typeof value === 'number' ? String(value) : value
  if (typeof text !== 'string') return {error: QUANTITY_FORMAT_ERROR}
  try {
    return parseQuantity(text)
  } catch (error) {
    if (error instanceof QuantityError) return {error: error.message}
    throw error
  }
}

/** True when a value is a parsed Quantity (not an error). */
export function isQuantity(value: Quantity | {error: string}): value is Quantity {
  return 'nanos' in value
}

/** -1, 0 or 1 as a is less than, equal to or greater than b (Quantity.Cmp). */
export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
  if (a.nanos < b.nanos) return -1
  return a.nanos > b.nanos ? 1 : 0
}

/** The sum, printed in the first operand's family, or the second's when the first is zero (Quantity.Add). */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return {nanos: a.nanos + b.nanos, format: a.nanos === 0n ? b.format : a.format}
}

/** The zero quantity. */
export function zeroQuantity(): Quantity {
  return {nanos: 0n, format: 'DecimalSI'}
}

/** A whole number of units in a suffix family (resource.NewQuantity). */
export function newQuantity(value: bigint, format: QuantityFormat): Quantity {
  return {nanos: value * NANOS_PER_UNIT, format}
}

function roundAwayFromZero(nanos: bigint, unit: bigint): bigint {
  const magnitude = nanos < 0n ? -nanos : nanos
  const rounded = ceilDiv(magnitude, unit)
  return nanos < 0n ? -rounded : rounded
}

/**
 * The value in units of 10^scale, rounded away from zero (Quantity.ScaledValue): scale 0 is Value(), -3 is
 * MilliValue().
 */
export function scaledValue(q: Quantity, scale: number): bigint {
  const exponent = scale + 9
  return exponent >= 0 ? roundAwayFromZero(q.nanos, pow10(exponent)) : q.nanos * pow10(-exponent)
}

/** Rounds up to a multiple of 1m, as defaulting does to every ResourceList (SetDefaults_ResourceList). */
export function roundUpToMilli(q: Quantity): Quantity {
  const rounded = roundAwayFromZero(q.nanos, 1_000_000n) * 1_000_000n
  if (rounded === q.nanos) return q
  return {nanos: rounded, format: q.format}
}

function decimalCanonical(nanos: bigint, format: QuantityFormat): string {
  let mantissa = nanos
  let exponent = -9
  while (mantissa % 10n === 0n) {
    mantissa /= 10n
    exponent++
  }
  while (exponent % 3 !== 0) {
    mantissa *= 10n
    exponent--
  }
  let suffix: string | undefined
  if (format === 'DecimalExponent') {
    suffix = exponent === 0 ? '' : `e${exponent}`
  } else {
    suffix = Object.entries(DECIMAL_SUFFIXES).find(([, e]) => e === exponent)?.[0]
    // Beyond E Kubernetes has no SI suffix; an exponent keeps the value readable rather than wrong.
    if (suffix === undefined) suffix = `e${exponent}`
  }
  return `${mantissa}${suffix}`
}

/** The canonical text Kubernetes prints for a quantity (`0.5` → `500m`, `1024Mi` → `1Gi`, `1.5Gi` → `1536Mi`). */
export function formatQuantity(q: Quantity): string {
  if (q.text !== undefined) return q.text
  if (q.nanos === 0n) return '0'
  if (q.format === 'BinarySI') {
    const limit = 1024n * NANOS_PER_UNIT
    const exact = q.nanos % NANOS_PER_UNIT === 0n
    if (q.nanos > -limit && q.nanos < limit) return decimalCanonical(q.nanos, 'DecimalSI')
    if (!exact) return decimalCanonical(q.nanos, 'DecimalSI')
    let units = q.nanos / NANOS_PER_UNIT
    let exponent = 0
    while (units % 1024n === 0n && exponent < BINARY_NAMES.length - 1) {
      units /= 1024n
      exponent++
    }
    return `${units}${BINARY_NAMES[exponent] ?? ''}`
  }
  return decimalCanonical(q.nanos, q.format)
}

/** A quantity field as objects carry it (a string, or a number in loosely typed objects); undefined when not one. */
export function quantityOf(value: unknown): Quantity | undefined {
  const parsed = tryParseQuantity(value)
  return isQuantity(parsed) ? parsed : undefined
}

/** The canonical text of a quantity field; the text unchanged when it is not a quantity, `0` when absent. */
export function quantityString(value: unknown): string {
  const quantity = quantityOf(value)
  if (quantity !== undefined) return formatQuantity(quantity)
  return typeof value === 'string' ? value : '0'
}

/** A *Quantity field as fmt prints it: `<nil>` when unset, its canonical text otherwise. */
export function optionalQuantityString(value: unknown): string {
  return value === undefined || value === null ? '<nil>' : quantityString(value)
}
