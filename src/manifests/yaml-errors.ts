// Words a YAML syntax error the way go-yaml v2 words it for kubectl (`yaml: line 5: mapping values are not
// allowed in this context`). The `yaml` package finds the same faults but names and places them differently;
// this table maps the common ones, with go-yaml's line rule: scanner errors name the line of the fault,
// parser errors the line before it.
import type {YAMLError} from 'yaml'
import {lineAt} from './line-at.js'

/** go-yaml's message for a syntax error, and the 1-based line (within the document) it names. */
export interface GoYamlError {
  readonly message: string
  readonly line: number
}

// Where the scanner is when the document runs out: the line after the last one.
function endLine(text: string): number {
  return lineAt(text, text.length)
}

// The line of the first `key:` indicator at or after offset.
function nextMappingValueLine(text: string, offset: number): number {
  const match = /:(?=[ \t\n]|$)/g
  match.lastIndex = offset
  const found = match.exec(text)
  return lineAt(text, found ? found.index : offset)
}

// The line of the first line at or after offset that starts a block sequence entry.
function nextSequenceEntryLine(text: string, offset: number): number {
  const match = /^[ \t]*-(?=[ \t\n]|$)/gm
  match.lastIndex = text.lastIndexOf('\n', Math.max(offset - 1, 0)) + 1
  const found = match.exec(text)
  return lineAt(text, found ? found.index : offset)
}

// The line of the next token after the line holding offset (blank and comment lines skipped).
function nextContentLine(text: string, offset: number): number {
  const lines = text.split('\n')
  for (let i = lineAt(text, offset); i < lines.length; i++) {
    const line = (lines[i] ?? '').trim()
    if (line !== '' && !line.startsWith('#')) return i + 1
  }
  return endLine(text)
}

// The innermost flow collection open at offset, and whether it is waiting for a node.
function openFlow(text: string, offset: number): {close: string; waitingForNode: boolean} {
  const stack: string[] = []
  let last = ''
  let quote = ''
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text[i] ?? ''
    if (quote !== '') {
      if (c === quote) quote = ''
      continue
    }
    if (c === '"' || c === "'") quote = c
    else if (c === '#' && /\s/.test(text[i - 1] ?? ' ')) i = text.indexOf('\n', i) < 0 ? offset : text.indexOf('\n', i)
    else if (c === '[' || c === '{') stack.push(c === '[' ? ']' : '}')
    else if (c === ']' || c === '}') stack.pop()
    if (!/\s/.test(c) && c !== '#') last = c
  }
  return {close: stack.at(-1) ?? ']', waitingForNode: last === '[' || last === '{' || last === ','}
}

const indentOf = (line: string): number => line.length - line.trimStart().length

// A `key:` line straight after the entries of an indented block sequence, at the entries' column: go-yaml is
// still inside the sequence and wants another '-'.
function keyAfterSequenceLine(text: string): number | undefined {
  const lines = text.split('\n')
  const content = lines
    .map((line, i) => ({line, number: i + 1}))
    .filter(({line}) => line.trim() !== '' && !line.trim().startsWith('#'))
  for (let i = 1; i < content.length; i++) {
    const current = content[i]
    const previous = content[i - 1]
    if (current === undefined || previous === undefined) continue
    const column = indentOf(current.line)
    const isKey = /^\s*[^-\s#][^#]*?:(\s|$)/.test(current.line)
    const afterEntry = /^\s*-(\s|$)/.test(previous.line) && indentOf(previous.line) === column
    if (!isKey || !afterEntry) continue
    // the sequence is indented under its key (not an indentless sequence, which YAML allows)
    const owner = content
      .slice(0, i)
      .reverse()
      .find(({line}) => !/^\s*-(\s|$)/.test(line) && indentOf(line) <= column)
    if (owner !== undefined && indentOf(owner.line) < column) return current.number
  }
  return undefined
}

// Which message a tab at the start of a line gets depends on whether a plain scalar was being read.
function tabMessage(text: string, offset: number): string {
  const before = text.slice(0, text.lastIndexOf('\n', Math.max(offset - 1, 0)))
  const previous =
    before
      .split('\n')
      .reverse()
      .find((line) => line.trim() !== '' && !line.trim().startsWith('#')) ?? ''
  const trimmed = previous.trim()
  const endsPlainValue = /:\s+[^\s&*!|>'"#[{]/.test(trimmed) || /^-\s+[^\s&*!|>'"#[{]/.test(trimmed)
  return endsPlainValue
    ? 'found a tab character that violates indentation'
    : 'found character that cannot start any token'
}

/** Maps the first error the `yaml` package reports for a document to go-yaml's words and line. */
export function toGoYamlError(error: YAMLError, text: string): GoYamlError {
  const offset = error.pos[0]
  const line = lineAt(text, offset)
  const message = error.message
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (message.includes('block sequence'))
        return {message: 'did not find expected key', line: nextSequenceEntryLine(text, offset) - 1}
      return {message: 'mapping values are not allowed in this context', line: nextMappingValueLine(text, offset)}
    case 'BAD_INDENT':
    case 'BLOCK_IN_FLOW':
      if (error.code === 'BAD_INDENT' && !message.startsWith('Flow')) {
        const keyAfterEntries = keyAfterSequenceLine(text)
        if (keyAfterEntries !== undefined)
          return {message: "did not find expected '-' indicator", line: keyAfterEntries - 1}
        return {message: 'did not find expected key', line: line - 1}
      }
      return flowError(text, offset, line)
    case 'TAB_AS_INDENT':
      return {message: tabMessage(text, offset), line}
    case 'MISSING_CHAR':
      if (message.includes('quote')) return {message: 'found unexpected end of stream', line: endLine(text)}
      if (message.includes('Implicit map keys'))
        return {message: "could not find expected ':'", line: nextContentLine(text, offset)}
      return flowError(text, offset, line)
    case 'MULTILINE_IMPLICIT_KEY':
      return {message: "could not find expected ':'", line: nextContentLine(text, offset)}
    case 'BAD_SCALAR_START':
      return {message: 'found character that cannot start any token', line}
    case 'UNEXPECTED_TOKEN':
      return {message: 'did not find expected key', line: line - 1}
    case 'BAD_DQ_ESCAPE':
      return {message: 'found unknown escape character', line}
    default:
      return {message: message.split(' at line ')[0] ?? message, line}
  }
}

function flowError(text: string, offset: number, line: number): GoYamlError {
  const flow = openFlow(text, offset)
  const message = flow.waitingForNode
    ? 'did not find expected node content'
    : `did not find expected ',' or '${flow.close}'`
  return {message, line: line - 1}
}

/** `yaml: line N: message`, or `yaml: message` when go-yaml has no line to name. */
export function formatGoYamlError(error: GoYamlError): string {
  return error.line > 0 ? `yaml: line ${error.line}: ${error.message}` : `yaml: ${error.message}`
}
