// Splits a YAML stream into documents as apimachinery's YAMLReader does (pkg/util/yaml/decoder.go, v1.32):
// line by line, a line beginning with '---' ends the document before it, and only a comment may follow
// the three dashes.

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

/**
 * Splits a stream into document chunks, in order. A bad separator is reported in its place and then read as
 * a separator, so that the documents after it are still returned.
 */
export function splitYamlDocuments(text: string): (YamlChunk | YamlSeparatorError)[] {
  // bufio.ReadLine drops '\r\n' as well as '\n'; LineReader puts back '\n' alone
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line))
  // a trailing newline does not start another line
  if (lines.at(-1) === '') lines.pop()
  const parts: (YamlChunk | YamlSeparatorError)[] = []
  let buffer: string[] = []
  let startLine = 1
  for (const [i, line] of lines.entries()) {
    if (!line.startsWith(SEPARATOR)) {
      buffer.push(`${line}\n`)
      continue
    }
    if (buffer.length > 0) parts.push({text: buffer.join(''), startLine})
    const rest = line.slice(SEPARATOR.length).trim()
    if (rest !== '' && !rest.startsWith('#'))
      parts.push({error: `invalid Yaml document separator: ${rest}`, line: i + 1})
    buffer = []
    startLine = i + 2
  }
  if (buffer.length > 0) parts.push({text: buffer.join(''), startLine})
  return parts
}
