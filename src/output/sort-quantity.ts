/**
 * resource.ParseQuantity and Quantity.Cmp (k8s.io/apimachinery, v1.32), only as far as --sort-by
 * needs them: two strings that both parse as quantities ("500m", "1Gi", "2") compare by value.
 * Kept exact with integers; kubectl's rounding of values finer than 1n is not reproduced.
 */

/** A quantity as an exact fraction. */
interface Fraction {
  numerator: bigint
  denominator: bigint
}

const BINARY_SUFFIXES: Readonly<Record<string, bigint>> = {Ki: 10n, Mi: 20n, Gi: 30n, Ti: 40n, Pi: 50n, Ei: 60n}
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
const SUFFIX_CHARACTERS = 'eEinumkKMGTP'

/** The value of a quantity string, or undefined when resource.ParseQuantity rejects it. */
export function parseQuantity(text: string): Fraction | undefined {
  if (text.length === 0) return undefined
  if (text === '0') return {numerator: 0n, denominator: 1n}
  const parts = splitQuantity(text)
  if (!parts) return undefined
  const exponent = suffixExponent(parts.suffix)
  if (!exponent) return undefined
  const digits = BigInt(`${parts.whole}${parts.fraction}` || '0')
  let numerator = parts.negative ? -digits : digits
  let denominator = 10n ** BigInt(parts.fraction.length)
  if (exponent.base === 2) numerator *= 2n ** exponent.power
  else if (exponent.power >= 0n) numerator *= 10n ** exponent.power
  else denominator *= 10n ** -exponent.power
  return {numerator, denominator}
}

/** Quantity.Cmp: negative, zero or positive. */
export function compareQuantities(a: Fraction, b: Fraction): number {
  const left = a.numerator * b.denominator
  const right = b.numerator * a.denominator
  return left < right ? -1 : left > right ? 1 : 0
}

// parseQuantityString: sign, digits, optional fraction, then a suffix of suffix letters with an
// optional signed number (the exponent of "1e3").
function splitQuantity(text: string): {negative: boolean; whole: string; fraction: string; suffix: string} | undefined {
  const match = /^([+-]?)0*([0-9]*)(?:\.([0-9]*))?(.*)$/.exec(text)
  if (!match) return undefined
  const [, sign = '', whole = '', fraction = '', suffix = ''] = match
  // the suffix: letters from SUFFIX_CHARACTERS, then an optional sign and digits, and nothing else
  let index = 0
  while (index < suffix.length && SUFFIX_CHARACTERS.includes(suffix[index] ?? '')) index++
  if (suffix[index] === '+' || suffix[index] === '-') index++
  while (index < suffix.length && /[0-9]/.test(suffix[index] ?? '')) index++
  if (index < suffix.length) return undefined
  return {negative: sign === '-', whole, fraction, suffix}
}

function suffixExponent(suffix: string): {base: 2 | 10; power: bigint} | undefined {
  const binary = BINARY_SUFFIXES[suffix]
  if (binary !== undefined) return {base: 2, power: binary}
  const decimal = DECIMAL_SUFFIXES[suffix]
  if (decimal !== undefined) return {base: 10, power: BigInt(decimal)}
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?[0-9]+$/.test(suffix.slice(1))) {
    return {base: 10, power: BigInt(suffix.slice(1))}
  }
  return undefined
}
