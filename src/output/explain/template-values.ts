import {isJsonObject, type JsonObject} from '../../backend/object.js'

/*
 * The small part of Go's text/template semantics kubectl's explain templates lean on, for decoded JSON values:
 * what counts as true, how a value prints, how a map is ranged, and the template functions they call
 * (kubectl/pkg/explain/v2/funcs.go, v1.32).
 */

/** text/template's truth: false, 0, "", nil and empty maps and lists are false. */
export function isTruthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false
  if (Array.isArray(value)) return value.length > 0
  if (isJsonObject(value)) return Object.keys(value).length > 0
  return true
}

/** A schema-valued key of a schema, when it holds one (a map, not `true`/`false`). */
export function schemaAt(schema: JsonObject, key: string): JsonObject | undefined {
  const value = schema[key]
  return isJsonObject(value) && isTruthy(value) ? value : undefined
}

/** A map's entries in the order `range` visits them: keys sorted. */
export function sortedEntries(map: JsonObject): [string, unknown][] {
  return Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

/** The `indent` function: every line, the first included, starts with `amount` spaces. */
export function indent(amount: number, text: string): string {
  const pad = ' '.repeat(amount)
  return pad + text.replaceAll('\n', `\n${pad}`)
}

/**
 * The `resolveRef` function: a `#/...` reference looked up in the document (nil for anything else, or a
 * reference to nothing).
 */
export function resolveRef(ref: unknown, document: JsonObject): JsonObject | undefined {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined
  let current: JsonObject = document
  for (const part of decodeURIComponent(ref.slice(1)).split('/')) {
    if (part === '') continue
    const next = current[part]
    if (!isJsonObject(next)) return undefined
    current = next
  }
  return current
}

/** How `{{ value }}` prints a decoded JSON scalar (fmt's %v of float64, bool and string). */
export function goValue(value: unknown): string {
  if (typeof value === 'number') return formatFloat(value)
  if (typeof value === 'string' || typeof value === 'boolean') return String(value)
  if (value === null || value === undefined) return '<nil>'
  if (Array.isArray(value)) return `[${value.map(goValue).join(' ')}]`
  if (isJsonObject(value))
    return `map[${sortedEntries(value)
      .map(([k, v]) => `${k}:${goValue(v)}`)
      .join(' ')}]`
  return String(value)
}

// %v of a float64 is strconv's shortest 'g': an exponent below -4 or from 6 up is written as e±dd
function formatFloat(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return String(value)
  const [mantissa = '', exponent = '0'] = value.toExponential().split('e')
  const power = Number(exponent)
  if (power >= -4 && power < 6) return String(value)
  return `${mantissa}e${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`
}

/** reflect.DeepEqual on decoded JSON. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]))
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = Object.keys(a)
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]))
  }
  return false
}
