// A fast reader for the shape nearly every manifest has: block mappings and sequences whose scalars are plain,
// quoted or literal (`|`), one per line, with comments. It builds the value straight from the text with its
// own stack, without the yaml package's token tree and document, which take some twenty times the text in
// memory and most of the time of reading a large manifest. Anything else (flow collections, anchors, aliases,
// tags, folded or multi-line scalars, tabs, uneven indentation, duplicate keys, any error) makes it give up,
// and the full parser reads the document instead; the unit tests hold both readers to the same results.
import {MAX_DEPTH} from './depth-limits.js'
import {setOwn} from './set-own.js'
import {mapKeyText, resolveScalar} from './yaml-resolve.js'

/** A document read by the simple reader: the value, and offsets as the full reader gives them. */
export interface SimpleYamlValue {
  readonly value: unknown
  /** offset of the document's content */
  readonly offset: number
  /** offsets of the entries of a top-level `items` sequence */
  readonly itemOffsets: readonly number[]
}

type Container = Record<string, unknown> | unknown[]

interface Frame {
  readonly value: Container
  readonly indent: number
  /** a sequence written at its key's column, which ends at the next key of that column */
  readonly indentless: boolean
}

// a value that a following, deeper block may give: under a map key, or as a sequence entry
interface Slot {
  readonly frame: Frame
  readonly key: string | number
  /** the column the block must go beyond (a sequence may also start at a key's own column) */
  readonly indent: number
}

interface LiteralBlock {
  readonly slot: Slot
  readonly chomp: '' | '-' | '+'
  contentIndent: number | undefined
  readonly lines: string[]
  emptyRun: number
}

// Giving up: the document is read by the full parser.
class NotSimple extends Error {}

function notSimple(): never {
  throw new NotSimple()
}

// characters that YAML reads specially anywhere (line breaks go-yaml knows, tabs, byte order marks)
const UNSUPPORTED_TEXT = /[\t\r\u0085\u2028\u2029\ufeff]/
// characters that make a plain scalar something else when they come first
const INDICATORS = new Set([...'-?:,[]{}#&*!|>\'"%@`'])
// implicit keys longer than this are refused by YAML parsers; leave them to the full one
const MAX_KEY_LENGTH = 1000
const JSON_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
}

// YAML indents and separates with spaces only; other white space (U+00A0, U+3000 ...) is content
function leadingSpaces(text: string): number {
  let i = 0
  while (text.charCodeAt(i) === 0x20) i++
  return i
}

function withoutTrailingSpaces(text: string): string {
  let end = text.length
  while (end > 0 && text.charCodeAt(end - 1) === 0x20) end--
  return text.slice(0, end)
}

const isEntry = (content: string): boolean => content === '-' || content.startsWith('- ')
// what is left of a line after an indicator and its spaces holds no value
const isEmptyValue = (rest: string): boolean => rest === '' || rest.startsWith('#')

// What follows a scalar on its line: nothing, or spaces and a comment.
function isEndOfScalar(rest: string): boolean {
  return rest === '' || /^ +(#.*)?$/.test(rest)
}

function readDoubleQuoted(text: string, start: number): {value: string; end: number} {
  const parts: string[] = []
  let from = start + 1
  for (let i = from; i < text.length; i++) {
    const c = text[i]
    if (c === '"') {
      parts.push(text.slice(from, i))
      return {value: parts.join(''), end: i + 1}
    }
    if (c === '\\') {
      const escaped = JSON_ESCAPES[text[i + 1] ?? '']
      if (escaped === undefined) notSimple()
      parts.push(text.slice(from, i), escaped)
      i++
      from = i + 1
    }
  }
  return notSimple()
}

function readSingleQuoted(text: string, start: number): {value: string; end: number} {
  const parts: string[] = []
  let from = start + 1
  for (let i = from; i < text.length; i++) {
    if (text[i] !== "'") continue
    if (text[i + 1] === "'") {
      parts.push(text.slice(from, i + 1))
      i++
      from = i + 1
      continue
    }
    parts.push(text.slice(from, i))
    return {value: parts.join(''), end: i + 1}
  }
  return notSimple()
}

function readQuoted(text: string, start: number): {value: string; end: number} {
  return text[start] === '"' ? readDoubleQuoted(text, start) : readSingleQuoted(text, start)
}

/** A map key at the start of `content`: its JSON key and where its value starts. */
function readKey(content: string): {key: string; valueStart: number} | undefined {
  const first = content[0] ?? ''
  if (first === '"' || first === "'") {
    const quoted = readQuoted(content, 0)
    const colon = quoted.end + (/^ */.exec(content.slice(quoted.end))?.[0].length ?? 0)
    if (content[colon] !== ':' || (colon + 1 < content.length && content[colon + 1] !== ' ')) return undefined
    return {key: quoted.value, valueStart: colon + 1}
  }
  if (INDICATORS.has(first)) return undefined
  const spaced = content.indexOf(': ')
  const colon = spaced >= 0 ? spaced : content.endsWith(':') ? content.length - 1 : -1
  if (colon <= 0) return undefined
  const text = withoutTrailingSpaces(content.slice(0, colon))
  if (text.length > MAX_KEY_LENGTH || text.includes(' #') || text === '<<') notSimple()
  const key = mapKeyText(resolveScalar('', text))
  return key === undefined ? notSimple() : {key, valueStart: colon + 1}
}

/** A scalar value, or the chomping of a literal block that starts here. */
function readValue(text: string): {value: unknown} | {literal: '' | '-' | '+'} {
  const first = text[0] ?? ''
  if (first === '"' || first === "'") {
    const quoted = readQuoted(text, 0)
    return isEndOfScalar(text.slice(quoted.end)) ? {value: quoted.value} : notSimple()
  }
  if (first === '|') {
    const header = /^\|([-+]?)( +#.*| *)$/.exec(text)
    return header ? {literal: header[1] as '' | '-' | '+'} : notSimple()
  }
  if (INDICATORS.has(first) && !(first === '-' && text.length > 1 && text[1] !== ' ')) notSimple()
  const comment = text.indexOf(' #')
  const plain = withoutTrailingSpaces(comment >= 0 ? text.slice(0, comment) : text)
  if (plain.includes(': ') || plain.endsWith(':')) notSimple()
  return {value: resolveScalar('', plain).value}
}

class SimpleReader {
  private readonly stack: Frame[] = []
  private root: Frame | undefined
  private rootOffset = 0
  private slot: Slot | undefined
  private literal: LiteralBlock | undefined
  // the top-level `items` sequence, and where its entries start
  private items: unknown[] | undefined
  private readonly itemOffsets: number[] = []

  result(): SimpleYamlValue {
    if (this.literal) this.endLiteral()
    if (this.root === undefined) return notSimple()
    return {value: this.root.value, offset: this.rootOffset, itemOffsets: this.items ? this.itemOffsets : []}
  }

  /** Reads one line (without its '\n') starting at `offset`. */
  line(line: string, offset: number): void {
    if (this.literal && this.addToLiteral(line)) return
    const indent = leadingSpaces(line)
    const content = line.slice(indent)
    if (content === '' || content.startsWith('#')) return
    if (indent === 0 && (content.startsWith('...') || content.startsWith('%') || content.startsWith('---'))) notSimple()
    this.openSlot(content, indent)
    this.closeFrames(content, indent)
    const top = this.stack.at(-1)
    if (top === undefined) {
      if (this.root !== undefined) notSimple()
      this.root = this.push(isEntry(content) ? [] : {}, indent, false)
      this.rootOffset = offset + indent
      this.place(this.root, content, indent, offset)
    } else if (top.indent === indent) this.place(top, content, indent, offset)
    else notSimple()
  }

  // A line deeper than a key or entry left without a value gives it a block: a mapping or a sequence.
  private openSlot(content: string, indent: number): void {
    const slot = this.slot
    if (slot === undefined) return
    this.slot = undefined
    const entry = isEntry(content)
    const indentless = entry && indent === slot.indent && typeof slot.key === 'string'
    if (indent <= slot.indent && !indentless) return
    if (!entry && readKey(content) === undefined) notSimple()
    const frame = this.push(entry ? [] : {}, indent, indentless)
    this.assign(slot, frame.value)
  }

  private closeFrames(content: string, indent: number): void {
    for (let top = this.stack.at(-1); top !== undefined; top = this.stack.at(-1)) {
      const endsIndentless = top.indentless && top.indent === indent && !isEntry(content)
      if (top.indent <= indent && !endsIndentless) return
      this.stack.pop()
    }
  }

  private push(value: Container, indent: number, indentless: boolean): Frame {
    if (this.stack.length >= MAX_DEPTH) notSimple()
    const frame: Frame = {value, indent, indentless}
    this.stack.push(frame)
    return frame
  }

  private assign(slot: Slot, value: unknown): void {
    const {frame, key} = slot
    if (Array.isArray(frame.value)) frame.value[key as number] = value
    else setOwn(frame.value, key as string, value)
    if (frame === this.root && key === 'items' && Array.isArray(value)) this.items = value
  }

  // One line's content in the frame whose column it starts at; "- key: v" and "- - v" open frames in place.
  private place(start: Frame, startContent: string, startIndent: number, offset: number): void {
    let frame = start
    let content = startContent
    let indent = startIndent
    for (;;) {
      if (!Array.isArray(frame.value)) return this.placeKey(frame, frame.value, content, indent)
      if (!isEntry(content)) notSimple()
      const rest = content.slice(1 + leadingSpaces(content.slice(1)))
      const restIndent = indent + (content.length - rest.length)
      const slot: Slot = {frame, key: frame.value.length, indent}
      if (frame.value === this.items) {
        // an empty entry of items has an offset of its own in the full parser; leave it to that one
        if (isEmptyValue(rest)) notSimple()
        this.itemOffsets.push(offset + restIndent)
      }
      if (isEmptyValue(rest)) {
        frame.value.push(null)
        this.slot = slot
        return
      }
      if (isEntry(rest) || readKey(rest) !== undefined) {
        const nested = this.push(isEntry(rest) ? [] : {}, restIndent, false)
        frame.value.push(nested.value)
        ;[frame, content, indent] = [nested, rest, restIndent]
        continue
      }
      frame.value.push(null)
      return this.placeValue(slot, rest)
    }
  }

  private placeKey(frame: Frame, map: Record<string, unknown>, content: string, indent: number): void {
    const key = readKey(content) ?? notSimple()
    if (Object.hasOwn(map, key.key)) notSimple()
    setOwn(map, key.key, null)
    const rest = content.slice(key.valueStart + leadingSpaces(content.slice(key.valueStart)))
    const slot: Slot = {frame, key: key.key, indent}
    if (isEmptyValue(rest)) this.slot = slot
    else this.placeValue(slot, rest)
  }

  private placeValue(slot: Slot, text: string): void {
    const read = readValue(text)
    if ('value' in read) this.assign(slot, read.value)
    else this.literal = {slot, chomp: read.literal, contentIndent: undefined, lines: [], emptyRun: 0}
  }

  /** Takes a line into the open literal block; false when the line ends it (and is read as usual). */
  private addToLiteral(line: string): boolean {
    const block = this.literal
    if (block === undefined) return false
    if (line === '') {
      block.emptyRun++
      return true
    }
    const indent = leadingSpaces(line)
    // lines of spaces only have rules of their own; leave them to the full parser
    if (indent === line.length) notSimple()
    if (block.contentIndent === undefined && indent > block.slot.indent) block.contentIndent = indent
    if (block.contentIndent === undefined || indent < block.contentIndent) {
      this.endLiteral()
      return false
    }
    for (; block.emptyRun > 0; block.emptyRun--) block.lines.push('')
    block.lines.push(line.slice(block.contentIndent))
    return true
  }

  private endLiteral(): void {
    const block = this.literal
    if (block === undefined) return
    this.literal = undefined
    if (block.lines.length === 0) notSimple()
    const body = block.lines.join('\n')
    const value =
      block.chomp === '-' ? body : block.chomp === '+' ? `${body}\n${'\n'.repeat(block.emptyRun)}` : `${body}\n`
    this.assign(block.slot, value)
  }
}

/**
 * Reads a document of the simple shape, or returns undefined for anything else. The text is one document
 * whose lines all end in '\n', as the stream splitter gives them.
 */
export function readSimpleYaml(text: string): SimpleYamlValue | undefined {
  if (UNSUPPORTED_TEXT.test(text)) return undefined
  const reader = new SimpleReader()
  try {
    for (let start = 0; start < text.length;) {
      const end = text.indexOf('\n', start)
      const stop = end < 0 ? text.length : end
      reader.line(text.slice(start, stop), start)
      start = stop + 1
    }
    return reader.result()
  } catch (error) {
    if (error instanceof NotSimple) return undefined
    throw error
  }
}
