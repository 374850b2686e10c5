/** The 1-based line of an offset in a text, as kubectl's errors number the lines of a manifest. */
export function lineAt(text: string, offset: number): number {
  let line = 1
  const end = Math.min(offset, text.length)
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) line++
  return line
}

/**
 * lineAt for many offsets of one text, asked in increasing order as a reader meets them: each call counts
 * only the line breaks since the previous one, so a source of thousands of objects is not read over and over.
 */
export function createLineCounter(text: string): (offset: number) => number {
  let at = 0
  let line = 1
  return (offset) => {
    if (offset < at) [at, line] = [0, 1]
    const end = Math.min(offset, text.length)
    for (let i = text.indexOf('\n', at); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) line++
    at = Math.max(at, end)
    return line
  }
}
