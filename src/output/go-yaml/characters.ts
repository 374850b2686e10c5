/** libyaml's character classes (yamlprivateh.go in go-yaml v2), on code points instead of UTF-8 bytes. */

/** is_printable: what may appear unescaped; tabs, C1 controls and characters above U+FFFD may not. */
export function isPrintable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0
  return (
    code === 0x0a ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff)
  )
}

/** is_break: CR, LF, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR. */
export function isBreak(char: string | undefined): boolean {
  return char === '\r' || char === '\n' || char === '\u0085' || char === '\u2028' || char === '\u2029'
}

/** is_space. */
export function isSpace(char: string | undefined): boolean {
  return char === ' '
}

/** is_blank: a space or a tab. */
export function isBlank(char: string | undefined): boolean {
  return char === ' ' || char === '\t'
}

/** is_blankz: blank, break or the end of the text. */
export function isBlankOrEnd(char: string | undefined): boolean {
  return char === undefined || char === '\0' || isBlank(char) || isBreak(char)
}
