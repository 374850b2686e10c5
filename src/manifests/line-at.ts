/** The 1-based line of an offset in a text, as kubectl's errors number the lines of a manifest. */
export function lineAt(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++
  return line
}
