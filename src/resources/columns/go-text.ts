import {isJsonObject} from '../../backend/object.js'

/**
 * A JSON value as client-go's jsonpath prints one result: strings as they are, numbers and booleans as Go's
 * fmt prints them, maps and lists as compact JSON (Go's encoding/json: sorted keys, HTML-safe escapes).
 * Undefined for null, which jsonpath cannot print.
 */
export function jsonPathText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'string') return value
  if (typeof value === 'number') return goNumberText(value)
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  return goJson(value)
}

// Go decodes integral JSON numbers to int64 (printed in full) and the rest to float64, which %v prints in
// %g form: an exponent when it is below -4 or at least 6 (strconv's shortest-precision rule)
function goNumberText(value: number): string {
  if (Number.isSafeInteger(value)) return String(value)
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e')
  const exponent = Number(exponentText)
  if (exponent >= -4 && exponent < 6) return String(value)
  const sign = exponent < 0 ? '-' : '+'
  return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`
}

function goJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)).replace(/[<>&\u2028\u2029]/g, (char) => {
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
  })
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (!isJsonObject(value)) return value
  const sorted: Record<string, unknown> = {}
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys(value[key])
  return sorted
}
