/**
 * YAML as kubectl writes it: sigs.k8s.io/yaml turns the object's JSON into go-yaml v2 values and
 * marshals them with libyaml's emitter (v1.32). This is a port of the parts of that emitter a JSON
 * document reaches: block mappings and sequences (a sequence under a key is not indented), empty
 * collections in flow style, and the plain, single-quoted, double-quoted and literal scalar writers
 * with their folding of long lines at 80 columns. Written by hand because no JavaScript YAML library
 * chooses quoting styles and folds lines the way libyaml does.
 */
import {isJsonObject} from '../../backend/object.js'
import {isBreak, isPrintable, isSpace} from './characters.js'
import {compareYamlKeys} from './key-order.js'
import {analyzeScalar} from './scalar-analysis.js'
import type {ScalarStyle} from './scalar-text.js'
import {escapeOf, scalarOf} from './scalar-text.js'

// libyaml defaults kept by go-yaml v2: two-space indentation, folding past column 80.
const BEST_INDENT = 2
const BEST_WIDTH = 80
// yaml_emitter_check_simple_key: longer keys are written as `? key`.
const MAX_SIMPLE_KEY_LENGTH = 128

// The parts of libyaml's node context that matter here: inside a mapping, and as a simple key.
interface NodeContext {
  mapping: boolean
  simpleKey: boolean
}

/** One YAML document for a JSON value, ending with a newline, as sigs.k8s.io/yaml.Marshal writes it. */
export function encodeYamlDocument(value: unknown): string {
  return new Emitter().document(value)
}

class Emitter {
  private output = ''
  private column = 0
  private indent = -1
  private readonly indents: number[] = []
  private whitespace = true
  private indention = true
  private context: NodeContext = {mapping: false, simpleKey: false}

  document(value: unknown): string {
    this.node(value, {mapping: false, simpleKey: false})
    this.writeIndent()
    return this.output
  }

  private node(value: unknown, context: NodeContext): void {
    this.context = context
    if (Array.isArray(value)) {
      if (value.length === 0) this.emptyFlowCollection('[', ']')
      else this.blockSequence(value)
    } else if (isJsonObject(value)) {
      const keys = Object.keys(value).sort(compareYamlKeys)
      const present = keys.filter((key) => value[key] !== undefined)
      if (present.length === 0) this.emptyFlowCollection('{', '}')
      else this.blockMapping(value, present)
    } else {
      this.scalar(...scalarOf(value))
    }
  }

  private blockSequence(items: readonly unknown[]): void {
    // a sequence that is a mapping's value stays at the key's indentation
    this.increaseIndent({flow: false, indentless: this.context.mapping && !this.indention})
    for (const item of items) {
      this.writeIndent()
      this.writeIndicator('-', {needWhitespace: true, isWhitespace: false, isIndention: true})
      this.node(item, {mapping: false, simpleKey: false})
    }
    this.popIndent()
  }

  private blockMapping(map: Readonly<Record<string, unknown>>, keys: readonly string[]): void {
    this.increaseIndent({flow: false, indentless: false})
    for (const key of keys) {
      this.writeIndent()
      if (isSimpleKey(key)) {
        this.node(key, {mapping: true, simpleKey: true})
        this.writeIndicator(':', {needWhitespace: false, isWhitespace: false, isIndention: false})
      } else {
        this.writeIndicator('?', {needWhitespace: true, isWhitespace: false, isIndention: true})
        this.node(key, {mapping: true, simpleKey: false})
        this.writeIndent()
        this.writeIndicator(':', {needWhitespace: true, isWhitespace: false, isIndention: true})
      }
      this.node(map[key], {mapping: true, simpleKey: false})
    }
    this.popIndent()
  }

  private emptyFlowCollection(open: string, close: string): void {
    this.writeIndicator(open, {needWhitespace: true, isWhitespace: true, isIndention: false})
    this.increaseIndent({flow: true, indentless: false})
    this.popIndent()
    this.writeIndicator(close, {needWhitespace: false, isWhitespace: false, isIndention: false})
  }

  private scalar(text: string, requested: ScalarStyle): void {
    const chars = [...text]
    const style = this.selectStyle(chars, requested)
    this.increaseIndent({flow: true, indentless: false})
    const allowBreaks = !this.context.simpleKey
    if (style === 'plain') this.writePlain(chars, allowBreaks)
    else if (style === 'single') this.writeSingleQuoted(chars, allowBreaks)
    else if (style === 'double') this.writeDoubleQuoted(chars, allowBreaks)
    else this.writeLiteral(chars)
    this.popIndent()
  }

  // yaml_emitter_select_scalar_style; scalars are never inside a flow collection here (only empty ones are written)
  private selectStyle(chars: readonly string[], requested: ScalarStyle): ScalarStyle {
    const analysis = analyzeScalar(chars)
    let style = requested
    if (this.context.simpleKey && analysis.multiline) style = 'double'
    if (style === 'plain' && (!analysis.blockPlainAllowed || (chars.length === 0 && this.context.simpleKey))) {
      style = 'single'
    }
    if (style === 'single' && !analysis.singleQuotedAllowed) style = 'double'
    if (style === 'literal' && (!analysis.blockAllowed || this.context.simpleKey)) style = 'double'
    return style
  }

  private writePlain(chars: readonly string[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ')
    let spaces = false
    let breaks = false
    chars.forEach((char, index) => {
      if (isSpace(char)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && !isSpace(chars[index + 1])) this.writeIndent()
        else this.put(char)
        spaces = true
      } else if (isBreak(char)) {
        if (!breaks && char === '\n') this.putBreak()
        this.writeBreak(char)
        this.indention = true
        breaks = true
      } else {
        if (breaks) this.writeIndent()
        this.put(char)
        this.indention = false
        spaces = false
        breaks = false
      }
    })
    this.whitespace = false
    this.indention = false
  }

  private writeSingleQuoted(chars: readonly string[], allowBreaks: boolean): void {
    this.writeIndicator("'", {needWhitespace: true, isWhitespace: false, isIndention: false})
    let spaces = false
    let breaks = false
    chars.forEach((char, index) => {
      if (isSpace(char)) {
        const inside = index > 0 && index < chars.length - 1
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && inside && !isSpace(chars[index + 1]))
          this.writeIndent()
        else this.put(char)
        spaces = true
      } else if (isBreak(char)) {
        if (!breaks && char === '\n') this.putBreak()
        this.writeBreak(char)
        this.indention = true
        breaks = true
      } else {
        if (breaks) this.writeIndent()
        if (char === "'") this.put("'")
        this.put(char)
        this.indention = false
        spaces = false
        breaks = false
      }
    })
    this.writeIndicator("'", {needWhitespace: false, isWhitespace: false, isIndention: false})
    this.whitespace = false
    this.indention = false
  }

  private writeDoubleQuoted(chars: readonly string[], allowBreaks: boolean): void {
    this.writeIndicator('"', {needWhitespace: true, isWhitespace: false, isIndention: false})
    let spaces = false
    // go-yaml v2's is_bom looks at the start of the value, not at the current character: once a value
    // starts with a BOM, every character of it is escaped
    const startsWithBom = chars[0] === '\ufeff'
    chars.forEach((char, index) => {
      if (!isPrintable(char) || startsWithBom || isBreak(char) || char === '"' || char === '\\') {
        this.put(`\\${escapeOf(char)}`)
        spaces = false
      } else if (isSpace(char)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && index > 0 && index < chars.length - 1) {
          this.writeIndent()
          // a space that starts the next line would be folded away, so it is escaped
          if (isSpace(chars[index + 1])) this.put('\\')
        } else this.put(char)
        spaces = true
      } else {
        this.put(char)
        spaces = false
      }
    })
    this.writeIndicator('"', {needWhitespace: false, isWhitespace: false, isIndention: false})
    this.whitespace = false
    this.indention = false
  }

  private writeLiteral(chars: readonly string[]): void {
    this.writeIndicator('|', {needWhitespace: true, isWhitespace: false, isIndention: false})
    this.writeBlockScalarHints(chars)
    this.putBreak()
    this.indention = true
    this.whitespace = true
    let breaks = true
    for (const char of chars) {
      if (isBreak(char)) {
        this.writeBreak(char)
        this.indention = true
        breaks = true
      } else {
        if (breaks) this.writeIndent()
        this.put(char)
        this.indention = false
        breaks = false
      }
    }
  }

  // The indentation indicator for text starting with a space or break, then the chomping indicator.
  private writeBlockScalarHints(chars: readonly string[]): void {
    const first = chars[0]
    if (isSpace(first) || isBreak(first)) {
      this.writeIndicator(String(BEST_INDENT), {needWhitespace: false, isWhitespace: false, isIndention: false})
    }
    const last = chars[chars.length - 1]
    let chomp = ''
    if (!isBreak(last)) chomp = '-'
    else if (chars.length === 1 || isBreak(chars[chars.length - 2])) chomp = '+'
    if (chomp !== '') this.writeIndicator(chomp, {needWhitespace: false, isWhitespace: false, isIndention: false})
  }

  private increaseIndent({flow, indentless}: {flow: boolean; indentless: boolean}): void {
    this.indents.push(this.indent)
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0
    else if (!indentless) this.indent += BEST_INDENT
  }

  private popIndent(): void {
    this.indent = this.indents.pop() ?? -1
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0)
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak()
    while (this.column < indent) this.put(' ')
    this.whitespace = true
    this.indention = true
  }

  private writeIndicator(
    indicator: string,
    {needWhitespace, isWhitespace, isIndention}: {needWhitespace: boolean; isWhitespace: boolean; isIndention: boolean},
  ): void {
    if (needWhitespace && !this.whitespace) this.put(' ')
    this.put(indicator)
    this.whitespace = isWhitespace
    this.indention = this.indention && isIndention
  }

  // put/write: one output column per character, however many bytes it takes
  private put(text: string): void {
    this.output += text
    this.column += [...text].length
  }

  private putBreak(): void {
    this.output += '\n'
    this.column = 0
  }

  private writeBreak(char: string): void {
    if (char === '\n') {
      this.putBreak()
      return
    }
    this.output += char
    this.column = 0
  }
}

function isSimpleKey(key: string): boolean {
  return Buffer.byteLength(key, 'utf8') <= MAX_SIMPLE_KEY_LENGTH && !analyzeScalar([...key]).multiline
}
