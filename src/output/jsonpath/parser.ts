/**
 * kubectl's JSONPath parser (k8s.io/client-go/util/jsonpath parser.go, v1.32), rewritten as a loop
 * over the template's characters. Its quirks are kept on purpose, since users' templates rely on
 * them: `['a.b']` splits on the dot, a filter's operator is the run of `!<>=` characters, and a
 * template without braces is plain text.
 */
import {isGoPrintable} from '../../resources/go-format.js'
import {JsonPathParseError} from './errors.js'
import type {JsonPathTemplate, ListNode, SliceParam} from './nodes.js'
import {unquoteExtended} from './unquote.js'

const EOF = ''
const DICT_KEY = /^'([^']*)'$/
const SLICE = /^(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?$/
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/
const ALPHANUMERIC = /^[_\p{L}\p{Nd}]$/u
const DIGIT = /^\p{Nd}$/u
const GO_INT = /^[+-]?[0-9]+$/
const GO_FLOAT = /^[+-]?([0-9]+\.[0-9]*|\.[0-9]+)$/
const INT64_LIMIT = 2 ** 63

/** Parses a JSONPath template as kubectl does; throws JsonPathParseError with kubectl's message. */
export function parseJsonPath(template: string): JsonPathTemplate {
  return {source: template, root: new Parser(template).parse()}
}

// parseAction: the nodes of one action, parsed as if the text were wrapped in braces.
function parseAction(text: string): ListNode {
  const first = new Parser(`{${text}}`).parse().nodes[0]
  if (first?.type !== 'list') throw new JsonPathParseError(`unclosed action`)
  return first
}

class Parser {
  private readonly chars: string[]
  private readonly root: ListNode = {type: 'list', nodes: []}
  private pos = 0
  private start = 0
  private width = 0

  constructor(input: string) {
    this.chars = [...input]
  }

  parse(): ListNode {
    for (;;) {
      while (!this.hasPrefix('{')) {
        if (this.next() === EOF) {
          if (this.pos > this.start) this.root.nodes.push({type: 'text', text: this.consumeText()})
          return this.root
        }
      }
      if (this.pos > this.start) this.root.nodes.push({type: 'text', text: this.consumeText()})
      this.pos += 1
      this.consumeText()
      const action: ListNode = {type: 'list', nodes: []}
      this.root.nodes.push(action)
      this.parseInsideAction(action)
    }
  }

  private parseInsideAction(cur: ListNode): void {
    for (;;) {
      if (this.hasPrefix('}')) {
        this.pos += 1
        this.consumeText()
        return
      }
      if (this.hasPrefix('[?(')) {
        this.parseFilter(cur)
        continue
      }
      if (this.hasPrefix('..')) {
        this.parseRecursive(cur)
        continue
      }
      const char = this.next()
      if (char === EOF || char === '\r' || char === '\n') throw new JsonPathParseError('unclosed action')
      if (char === ' ' || char === '@' || char === '$') this.consumeText()
      else if (char === '[') this.parseArray(cur)
      else if (char === '"' || char === "'") this.parseQuote(cur, char)
      else if (char === '.') this.parseField(cur)
      else if (char === '+' || char === '-' || DIGIT.test(char)) {
        this.backup()
        this.parseNumber(cur)
      } else if (ALPHANUMERIC.test(char)) {
        this.backup()
        this.parseIdentifier(cur)
      } else throw new JsonPathParseError(`unrecognized character in action: ${formatCharacter(char)}`)
    }
  }

  private parseIdentifier(cur: ListNode): void {
    while (!isTerminator(this.next()));
    this.backup()
    const value = this.consumeText()
    cur.nodes.push(
      value === 'true' || value === 'false'
        ? {type: 'bool', value: value === 'true'}
        : {type: 'identifier', name: value},
    )
  }

  private parseRecursive(cur: ListNode): void {
    if (cur.nodes[cur.nodes.length - 1]?.type === 'recursive') {
      throw new JsonPathParseError('invalid multiple recursive descent')
    }
    this.pos += 2
    this.consumeText()
    cur.nodes.push({type: 'recursive'})
    if (ALPHANUMERIC.test(this.peek())) this.parseField(cur)
  }

  private parseNumber(cur: ListNode): void {
    const sign = this.peek()
    if (sign === '+' || sign === '-') this.next()
    for (;;) {
      const char = this.next()
      if (char !== '.' && !DIGIT.test(char)) break
    }
    this.backup()
    const value = this.consumeText()
    if (GO_INT.test(value) && Math.abs(Number(value)) < INT64_LIMIT) cur.nodes.push({type: 'int', value: Number(value)})
    else if (GO_INT.test(value) || GO_FLOAT.test(value)) cur.nodes.push({type: 'float', value: Number(value)})
    else throw new JsonPathParseError(`cannot parse number ${value}`)
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const char = this.next()
      if (char === EOF || char === '\n') throw new JsonPathParseError('unterminated array')
      if (char === ']') break
    }
    let text = this.consumeText().slice(1, -1)
    if (text === '*') text = ':'

    const parts = text.split(',')
    if (parts.length > 1) {
      cur.nodes.push({type: 'union', nodes: parts.map((part) => parseAction(`[${trimSpaces(part)}]`))})
      return
    }
    const key = DICT_KEY.exec(text)
    if (key) {
      cur.nodes.push(...parseAction(`.${key[1] ?? ''}`).nodes)
      return
    }
    const slice = SLICE.exec(text)
    if (!slice) throw new JsonPathParseError(`invalid array index ${text}`)
    cur.nodes.push({type: 'array', params: sliceParams([slice[1] ?? '', slice[2] ?? '', slice[3] ?? ''])})
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3
    this.consumeText()
    let begin = false
    let end = false
    let pair = ''
    for (;;) {
      const char = this.next()
      if (char === EOF || char === '\n') throw new JsonPathParseError('unterminated filter')
      if (char === '"' || char === "'") {
        if (!begin) {
          begin = true
          pair = char
        } else if (this.chars[this.pos - 2] !== '\\' && char === pair) end = true
      } else if (char === ')' && begin === end) break
    }
    if (this.next() !== ']') throw new JsonPathParseError('unclosed array expect ]')
    const text = this.consumeText().slice(0, -2)
    const comparison = FILTER.exec(text)
    if (!comparison) {
      cur.nodes.push({type: 'filter', left: parseAction(text), right: {type: 'list', nodes: []}, operator: 'exists'})
      return
    }
    const [, left = '', operator = '', right = ''] = comparison
    cur.nodes.push({type: 'filter', left: parseAction(left), right: parseAction(right), operator})
  }

  private parseQuote(cur: ListNode, quote: string): void {
    for (;;) {
      const char = this.next()
      if (char === EOF || char === '\n') throw new JsonPathParseError('unterminated quoted string')
      if (char === quote && this.chars[this.pos - 2] !== '\\') break
    }
    const value = this.consumeText()
    const text = unquoteExtended(value)
    if (text === undefined) throw new JsonPathParseError(`unquote string ${value} error invalid syntax`)
    cur.nodes.push({type: 'text', text})
  }

  private parseField(cur: ListNode): void {
    this.consumeText()
    for (;;) {
      const char = this.next()
      if (char === '\\') this.next()
      else if (isTerminator(char)) break
    }
    this.backup()
    const value = this.consumeText()
    cur.nodes.push(value === '*' ? {type: 'wildcard'} : {type: 'field', name: value.replaceAll('\\', '')})
  }

  private hasPrefix(prefix: string): boolean {
    return this.chars.slice(this.pos, this.pos + prefix.length).join('') === prefix
  }

  private next(): string {
    const char = this.chars[this.pos]
    if (char === undefined) {
      this.width = 0
      return EOF
    }
    this.width = 1
    this.pos += 1
    return char
  }

  private peek(): string {
    const char = this.next()
    this.backup()
    return char
  }

  private backup(): void {
    this.pos -= this.width
  }

  private consumeText(): string {
    const value = this.chars.slice(this.start, this.pos).join('')
    this.start = this.pos
    return value
  }
}

const UNKNOWN: SliceParam = {value: 0, known: false, derived: false}

// [start:end:step]; an index [i] is the slice [i:i+1] with a derived end, for negative indices.
function sliceParams([start, end, step]: [string, string, string]): [SliceParam, SliceParam, SliceParam] {
  const first = start === '' ? UNKNOWN : knownParam(start)
  const second = end === '' ? {value: first.value + 1, known: true, derived: true} : optionalParam(end.slice(1))
  return [first, second, step === '' ? UNKNOWN : optionalParam(step.slice(1))]
}

function optionalParam(digits: string): SliceParam {
  return digits === '' ? UNKNOWN : knownParam(digits)
}

function knownParam(digits: string): SliceParam {
  if (!GO_INT.test(digits) || Math.abs(Number(digits)) >= INT64_LIMIT) {
    throw new JsonPathParseError(`array index ${digits} is not a number`)
  }
  return {value: Number(digits), known: true, derived: false}
}

function isTerminator(char: string): boolean {
  return char === EOF || ' \t\r\n.,[]$@{}'.includes(char)
}

function trimSpaces(text: string): string {
  return text.replace(/^ +| +$/g, '')
}

// fmt's %#U: U+007E '~', without the quoted character when it is not printable.
function formatCharacter(char: string): string {
  const code = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
  return isGoPrintable(char) ? `${code} '${char}'` : code
}
