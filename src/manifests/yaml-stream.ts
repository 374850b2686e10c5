// Splits a YAML stream into documents as apimachinery's YAMLReader does (pkg/util/yaml/decoder.go, v1.32):
// line by line, a line beginning with '---' ends the document before it, and only a comment may follow
// the three dashes. Documents are produced one at a time, so a reader holds one document's text at once.

/** One document's text; every line ends in '\n', as Go's LineReader returns them. */
export interface YamlChunk {
  readonly text: string
  /** 1-based line of the chunk's first line in the stream */
  readonly startLine: number
}

/** A separator line with content after the dashes, where kubectl's reader stops. */
export interface YamlSeparatorError {
  readonly error: string
  readonly line: number
}

const SEPARATOR = '---'

// LineReader: bufio.ReadLine drops '\r\n' as well as '\n', and every line is given back a '\n'.
function chunkText(text: string, start: number, end: number): string {
  const raw = text.slice(start, end)
  const lines = raw.includes('\r\n') ? raw.replaceAll('\r\n', '\n') : raw
  return lines.endsWith('\n') ? lines : `${lines}\n`
}

/**
 * Yields the documents of a stream in order. A bad separator ends the stream: YAMLReader returns the error in
 * place of the document it was ending, so that document is lost too, and the stream visitor stops there.
 */
export function* splitYamlDocuments(text: string): Generator<YamlChunk | YamlSeparatorError> {
  let chunkStart = 0
  let startLine = 1
  let line = 1
  for (let lineStart = 0; lineStart < text.length; line++) {
    const newline = text.indexOf('\n', lineStart)
    const next = newline < 0 ? text.length : newline + 1
    if (text.startsWith(SEPARATOR, lineStart)) {
      const rest = text.slice(lineStart + SEPARATOR.length, next).trim()
      if (rest !== '' && !rest.startsWith('#')) {
        yield {error: `invalid Yaml document separator: ${rest}`, line}
        return
      }
      if (lineStart > chunkStart) yield {text: chunkText(text, chunkStart, lineStart), startLine}
      chunkStart = next
      startLine = line + 1
    }
    lineStart = next
  }
  if (chunkStart < text.length) yield {text: chunkText(text, chunkStart, text.length), startLine}
}
