/**
 * What go-yaml v2's encoder hands its emitter for each JSON value (encode.go stringv, intv, floatv,
 * nilv), and how the emitter escapes a character in a double-quoted scalar.
 */
import {formatGoFloat, isGoInt} from '../../resources/go-format.js'
import {resolvesToString} from './resolve.js'

/** The scalar styles a JSON document needs. */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal'

// a JSON integer up to 2^64 reads back as a uint64
const UINT64_LIMIT = 2 ** 64

// yaml_emitter_write_double_quoted_scalar's named escapes; other characters get \x, \u or \U
const SPECIAL_ESCAPES: Readonly<Record<number, string>> = {
  0x00: '0',
  0x07: 'a',
  0x08: 'b',
  0x09: 't',
  0x0a: 'n',
  0x0b: 'v',
  0x0c: 'f',
  0x0d: 'r',
  0x1b: 'e',
  0x22: '"',
  0x5c: '\\',
  0x85: 'N',
  0xa0: '_',
  0x2028: 'L',
  0x2029: 'P',
}

/** The scalar text and the style the encoder asks for: multi-line strings literal, strings YAML would retype quoted. */
export function scalarOf(value: unknown): [string, ScalarStyle] {
  if (value === null || value === undefined) return ['null', 'plain']
  if (typeof value === 'boolean') return [value ? 'true' : 'false', 'plain']
  if (typeof value === 'number') return [yamlNumber(value), 'plain']
  const text = String(value)
  if (text.includes('\n')) return [text, 'literal']
  return [text, resolvesToString(text) ? 'plain' : 'double']
}

// The number go-yaml reads back from the JSON text: an int, a uint, or a float in 'g' form.
function yamlNumber(value: number): string {
  if (isGoInt(value) || (Number.isInteger(value) && value > 0 && value < UINT64_LIMIT)) return BigInt(value).toString()
  if (Number.isNaN(value)) return '.nan'
  if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf'
  return formatGoFloat(value)
}

/** The escape of a character in a double-quoted scalar, after its backslash: `n`, `x01`, `uFEFF`, `U0001F600`. */
export function escapeOf(char: string): string {
  const code = char.codePointAt(0) ?? 0
  const special = SPECIAL_ESCAPES[code]
  if (special !== undefined) return special
  if (code <= 0xff) return `x${hexUpper(code, 2)}`
  if (code <= 0xffff) return `u${hexUpper(code, 4)}`
  return `U${hexUpper(code, 8)}`
}

function hexUpper(code: number, width: number): string {
  return code.toString(16).toUpperCase().padStart(width, '0')
}
