import {isJsonObject} from '../../backend/object.js'

/** Go sorts map keys by their UTF-8 bytes, which is code point order, not UTF-16 order. */
function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep)
  if (!isJsonObject(value)) return value
  const sorted: Record<string, unknown> = {}
  for (const key of Object.keys(value).sort(compareKeys)) sorted[key] = sortKeysDeep(value[key])
  return sorted
}

const GO_ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
}

/**
 * JSON as Go's encoding/json writes a decoded object (json.Marshal): compact, map keys sorted, and <, >, &,
 * U+2028 and U+2029 escaped. These characters only occur inside strings, so escaping the text is safe.
 */
export function encodeGoJson(value: unknown): string {
  const text = JSON.stringify(sortKeysDeep(value)) ?? 'null'
  return text.replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPES[c] ?? c)
}
