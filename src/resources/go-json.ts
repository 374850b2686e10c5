/**
 * Go's encoding/json Marshal and MarshalIndent of unstructured values: map keys sorted by their
 * UTF-8 bytes, `<`, `>`, `&`, U+2028 and U+2029 escaped (Go's HTML-safe default), numbers as Go
 * writes int64 and float64. kubectl's `-o json`, its jsonpath results, its last-applied annotation and
 * the documents it quotes in decode errors are written this way, and so are the apiserver's jsonpath
 * columns; it lives in resources so that every layer can use it.
 */
import {isJsonObject} from '../backend/object.js'
import {isGoInt, sortedGoKeys} from './go-format.js'

// encoding/json: HTMLEscape is on by default, and the JavaScript line terminators are escaped too.
const HTML_UNSAFE = /[<>&\u2028\u2029]/g
const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu

/** The string Go holds after decoding this one from JSON: each lone surrogate (a "\ud800" escape) is U+FFFD. */
export function replaceLoneSurrogates(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd')
}

/** Options of marshalGoJson. */
export interface GoJsonOptions {
  /** MarshalIndent's indent (kubectl uses four spaces); compact when absent */
  indent?: string
  /** Keep the keys in the object's own order instead of Go's sorted map order (typed objects) */
  keepKeyOrder?: boolean
}

/** json.Marshal (or MarshalIndent with options.indent) of an unstructured value. */
export function marshalGoJson(value: unknown, options: GoJsonOptions = {}): string {
  return encode(value, options, '')
}

// Written by hand rather than with JSON.stringify, which puts integer-like keys ("10", "9") first.
function encode(value: unknown, options: GoJsonOptions, depth: string): string {
  if (typeof value === 'string') {
    // Go writes the U+FFFD it decoded a lone surrogate to as is
    return JSON.stringify(replaceLoneSurrogates(value)).replace(HTML_UNSAFE, (char) => HTML_ESCAPES[char] ?? char)
  }
  // int64 values print exactly; JSON.stringify would round 2^62 to 4611686018427388000
  if (typeof value === 'number') return isGoInt(value) ? BigInt(value).toString() : JSON.stringify(value)
  if (typeof value === 'boolean') return JSON.stringify(value)
  if (Array.isArray(value)) {
    return wrap(
      value.map((item) => encode(item, options, depth + (options.indent ?? ''))),
      ['[', ']'],
      options,
      depth,
    )
  }
  if (isJsonObject(value)) {
    const keys = options.keepKeyOrder === true ? Object.keys(value) : sortedGoKeys(value)
    const separator = options.indent === undefined ? ':' : ': '
    const members = keys
      .filter((key) => value[key] !== undefined)
      .map(
        (key) =>
          `${encode(key, options, depth)}${separator}${encode(value[key], options, depth + (options.indent ?? ''))}`,
      )
    return wrap(members, ['{', '}'], options, depth)
  }
  return 'null'
}

function wrap(parts: string[], [open, close]: [string, string], options: GoJsonOptions, depth: string): string {
  if (parts.length === 0) return open + close
  if (options.indent === undefined) return open + parts.join(',') + close
  const inner = depth + options.indent
  return `${open}\n${inner}${parts.join(`,\n${inner}`)}\n${depth}${close}`
}

/** The JSON type word encoding/json's UnmarshalTypeError uses: 'string', 'number', 'bool', 'array', 'object'. */
export function goJsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'boolean') return 'bool'
  return typeof value === 'object' && value !== null ? 'object' : typeof value
}
