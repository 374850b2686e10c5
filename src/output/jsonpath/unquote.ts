/**
 * jsonpath.UnquoteExtend: strconv.Unquote that also accepts single-quoted strings, so templates can
 * write {'\t'} as well as {"\t"}. Returns undefined where Go reports "invalid syntax".
 */

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
}
const HEX_LENGTHS: Readonly<Record<string, number>> = {x: 2, u: 4, U: 8}
const MAX_CODE_POINT = 0x10ffff

/** The text of a quoted template literal, or undefined when Go's unquoting fails. */
export function unquoteExtended(quoted: string): string | undefined {
  const chars = [...quoted]
  const quote = chars[0]
  if (chars.length < 2 || quote !== chars[chars.length - 1] || (quote !== '"' && quote !== "'")) return undefined
  const body = chars.slice(1, -1)
  let text = ''
  for (let index = 0; index < body.length;) {
    const char = body[index] ?? ''
    if (char === quote) return undefined
    if (char !== '\\') {
      text += char
      index += 1
      continue
    }
    const escape = unescape(body, index + 1, quote)
    if (!escape) return undefined
    text += escape.text
    index = escape.next
  }
  return text
}

// strconv.UnquoteChar after a backslash: simple escapes, the quote itself, \x, \u, \U and octal.
function unescape(body: readonly string[], at: number, quote: string): {text: string; next: number} | undefined {
  const kind = body[at] ?? ''
  const simple = SIMPLE_ESCAPES[kind]
  if (simple !== undefined) return {text: simple, next: at + 1}
  if (kind === quote) return {text: kind, next: at + 1}
  const hexLength = HEX_LENGTHS[kind]
  if (hexLength !== undefined) {
    const digits = body.slice(at + 1, at + 1 + hexLength).join('')
    if (!new RegExp(`^[0-9a-fA-F]{${hexLength}}$`).test(digits)) return undefined
    const code = parseInt(digits, 16)
    if (kind !== 'x' && (code > MAX_CODE_POINT || (code >= 0xd800 && code <= 0xdfff))) return undefined
    return {text: String.fromCodePoint(code), next: at + 1 + hexLength}
  }
  const octal = body.slice(at, at + 3).join('')
  if (/^[0-7]{3}$/.test(octal) && parseInt(octal, 8) <= 0xff) {
    return {text: String.fromCodePoint(parseInt(octal, 8)), next: at + 3}
  }
  return undefined
}
