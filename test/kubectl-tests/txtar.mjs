// Reads kubectl's testscript files: the txtar archive layout and the script line syntax.
// Mirrors github.com/rogpeppe/go-internal (txtar.Parse, testscript's parse and expand, os.Expand);
// SOURCE.md §3 in the kubectl-tests folder describes the rules this file follows.

const MARKER_START = '-- '
const MARKER_END = ' --'

/** A script line testscript would reject (an open quote, a lone `!`). */
export class ScriptSyntaxError extends Error {
  constructor(message) {
    super(message)
    this.name = 'ScriptSyntaxError'
  }
}

/**
 * Splits a txtar archive into its leading comment (the script) and its `-- name --` files.
 * txtar: a marker is a whole line `-- NAME --` with a non-empty trimmed NAME; only the last part gets a
 * final newline added when it lacks one.
 */
export function parseTxtar(text) {
  const first = findMarker(text)
  const comment = first.before
  const files = []
  let next = first
  while (next.name !== undefined) {
    const name = next.name
    next = findMarker(next.after)
    files.push({name, data: next.before})
  }
  return {comment, files}
}

function findMarker(text) {
  let i = 0
  for (;;) {
    const marker = markerAt(text, i)
    if (marker) return {before: text.slice(0, i), name: marker.name, after: marker.after}
    const j = text.indexOf('\n' + MARKER_START, i)
    if (j < 0) return {before: withFinalNewline(text), name: undefined, after: ''}
    i = j + 1
  }
}

function markerAt(text, start) {
  if (!text.startsWith(MARKER_START, start)) return undefined
  const newline = text.indexOf('\n', start)
  const end = newline < 0 ? text.length : newline
  // tolerate CRLF archives, as newer txtar versions do
  const line = text.slice(start, end).replace(/\r$/, '')
  if (!line.endsWith(MARKER_END) || line.length < MARKER_START.length + MARKER_END.length) return undefined
  const name = line.slice(MARKER_START.length, line.length - MARKER_END.length).trim()
  if (name === '') return undefined
  return {name, after: newline < 0 ? '' : text.slice(newline + 1)}
}

function withFinalNewline(text) {
  return text === '' || text.endsWith('\n') ? text : text + '\n'
}

/**
 * The lines of a script with their 1-based numbers; `comment` marks phase headings (lines starting with `#`).
 * testscript numbers lines from the top of the file, and the script is the archive's leading part.
 */
export function scriptLines(script) {
  if (script === '') return []
  const lines = script.endsWith('\n') ? script.slice(0, -1).split('\n') : script.split('\n')
  return lines.map((text, index) => ({lineNumber: index + 1, text, comment: text.startsWith('#')}))
}

/**
 * Splits one script line into words as testscript does: spaces, tabs and CR separate words, an unquoted `#`
 * ends the line, single quotes group text and turn off expansion (`''` inside quotes is one quote), and
 * `$NAME`/`${NAME}` expand in unquoted text without re-splitting. Throws ScriptSyntaxError on an open quote.
 */
export function splitScriptLine(line, getenv) {
  const words = []
  let word = ''
  let start = -1
  let quoted = false
  for (let i = 0; ; i++) {
    const c = line[i]
    if (!quoted && (i >= line.length || c === ' ' || c === '\t' || c === '\r' || c === '#')) {
      if (start >= 0) {
        words.push(word + expandVariables(line.slice(start, i), getenv))
        start = -1
        word = ''
      }
      if (i >= line.length || c === '#') return words
      continue
    }
    if (i >= line.length) throw new ScriptSyntaxError('unterminated quoted argument')
    if (c === "'") {
      if (!quoted) {
        if (start >= 0) word += expandVariables(line.slice(start, i), getenv)
        start = i + 1
        quoted = true
        continue
      }
      if (line[i + 1] === "'") {
        // 'foo''bar' is foo'bar, as in rc and Pascal
        word += line.slice(start, i)
        start = i + 1
        i++
        continue
      }
      word += line.slice(start, i)
      start = i + 1
      quoted = false
      continue
    }
    if (start < 0) start = i
  }
}

const SHELL_SPECIAL = new Set(['*', '#', '$', '@', '!', '?', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'])

/**
 * Expands `$NAME`, `${NAME}` and the one-character shell specials like Go's os.Expand; `${NAME@R}` yields
 * the value quoted for a regexp (testscript's extension). Unknown names expand to ''.
 */
export function expandVariables(text, getenv) {
  let out = ''
  let i = 0
  for (let j = 0; j < text.length; j++) {
    if (text[j] !== '$' || j + 1 >= text.length) continue
    out += text.slice(i, j)
    const {name, width} = shellName(text.slice(j + 1))
    if (name === '' && width === 0)
      out += '$' // `$` not followed by a name stays
    else if (name !== '') out += lookup(name, getenv) // name === '' && width > 0: bad syntax, eaten
    j += width
    i = j + 1
  }
  return out + text.slice(i)
}

function shellName(rest) {
  if (rest[0] === '{') {
    if (rest.length > 2 && SHELL_SPECIAL.has(rest[1]) && rest[2] === '}') return {name: rest[1], width: 3}
    const close = rest.indexOf('}', 1)
    if (close === 1) return {name: '', width: 2}
    if (close < 0) return {name: '', width: 1}
    return {name: rest.slice(1, close), width: close + 1}
  }
  if (SHELL_SPECIAL.has(rest[0])) return {name: rest[0], width: 1}
  const match = /^[A-Za-z0-9_]*/.exec(rest)
  const name = match ? match[0] : ''
  return {name, width: name.length}
}

function lookup(name, getenv) {
  if (name.endsWith('@R')) return quoteRegExp(getenv(name.slice(0, -2)) ?? '')
  return getenv(name) ?? ''
}

function quoteRegExp(text) {
  return text.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&')
}

/**
 * Reads a split line's prefixes: `[cond]` guards and a leading `!` (negation), then the command and its
 * arguments. Returns undefined for a line with no words.
 */
export function parseCommand(words) {
  const conditions = []
  let rest = [...words]
  while (rest.length > 0 && rest[0].startsWith('[') && rest[0].endsWith(']')) {
    conditions.push(rest[0].slice(1, -1).trim())
    rest = rest.slice(1)
    if (rest.length === 0) throw new ScriptSyntaxError('missing command after condition')
  }
  if (rest.length === 0) return undefined
  let negated = false
  if (rest[0] === '!') {
    negated = true
    rest = rest.slice(1)
    if (rest.length === 0) throw new ScriptSyntaxError('! on line by itself')
  }
  return {conditions, negated, name: rest[0], args: rest.slice(1)}
}
