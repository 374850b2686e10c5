// unicode.IsSpace, less the no-break space that go-wordwrap keeps inside words
const SPACE = /^[\t\n\v\f\r \u0085\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u

/**
 * Wraps text at `limit` characters on white space, as github.com/mitchellh/go-wordwrap's WrapString (v1.0.1,
 * which kubectl's explain templates use through term.NewWordWrapWriter): existing line breaks are kept, a run of
 * spaces that a break replaces is dropped, and a word longer than the limit stays whole on a line of its own.
 */
export function wrapWords(text: string, limit: number): string {
  let out = ''
  let current = 0
  let word = ''
  let wordLength = 0
  let space = ''
  let spaceLength = 0
  const flush = (): void => {
    current += spaceLength + wordLength
    out += space + word
    space = ''
    spaceLength = 0
    word = ''
    wordLength = 0
  }
  for (const char of text) {
    if (char === '\n') {
      if (wordLength === 0) {
        if (current + spaceLength <= limit) out += space
        space = ''
        spaceLength = 0
      } else flush()
      out += '\n'
      current = 0
    } else if (SPACE.test(char)) {
      if (spaceLength === 0 || wordLength > 0) flush()
      space += char
      spaceLength++
    } else {
      word += char
      wordLength++
      if (current + spaceLength + wordLength > limit && wordLength < limit) {
        out += '\n'
        current = 0
        space = ''
        spaceLength = 0
      }
    }
  }
  if (wordLength === 0) {
    if (current + spaceLength <= limit) out += space
  } else out += space + word
  return out
}
