// Splits a stream of concatenated JSON values the way Go's encoding/json Decoder reads it (scanner.go and
// stream.go), so that syntax errors carry Go's words and byte offsets: `json: offset 12: invalid character
// '}' looking for beginning of object key string`, or `unexpected EOF`.

/** One JSON value of the stream, as its source text. */
export interface JsonValueText {
  readonly raw: string
  /** index of the value's first character in the stream text */
  readonly start: number
}

/** The values read before the stream ended or broke, and the break. */
export interface JsonStream {
  readonly values: readonly JsonValueText[]
  readonly error?: {readonly message: string; readonly index: number}
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

/** Reads one JSON value starting at a non-space character; returns the index just past it. */
class ValueScanner {
  constructor(private readonly text: string) {}

  private fail(i: number, context: string): never {
    throw new JsonSyntaxError(`invalid character ${quoteChar(this.char(i))} ${context}`, i)
  }

  private char(i: number): string {
    const code = this.text.codePointAt(i)
    return code === undefined ? '' : String.fromCodePoint(code)
  }

  private eof(i: number): boolean {
    return i >= this.text.length
  }

  private skipSpace(i: number): number {
    while (!this.eof(i) && isSpace(this.text[i] ?? '')) i++
    return i
  }

  // The end of the text inside a value is index -1: the stream reports it as Go's `unexpected EOF`.
  private need(i: number): string {
    if (this.eof(i)) throw new JsonSyntaxError('unexpected EOF', -1)
    return this.text[i] ?? ''
  }

  value(i: number, context = 'looking for beginning of value'): number {
    const c = this.need(i)
    if (c === '{') return this.object(i + 1)
    if (c === '[') return this.array(i + 1)
    if (c === '"') return this.string(i + 1)
    if (c === '-' || isDigit(c)) return this.number(i)
    if (c === 't') return this.literal(i, 'true')
    if (c === 'f') return this.literal(i, 'false')
    if (c === 'n') return this.literal(i, 'null')
    return this.fail(i, context)
  }

  private object(i: number): number {
    i = this.skipSpace(i)
    if (this.need(i) === '}') return i + 1
    for (;;) {
      if (this.need(i) !== '"') this.fail(i, 'looking for beginning of object key string')
      i = this.skipSpace(this.string(i + 1))
      if (this.need(i) !== ':') this.fail(i, 'after object key')
      i = this.skipSpace(this.value(this.skipSpace(i + 1)))
      const c = this.need(i)
      if (c === '}') return i + 1
      if (c !== ',') this.fail(i, 'after object key:value pair')
      i = this.skipSpace(i + 1)
    }
  }

  private array(i: number): number {
    i = this.skipSpace(i)
    if (this.need(i) === ']') return i + 1
    for (;;) {
      i = this.skipSpace(this.value(i))
      const c = this.need(i)
      if (c === ']') return i + 1
      if (c !== ',') this.fail(i, 'after array element')
      i = this.skipSpace(i + 1)
    }
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

/** Reads every JSON value of a stream, stopping at the first syntax error as json.Decoder does. */
export function scanJsonStream(text: string): JsonStream {
  const scanner = new ValueScanner(text)
  const values: JsonValueText[] = []
  let i = 0
  for (;;) {
    while (i < text.length && isSpace(text[i] ?? '')) i++
    if (i >= text.length) return {values}
    try {
      const end = scanner.value(i)
      values.push({raw: text.slice(i, end), start: i})
      i = end
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error
      if (error.index < 0) return {values, error: {message: 'unexpected EOF', index: text.length}}
      const message = `json: offset ${byteOffset(text, error.index)}: ${error.message}`
      return {values, error: {message, index: error.index}}
    }
  }
}
