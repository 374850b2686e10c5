// Go's base64.StdEncoding decoding errors, as the API server reports []byte fields (Secret data) it cannot decode.

const BASE64_ALPHABET = /[A-Za-z0-9+/]/

/**
 * The position Go's base64.StdEncoding reports for bad input ("illegal base64 data at input
 * byte N"), or undefined when the text decodes. Newlines are skipped, padding is required.
 */
export function base64ErrorOffset(text: string): number | undefined {
  let i = 0
  const isNewline = (c: string | undefined): boolean => c === '\n' || c === '\r'
  while (i < text.length) {
    let j = 0
    while (j < 4) {
      if (i === text.length) {
        if (j === 0) return undefined
        return i - j
      }
      const c = text[i] ?? ''
      i++
      if (BASE64_ALPHABET.test(c)) {
        j++
        continue
      }
      if (isNewline(c)) continue
      if (c !== '=') return i - 1
      if (j < 2) return i - 1
      if (j === 2) {
        while (i < text.length && isNewline(text[i])) i++
        if (i === text.length) return text.length
        if (text[i] !== '=') return i - 1
        i++
      }
      while (i < text.length && isNewline(text[i])) i++
      return i < text.length ? i : undefined
    }
  }
  return undefined
}
