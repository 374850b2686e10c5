// testscript's `stdout`/`stderr` take Go (RE2) regular expressions, compiled as `(?m)` + pattern.
// JavaScript's syntax is close; this rewrites the few Go forms it lacks or reads differently, and
// refuses the ones it cannot express, so that a pattern never silently means something else.

const POSIX_CLASSES = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
}

// Go's \s is ASCII whitespace only; JavaScript's adds \v and Unicode spaces
const GO_SPACE = '\\t\\n\\f\\r '

/** A Go regexp feature with no JavaScript equivalent here. */
export class GoRegExpError extends Error {
  constructor(message) {
    super(message)
    this.name = 'GoRegExpError'
  }
}

/** Compiles a Go regexp as testscript's `stdout` does: multi-line mode, unanchored. */
export function compileGoRegExp(pattern) {
  const {flags, body} = leadingFlags(pattern)
  const dotAll = flags.includes('s')
  const source = translate(body, {dotAll})
  try {
    return new RegExp(source, 'm' + flags)
  } catch (error) {
    throw new GoRegExpError(`error parsing regexp ${JSON.stringify(pattern)}: ${error.message}`)
  }
}

// `(?is)foo` at the very start becomes JavaScript flags; elsewhere inline flags are refused
function leadingFlags(pattern) {
  const match = /^\(\?([imsU]+)\)/.exec(pattern)
  if (!match) return {flags: '', body: pattern}
  const letters = match[1]
  if (letters.includes('U')) throw new GoRegExpError(`unsupported Go regexp flag U in ${JSON.stringify(pattern)}`)
  const flags = [...new Set(letters.replace('m', ''))].join('')
  return {flags, body: pattern.slice(match[0].length)}
}

function translate(pattern, {dotAll}) {
  let out = ''
  let i = 0
  while (i < pattern.length) {
    const c = pattern[i]
    if (c === '\\') {
      const {text, width} = translateEscape(pattern, i)
      out += text
      i += width
    } else if (c === '[') {
      const {text, width} = translateClass(pattern, i)
      out += text
      i += width
    } else if (c === '(' && pattern[i + 1] === '?') {
      const {text, width} = translateGroupStart(pattern, i)
      out += text
      i += width
    } else if (c === '.' && !dotAll) {
      // Go's . excludes only \n; JavaScript's also excludes \r, U+2028 and U+2029
      out += '[^\\n]'
      i++
    } else {
      out += c
      i++
    }
  }
  return out
}

function translateEscape(pattern, i) {
  const next = pattern[i + 1]
  if (next === undefined) throw new GoRegExpError('trailing backslash at end of expression')
  switch (next) {
    case 'A':
      return {text: '(?<![\\s\\S])', width: 2}
    case 'z':
      return {text: '(?![\\s\\S])', width: 2}
    case 's':
      return {text: `[${GO_SPACE}]`, width: 2}
    case 'S':
      return {text: `[^${GO_SPACE}]`, width: 2}
    case 'Q': {
      const end = pattern.indexOf('\\E', i + 2)
      const literal = end < 0 ? pattern.slice(i + 2) : pattern.slice(i + 2, end)
      return {text: escapeLiteral(literal), width: end < 0 ? pattern.length - i : end + 2 - i}
    }
    case 'p':
    case 'P':
    case 'C':
      throw new GoRegExpError(`unsupported Go regexp escape \\${next}`)
    default:
      return {text: '\\' + next, width: 2}
  }
}

function translateGroupStart(pattern, i) {
  if (pattern.startsWith('(?P<', i)) return {text: '(?<', width: 4}
  if (pattern.startsWith('(?:', i) || pattern.startsWith('(?<', i)) return {text: pattern.slice(i, i + 3), width: 3}
  throw new GoRegExpError(`unsupported Go regexp group ${JSON.stringify(pattern.slice(i, i + 6))}`)
}

// A bracket expression: [:name:] classes expand, and a ] right after [ or [^ is a literal, as in Go
function translateClass(pattern, start) {
  let i = start + 1
  let out = '['
  if (pattern[i] === '^') {
    out += '^'
    i++
  }
  if (pattern[i] === ']') {
    out += '\\]'
    i++
  }
  while (i < pattern.length && pattern[i] !== ']') {
    const posix = /^\[:(\^?)([a-z]+):\]/.exec(pattern.slice(i))
    if (posix) {
      const ranges = POSIX_CLASSES[posix[2]]
      if (ranges === undefined || posix[1] === '^')
        throw new GoRegExpError(`unsupported character class ${JSON.stringify(posix[0])}`)
      out += ranges
      i += posix[0].length
    } else if (pattern[i] === '\\') {
      if (i + 1 >= pattern.length) break
      if (pattern[i + 1] === 's') out += GO_SPACE
      else out += pattern.slice(i, i + 2)
      i += 2
    } else if (pattern[i] === '[') {
      out += '\\['
      i++
    } else {
      out += pattern[i]
      i++
    }
  }
  if (i >= pattern.length) throw new GoRegExpError(`missing closing ]: ${JSON.stringify(pattern.slice(start))}`)
  return {text: out + ']', width: i + 1 - start}
}

function escapeLiteral(text) {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')
}
