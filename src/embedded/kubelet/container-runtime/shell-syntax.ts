/**
 * The POSIX shell subset the simulated containers understand, as a syntax tree: lists with `;`, `&&`,
 * `||`, `&`, simple commands with assignments and redirections, `while`/`until`/`for`/`if`, `{ }` and
 * `( )` groups, and words made of literal text, `$VAR`/`${VAR:-x}`, `$(...)`/backticks and `$((...))`.
 * Anything outside it throws UnsupportedScriptError: the kubelet then runs the container quietly.
 */

/** A piece of a word, before expansion. */
export type WordPart =
  | {type: 'text'; value: string; quoted: boolean}
  | {type: 'param'; name: string; quoted: boolean; op?: string; arg?: Word}
  | {type: 'command'; script: Script; quoted: boolean}
  | {type: 'arith'; expr: string; quoted: boolean}

export type Word = WordPart[]

/** `>file`, `>>file`, `2>&1`, `>/dev/null`: where a command's output goes. */
export interface Redirect {
  fd: number
  op: '>' | '>>' | '<' | '>&'
  target: Word
}

export type Command =
  | {type: 'simple'; assignments: Array<{name: string; value: Word}>; words: Word[]; redirects: Redirect[]}
  | {type: 'while'; until: boolean; condition: Script; body: Script}
  | {type: 'for'; name: string; items: Word[] | undefined; body: Script}
  | {type: 'if'; branches: Array<{condition: Script; body: Script}>; otherwise: Script | undefined}
  | {type: 'group'; body: Script}

/** `a && b || c`, optionally negated with `!`. */
export interface AndOr {
  first: Command
  negated: boolean
  rest: Array<{op: '&&' | '||'; command: Command; negated: boolean}>
}

export type Script = AndOr[]

/** A script uses a construct the interpreter does not model (pipes, case, functions, here-documents...). */
export class UnsupportedScriptError extends Error {}

type Token = {type: 'word'; word: Word; raw: string} | {type: 'op'; value: string}

const OPERATORS = ['&&', '||', ';;', '>>', '>&', '2>&1', '&>', ';', '&', '|', '(', ')', '<', '>', '\n']

/** Parses a script into its syntax tree. */
export function parseScript(source: string): Script {
  const parser = new Parser(tokenize(source))
  const script = parser.list(new Set())
  if (!parser.atEnd()) throw new UnsupportedScriptError(`unexpected "${parser.peekText()}"`)
  return script
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < source.length) {
    const c = source[i] ?? ''
    if (c === ' ' || c === '\t' || c === '\r') {
      i++
      continue
    }
    if (c === '\\' && source[i + 1] === '\n') {
      i += 2
      continue
    }
    if (c === '#') {
      while (i < source.length && source[i] !== '\n') i++
      continue
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i))
    if (op !== undefined) {
      if (op === '<' && source[i + 1] === '<') throw new UnsupportedScriptError('here-documents')
      tokens.push({type: 'op', value: op === '2>&1' ? '>&' : op})
      if (op === '2>&1') tokens.push({type: 'word', word: [{type: 'text', value: '2:1', quoted: false}], raw: '2:1'})
      i += op.length
      continue
    }
    const [word, end] = scanWord(source, i)
    // a number right before > or < is the redirected file descriptor
    const raw = source.slice(i, end)
    if (/^\d$/.test(raw) && (source[end] === '>' || source[end] === '<')) {
      tokens.push({type: 'op', value: `fd${raw}`})
    } else {
      tokens.push({type: 'word', word, raw})
    }
    i = end
  }
  return tokens
}

function isWordBreak(c: string): boolean {
  return ' \t\r\n;&|()<>'.includes(c)
}

/** Reads one word from i: quotes, escapes and expansions; returns the word and where it ends. */
function scanWord(source: string, start: number): [Word, number] {
  const parts: Word = []
  let text = ''
  let i = start
  const flush = (quoted: boolean): void => {
    if (text !== '') parts.push({type: 'text', value: text, quoted})
    text = ''
  }
  while (i < source.length && !isWordBreak(source[i] ?? '')) {
    const c = source[i] ?? ''
    if (c === '\\') {
      flush(false)
      text = source[i + 1] ?? ''
      flush(true)
      i += 2
    } else if (c === "'") {
      flush(false)
      const end = source.indexOf("'", i + 1)
      if (end < 0) throw new UnsupportedScriptError('unterminated quote')
      parts.push({type: 'text', value: source.slice(i + 1, end), quoted: true})
      i = end + 1
    } else if (c === '"') {
      flush(false)
      i = scanDoubleQuoted(source, i + 1, parts)
    } else if (c === '$' || c === '`') {
      flush(false)
      const [part, end] = scanExpansion(source, i, false)
      parts.push(part)
      i = end
    } else {
      text += c
      i++
    }
  }
  flush(false)
  return [parts, i]
}

function scanDoubleQuoted(source: string, start: number, parts: Word): number {
  let text = ''
  let i = start
  for (;;) {
    if (i >= source.length) throw new UnsupportedScriptError('unterminated quote')
    const c = source[i] ?? ''
    if (c === '"') break
    if (c === '\\' && '$`"\\\n'.includes(source[i + 1] ?? '')) {
      text += source[i + 1] === '\n' ? '' : source[i + 1]
      i += 2
    } else if ((c === '$' && /[A-Za-z_{(0-9?#@*$!-]/.test(source[i + 1] ?? '')) || c === '`') {
      if (text !== '') parts.push({type: 'text', value: text, quoted: true})
      text = ''
      const [part, end] = scanExpansion(source, i, true)
      parts.push(part)
      i = end
    } else {
      text += c
      i++
    }
  }
  // "" is an empty word, not no word
  if (text !== '' || parts.length === 0 || i === start) parts.push({type: 'text', value: text, quoted: true})
  return i + 1
}

function scanExpansion(source: string, i: number, quoted: boolean): [WordPart, number] {
  if (source[i] === '`') {
    const end = source.indexOf('`', i + 1)
    if (end < 0) throw new UnsupportedScriptError('unterminated backquote')
    return [{type: 'command', script: parseScript(source.slice(i + 1, end)), quoted}, end + 1]
  }
  const next = source[i + 1] ?? ''
  if (source.startsWith('$((', i)) {
    const end = matchingParen(source, i + 2)
    if (source[end + 1] !== ')') throw new UnsupportedScriptError('arithmetic expansion')
    return [{type: 'arith', expr: source.slice(i + 3, end), quoted}, end + 2]
  }
  if (next === '(') {
    const end = matchingParen(source, i + 1)
    return [{type: 'command', script: parseScript(source.slice(i + 2, end)), quoted}, end + 1]
  }
  if (next === '{') {
    const end = source.indexOf('}', i + 2)
    if (end < 0) throw new UnsupportedScriptError('unterminated ${')
    const body = source.slice(i + 2, end)
    const match = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?#@*$!])(:?[-=+?])?(.*)$/s.exec(body)
    if (!match) throw new UnsupportedScriptError(`\${${body}}`)
    const [, name = '', op, arg = ''] = match
    if (op === undefined && arg !== '') throw new UnsupportedScriptError(`\${${body}}`)
    const part: WordPart =
      op === undefined ? {type: 'param', name, quoted} : {type: 'param', name, quoted, op, arg: scanWord(arg, 0)[0]}
    return [part, end + 1]
  }
  const name = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?#@*$!-])/.exec(source.slice(i + 1))?.[1]
  if (name === undefined) return [{type: 'text', value: '$', quoted}, i + 1]
  return [{type: 'param', name, quoted}, i + 1 + name.length]
}

/** The index of the `)` closing the `(` at open, skipping quotes and nested parentheses. */
function matchingParen(source: string, open: number): number {
  let depth = 0
  for (let i = open; i < source.length; i++) {
    const c = source[i]
    if (c === "'") {
      i = source.indexOf("'", i + 1)
      if (i < 0) break
    } else if (c === '\\') i++
    else if (c === '(') depth++
    else if (c === ')' && --depth === 0) return i
  }
  throw new UnsupportedScriptError('unterminated $(')
}

class Parser {
  private position = 0

  constructor(private readonly tokens: Token[]) {}

  atEnd(): boolean {
    return this.position >= this.tokens.length
  }

  peekText(): string {
    const token = this.tokens[this.position]
    return token === undefined ? '' : token.type === 'op' ? token.value : token.raw
  }

  /** and-or lists separated by ; & or newlines, up to one of the stop keywords. */
  list(stops: ReadonlySet<string>): Script {
    const script: Script = []
    for (;;) {
      this.skipSeparators()
      if (this.atEnd() || stops.has(this.peekKeyword()) || this.peekOp() === ')') return script
      script.push(this.andOr())
      const op = this.peekOp()
      if (op !== ';' && op !== '&' && op !== '\n') return script
    }
  }

  private andOr(): AndOr {
    const [negated, first] = this.pipeline()
    const node: AndOr = {first, negated, rest: []}
    for (let op = this.peekOp(); op === '&&' || op === '||'; op = this.peekOp()) {
      this.position++
      while (this.peekOp() === '\n') this.position++
      const [nextNegated, command] = this.pipeline()
      node.rest.push({op, command, negated: nextNegated})
    }
    return node
  }

  private pipeline(): [boolean, Command] {
    const negated = this.peekKeyword() === '!'
    if (negated) this.position++
    const command = this.command()
    if (this.peekOp() === '|') throw new UnsupportedScriptError('pipes')
    return [negated, command]
  }

  private command(): Command {
    const keyword = this.peekKeyword()
    if (keyword === 'while' || keyword === 'until') {
      this.position++
      const condition = this.list(new Set(['do']))
      this.expectKeyword('do')
      const body = this.list(new Set(['done']))
      this.expectKeyword('done')
      return {type: 'while', until: keyword === 'until', condition, body}
    }
    if (keyword === 'for') return this.forCommand()
    if (keyword === 'if') return this.ifCommand()
    if (keyword === '{') {
      this.position++
      const body = this.list(new Set(['}']))
      this.expectKeyword('}')
      return {type: 'group', body}
    }
    if (this.peekOp() === '(') {
      this.position++
      const body = this.list(new Set())
      if (this.peekOp() !== ')') throw new UnsupportedScriptError('unterminated (')
      this.position++
      return {type: 'group', body}
    }
    if (keyword === 'case' || keyword === 'function' || keyword === 'select') throw new UnsupportedScriptError(keyword)
    return this.simple()
  }

  private forCommand(): Command {
    this.position++
    const name = this.peekKeyword()
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new UnsupportedScriptError('for loop variable')
    this.position++
    let items: Word[] | undefined
    while (this.peekOp() === '\n') this.position++
    if (this.peekKeyword() === 'in') {
      this.position++
      items = []
      for (let token = this.tokens[this.position]; token?.type === 'word'; token = this.tokens[this.position]) {
        items.push(token.word)
        this.position++
      }
    }
    this.skipSeparators()
    this.expectKeyword('do')
    const body = this.list(new Set(['done']))
    this.expectKeyword('done')
    return {type: 'for', name, items, body}
  }

  private ifCommand(): Command {
    const branches: Array<{condition: Script; body: Script}> = []
    let otherwise: Script | undefined
    let keyword = 'if'
    while (keyword === 'if' || keyword === 'elif') {
      this.position++
      const condition = this.list(new Set(['then']))
      this.expectKeyword('then')
      const body = this.list(new Set(['elif', 'else', 'fi']))
      branches.push({condition, body})
      keyword = this.peekKeyword()
    }
    if (keyword === 'else') {
      this.position++
      otherwise = this.list(new Set(['fi']))
    }
    this.expectKeyword('fi')
    return {type: 'if', branches, otherwise}
  }

  private simple(): Command {
    const assignments: Array<{name: string; value: Word}> = []
    const words: Word[] = []
    const redirects: Redirect[] = []
    for (;;) {
      const token = this.tokens[this.position]
      if (token === undefined) break
      if (token.type === 'op') {
        const redirect = this.redirect(token.value)
        if (!redirect) break
        redirects.push(redirect)
        continue
      }
      const assignment = words.length === 0 ? /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(token.raw) : null
      if (assignment?.[1] !== undefined) {
        assignments.push({name: assignment[1], value: dropPrefix(token.word, assignment[1].length + 1)})
      } else {
        words.push(token.word)
      }
      this.position++
    }
    if (assignments.length === 0 && words.length === 0 && redirects.length === 0) {
      throw new UnsupportedScriptError(`unexpected "${this.peekText()}"`)
    }
    return {type: 'simple', assignments, words, redirects}
  }

  private redirect(op: string): Redirect | undefined {
    let fd = op === '<' ? 0 : 1
    let operator = op
    if (op.startsWith('fd')) {
      fd = Number(op.slice(2))
      this.position++
      operator = this.peekOp()
    }
    if (operator === '&>') {
      fd = 1
      operator = '>'
    }
    if (operator !== '>' && operator !== '>>' && operator !== '<' && operator !== '>&') {
      if (op.startsWith('fd')) throw new UnsupportedScriptError('redirection')
      return undefined
    }
    this.position++
    const target = this.tokens[this.position]
    if (target?.type !== 'word') throw new UnsupportedScriptError('redirection without a target')
    this.position++
    return {fd, op: operator, target: target.word}
  }

  private skipSeparators(): void {
    for (let op = this.peekOp(); op === ';' || op === '\n' || op === '&'; op = this.peekOp()) this.position++
  }

  private peekOp(): string {
    const token = this.tokens[this.position]
    return token?.type === 'op' ? token.value : ''
  }

  private peekKeyword(): string {
    const token = this.tokens[this.position]
    if (token?.type !== 'word' || token.word.length !== 1 || token.word[0]?.type !== 'text' || token.word[0].quoted)
      return ''
    return token.raw
  }

  private expectKeyword(keyword: string): void {
    if (this.peekKeyword() !== keyword) throw new UnsupportedScriptError(`expected "${keyword}"`)
    this.position++
  }
}

/** The word after its first n characters of literal text (the `NAME=` of an assignment). */
function dropPrefix(word: Word, n: number): Word {
  const rest = structuredClone(word)
  let remaining = n
  while (remaining > 0 && rest.length > 0) {
    const first = rest[0]
    if (first?.type !== 'text') break
    if (first.value.length <= remaining) {
      remaining -= first.value.length
      rest.shift()
    } else {
      rest[0] = {...first, value: first.value.slice(remaining)}
      remaining = 0
    }
  }
  return rest.length === 0 ? [{type: 'text', value: '', quoted: true}] : rest
}
