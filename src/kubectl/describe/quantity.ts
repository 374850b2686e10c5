// Kubernetes resource.Quantity, as far as describe needs it: parse, add, compare, and the
// canonical String() kubectl prints (apimachinery: pkg/api/resource/quantity.go (v1.32)).

type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent'

/** An exact quantity: `num × 10^scale`, with the format its text was written in. */
export interface Quantity {
  readonly num: bigint
  readonly scale: number
  readonly format: QuantityFormat
}

// apimachinery rounds anything finer than a nano-unit up (Quantity's smallest scale)
const NANO_SCALE = -9
const DECIMAL_SUFFIXES: Record<string, number> = {n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18}
const BINARY_SUFFIXES: Record<string, number> = {Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6}
const QUANTITY_PATTERN = /^([+-]?)(\d*)(?:\.(\d*))?([a-zA-Z]*[-+]?\d*)$/
const ZERO: Quantity = {num: 0n, scale: 0, format: 'DecimalSI'}

function pow10(exponent: number): bigint {
  return 10n ** BigInt(exponent)
}

/** Parses a quantity as the API returns it (a string, or a number in loosely typed objects); undefined if malformed. */
export function parseQuantity(value: unknown): Quantity | undefined {
  const text = typeof value === 'number' ? String(value) : value
  if (typeof text !== 'string') return undefined
  const match = QUANTITY_PATTERN.exec(text.trim())
  if (!match) return undefined
  const [, sign = '', whole = '', fraction = '', suffix = ''] = match
  if (whole === '' && fraction === '') return undefined
  const unit = interpretSuffix(suffix)
  if (!unit) return undefined
  let num = BigInt(`${whole}${fraction}` || '0')
  let scale = -fraction.length
  if (unit.format === 'BinarySI') {
    num *= 1024n ** BigInt(unit.exponent)
  } else {
    scale += unit.exponent
  }
  if (scale < NANO_SCALE) {
    const divisor = pow10(NANO_SCALE - scale)
    num = (num + divisor - 1n) / divisor
    scale = NANO_SCALE
  }
  // a binary quantity between zero and one is shown as a decimal one
  const belowOne = num !== 0n && compareValue({num, scale}, {num: 1n, scale: 0}) < 0
  const format = unit.format === 'BinarySI' && belowOne ? 'DecimalSI' : unit.format
  return {num: sign === '-' ? -num : num, scale, format}
}

function interpretSuffix(suffix: string): {format: QuantityFormat; exponent: number} | undefined {
  const decimal = DECIMAL_SUFFIXES[suffix]
  if (decimal !== undefined) return {format: 'DecimalSI', exponent: decimal}
  const binary = BINARY_SUFFIXES[suffix]
  if (binary !== undefined) return {format: 'BinarySI', exponent: binary}
  const exponent = /^[eE]([-+]?\d+)$/.exec(suffix)
  if (exponent?.[1] !== undefined) return {format: 'DecimalExponent', exponent: Number(exponent[1])}
  return undefined
}

function align(a: {num: bigint; scale: number}, b: {num: bigint; scale: number}): [bigint, bigint, number] {
  const scale = Math.min(a.scale, b.scale)
  return [a.num * pow10(a.scale - scale), b.num * pow10(b.scale - scale), scale]
}

function compareValue(a: {num: bigint; scale: number}, b: {num: bigint; scale: number}): number {
  const [x, y] = align(a, b)
  return x < y ? -1 : x > y ? 1 : 0
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compareQuantities(a: Quantity, b: Quantity): number {
  return compareValue(a, b)
}

/** a + b; the sum keeps a's format unless a is zero (Quantity.Add). */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  const [x, y, scale] = align(a, b)
  return {num: x + y, scale, format: a.num === 0n ? b.format : a.format}
}

/** The zero quantity. */
export function zeroQuantity(): Quantity {
  return ZERO
}

/** A whole quantity in a format (resource.NewQuantity). */
export function newQuantity(value: bigint, format: QuantityFormat): Quantity {
  return {num: value, scale: 0, format}
}

/** The value scaled to 10^scale, rounded up (Quantity.ScaledValue). */
export function scaledValue(q: Quantity, scale: number): bigint {
  if (q.scale >= scale) return q.num * pow10(q.scale - scale)
  const divisor = pow10(scale - q.scale)
  const quotient = q.num / divisor
  return q.num % divisor > 0n ? quotient + 1n : quotient
}

function removeFactors(value: bigint, base: bigint): [bigint, number] {
  let result = value < 0n ? -value : value
  let times = 0
  while (result >= base && result % base === 0n) {
    result /= base
    times++
  }
  return [value < 0n ? -result : result, times]
}

const DECIMAL_SUFFIX_BY_EXPONENT = new Map(Object.entries(DECIMAL_SUFFIXES).map(([s, e]) => [e, s]))
const BINARY_SUFFIX_BY_EXPONENT = new Map(Object.entries(BINARY_SUFFIXES).map(([s, e]) => [e, s]))

/** The canonical text of a quantity, as Quantity.String() prints it: `500m`, `1Gi`, `1536Mi`, `2k`. */
export function formatQuantity(q: Quantity): string {
  if (q.num === 0n) return '0'
  let format = q.format
  if (format === 'BinarySI') {
    const small = compareValue(q, {num: -1024n, scale: 0}) > 0 && compareValue(q, {num: 1024n, scale: 0}) < 0
    const whole = q.scale >= 0 || q.num % pow10(-q.scale) === 0n
    if (small || !whole) format = 'DecimalSI'
  }
  if (format === 'BinarySI') {
    const [amount, exponent] = removeFactors(scaledValue(q, 0), 1024n)
    return `${amount}${BINARY_SUFFIX_BY_EXPONENT.get(exponent) ?? ''}`
  }
  const [reduced, times] = removeFactors(q.num, 10n)
  let amount = reduced
  let exponent = q.scale + times
  while (exponent % 3 !== 0) {
    amount *= 10n
    exponent--
  }
  if (format === 'DecimalExponent') return exponent === 0 ? `${amount}` : `${amount}e${exponent}`
  return `${amount}${DECIMAL_SUFFIX_BY_EXPONENT.get(exponent) ?? ''}`
}

/** Canonical text of a raw quantity value; the raw text when it does not parse. */
export function quantityString(value: unknown): string {
  const q = parseQuantity(value)
  if (q) return formatQuantity(q)
  return typeof value === 'string' ? value : '0'
}
