// Splits a stream of concatenated JSON values the way Go's encoding/json Decoder reads it (scanner.go and
// stream.go), so that syntax errors carry Go's words and byte offsets: `json: offset 12: invalid character
// '}' looking for beginning of object key string`, or `unexpected EOF`. The scanner keeps its own stack
// rather than recursing, so that any nesting ends in Go's `exceeded max depth` instead of a stack overflow.
import {KUBECTL_MAX_DEPTH, MAX_DEPTH, jsonDepthMessage} from './depth-limits.js'

/** One JSON value of the stream, as offsets into the stream text. */
export interface JsonValueText {
  readonly kind: 'value'
  /** index of the value's first character */
  readonly start: number
  /** index just past the value */
  readonly end: number
  /** where the elements of the value's top-level `items` array start, when it has one */
  readonly itemStarts: readonly number[]
}

/** Where the stream broke; nothing after it is read. */
export interface JsonStreamError {
  readonly kind: 'error'
  readonly message: string
  readonly index: number
}

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n'
const isDigit = (c: string): boolean => c >= '0' && c <= '9'
const isHex = (c: string): boolean => /^[0-9a-fA-F]$/.test(c)

/** Go's quoteChar: the offending byte as the scanner's message shows it. */
function quoteChar(c: string): string {
  if (c === "'") return `'\\''`
  if (c === '"') return `'"'`
  // Go looks at one byte: the first byte of the character's UTF-8 form
  const byte = Buffer.from(c, 'utf8')[0] ?? 0
  const named: Record<number, string> = {7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r'}
  if (named[byte] !== undefined) return `'${named[byte]}'`
  if (byte === 0x5c) return `'\\\\'`
  if (byte < 0x20 || byte === 0x7f) return `'\\x${byte.toString(16).padStart(2, '0')}'`
  if (byte >= 0x80 && byte < 0xa0) return `'\\u00${byte.toString(16).padStart(2, '0')}'`
  return `'${String.fromCharCode(byte)}'`
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message)
  }
}

// what the scanner expects next: a value, an object key, or what follows a complete value
type State = 'value' | 'key' | 'after'

/** Reads one JSON value starting at a non-space character; returns where it ends and its `items` entries. */
class ValueScanner {
  constructor(private readonly text: string) {}

  private fail(i: number, context: string): never {
    throw new JsonSyntaxError(`invalid character ${quoteChar(this.char(i))} ${context}`, i)
  }

  private char(i: number): string {
    const code = this.text.codePointAt(i)
    return code === undefined ? '' : String.fromCodePoint(code)
  }

  skipSpace(i: number): number {
    while (i < this.text.length && isSpace(this.text[i] ?? '')) i++
    return i
  }

  // The end of the text inside a value is index -1: the stream reports it as Go's `unexpected EOF`.
  private need(i: number): string {
    if (i >= this.text.length) throw new JsonSyntaxError('unexpected EOF', -1)
    return this.text[i] ?? ''
  }

  value(start: number): {end: number; itemStarts: number[]} {
    // '{' or '[' per open container; the top-level `items` array is the one opened at depth 2 after that key
    const stack: string[] = []
    let itemStarts: number[] = []
    let itemsKeyPending = false
    let inItems = false
    // skiff's limit is checked once the value is known to be well formed and within kubectl's limit
    let tooDeep: {index: number; opener: string} | undefined
    let state: State = 'value'
    let i = start
    for (;;) {
      if (state === 'value') {
        const c = this.need(i)
        if (inItems && stack.length === 2) itemStarts.push(i)
        if (c === '{' || c === '[') {
          stack.push(c)
          if (stack.length > KUBECTL_MAX_DEPTH) this.fail(i, 'exceeded max depth')
          if (stack.length > MAX_DEPTH && tooDeep === undefined) tooDeep = {index: i, opener: c}
          if (stack.length === 2 && itemsKeyPending && c === '[') [inItems, itemStarts] = [true, []]
          itemsKeyPending = false
          i = this.skipSpace(i + 1)
          const close = c === '{' ? '}' : ']'
          if (this.need(i) === close) {
            stack.pop()
            if (stack.length < 2) inItems = false
            i++
            state = 'after'
          } else state = c === '{' ? 'key' : 'value'
          continue
        }
        itemsKeyPending = false
        if (c === '"') i = this.string(i + 1)
        else if (c === '-' || isDigit(c)) i = this.number(i)
        else if (c === 't') i = this.literal(i, 'true')
        else if (c === 'f') i = this.literal(i, 'false')
        else if (c === 'n') i = this.literal(i, 'null')
        else this.fail(i, 'looking for beginning of value')
        state = 'after'
      } else if (state === 'key') {
        if (this.need(i) !== '"') this.fail(i, 'looking for beginning of object key string')
        const keyEnd = this.string(i + 1)
        // only keys of the top-level object matter; Go unescapes them, so compare the decoded key
        if (stack.length === 1) itemsKeyPending = JSON.parse(this.text.slice(i, keyEnd)) === 'items'
        i = this.skipSpace(keyEnd)
        if (this.need(i) !== ':') this.fail(i, 'after object key')
        i = this.skipSpace(i + 1)
        state = 'value'
      } else {
        if (stack.length === 0) break
        i = this.skipSpace(i)
        const c = this.need(i)
        const top = stack.at(-1)
        if (c === (top === '{' ? '}' : ']')) {
          stack.pop()
          if (stack.length < 2) inItems = false
          i++
        } else if (c === ',') {
          i = this.skipSpace(i + 1)
          state = top === '{' ? 'key' : 'value'
        } else this.fail(i, top === '{' ? 'after object key:value pair' : 'after array element')
      }
    }
    if (tooDeep !== undefined) throw new JsonSyntaxError(jsonDepthMessage(tooDeep.opener, MAX_DEPTH), tooDeep.index)
    return {end: i, itemStarts}
  }

  private string(i: number): number {
    for (;;) {
      const c = this.need(i)
      if (c === '"') return i + 1
      if (c === '\\') {
        const e = this.need(i + 1)
        if (e === 'u') {
          for (let k = 2; k < 6; k++)
            if (!isHex(this.need(i + k))) this.fail(i + k, 'in \\u hexadecimal character escape')
          i += 6
        } else if ('bfnrt\\/"'.includes(e)) i += 2
        else this.fail(i + 1, 'in string escape code')
      } else if (c < ' ') this.fail(i, 'in string literal')
      else i++
    }
  }

  // A number ends at the first character that cannot continue it; at the end of the stream it is complete.
  private number(i: number): number {
    if (this.text[i] === '-') {
      i++
      const c = this.need(i)
      if (!isDigit(c)) this.fail(i, 'in numeric literal')
    }
    if (this.text[i] === '0') i++
    else while (isDigit(this.text[i] ?? '')) i++
    if (this.text[i] === '.') {
      i++
      if (!isDigit(this.need(i))) this.fail(i, 'after decimal point in numeric literal')
      while (isDigit(this.text[i] ?? '')) i++
    }
    if (this.text[i] === 'e' || this.text[i] === 'E') {
      i++
      if (this.text[i] === '+' || this.text[i] === '-') i++
      if (!isDigit(this.need(i))) this.fail(i, 'in exponent of numeric literal')
      while (isDigit(this.text[i] ?? '')) i++
    }
    return i
  }

  private literal(i: number, word: string): number {
    for (let k = 1; k < word.length; k++)
      if (this.need(i + k) !== word[k]) this.fail(i + k, `in literal ${word} (expecting '${word[k]}')`)
    return i + word.length
  }
}

/** Go's SyntaxError.Offset: the bytes read up to and including the offending one. */
function byteOffset(text: string, index: number): number {
  return Buffer.byteLength(text.slice(0, index), 'utf8') + 1
}

/** Reads the JSON values of a stream one at a time, ending with the first syntax error as json.Decoder does. */
export function* scanJsonStream(text: string): Generator<JsonValueText | JsonStreamError> {
  const scanner = new ValueScanner(text)
  let i = scanner.skipSpace(0)
  while (i < text.length) {
    let scanned
    try {
      scanned = scanner.value(i)
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error
      if (error.index < 0) yield {kind: 'error', message: 'unexpected EOF', index: text.length}
      else
        yield {
          kind: 'error',
          message: `json: offset ${byteOffset(text, error.index)}: ${error.message}`,
          index: error.index,
        }
      return
    }
    yield {kind: 'value', start: i, end: scanned.end, itemStarts: scanned.itemStarts}
    i = scanner.skipSpace(scanned.end)
  }
}
