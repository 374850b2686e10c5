// How Go's fmt `%v` prints the API values some describers pass straight through.

/** A JSON object field read loosely. */
export type Fields = Record<string, unknown>

/** A nested object, or an empty one. */
export function fieldsOf(value: unknown): Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : {}
}

/** A string field (`''` when unset). */
export function str(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value)
}

/** A bool field as %v prints it. */
export function bool(value: unknown): string {
  return value === true ? 'true' : 'false'
}

/** A number field as %v prints it (0 when unset). */
export function num(value: unknown): string {
  return typeof value === 'number' ? String(value) : '0'
}

/** A []string as %v prints it: `[a b]`. */
export function list(value: unknown): string {
  return `[${(Array.isArray(value) ? value : []).map(str).join(' ')}]`
}

/** A map[string]string as %v prints it: `map[a:1 b:2]`, keys sorted. */
export function goMap(value: unknown): string {
  const fields = fieldsOf(value)
  const entries = Object.keys(fields)
    .sort()
    .map((key) => `${key}:${str(fields[key])}`)
  return `map[${entries.join(' ')}]`
}

/** A *LocalObjectReference as its generated String() prints it. */
export function localObjectReference(value: unknown): string {
  if (value === undefined || value === null) return 'nil'
  return `&LocalObjectReference{Name:${str(fieldsOf(value)['name'])},}`
}

/** A *SecretReference as its generated String() prints it. */
export function secretReference(value: unknown): string {
  if (value === undefined || value === null) return 'nil'
  const ref = fieldsOf(value)
  return `&SecretReference{Name:${str(ref['name'])},Namespace:${str(ref['namespace'])},}`
}
