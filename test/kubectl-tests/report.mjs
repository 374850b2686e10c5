// What the runner prints: one block per script (PASS, or FAIL with the line, its phase, the message and
// the output that explains it) and a summary line of scripts and lines passed.

import {displayCommand} from './kubectl-binary.mjs'

const OUTPUT_LINES = 30
const INDENT = '    '

/** The first `maxLines` lines of a command's output, with a count of what was left out. */
export function trimOutput(text, maxLines = OUTPUT_LINES) {
  if (text === '') return '(empty)'
  const lines = text.replace(/\n$/, '').split('\n')
  if (lines.length <= maxLines) return lines.join('\n')
  return [...lines.slice(0, maxLines), `... (${lines.length - maxLines} more lines)`].join('\n')
}

/** One script's block. */
export function formatScriptResult(result) {
  const seconds = `${(result.durationMs / 1000).toFixed(1)}s`
  const out = []
  if (result.skipped !== undefined) {
    out.push(`SKIP ${result.name} (${result.skipped || 'skip'}; ${progress(result)}, ${seconds})`)
  } else if (result.passed) {
    out.push(`PASS ${result.name} (${progress(result)}, ${seconds})`)
  } else {
    const {failure} = result
    const where = failure.lineNumber > 0 ? `line ${failure.lineNumber} of ${result.file}` : 'setup'
    out.push(`FAIL ${result.name} at ${where}: ${progress(result)} before it (${seconds})`)
    if (failure.phase) out.push(indent(failure.phase, INDENT))
    if (failure.lineNumber > 0) out.push(`${INDENT}> ${failure.line}`)
    out.push(INDENT + failure.message)
    if (failure.detail) out.push(indent(trimOutput(failure.detail), INDENT))
    for (const command of failure.commands) out.push(...formatCommand(command))
  }
  for (const note of result.notes) out.push(`${INDENT}note: ${note}`)
  if (result.workDir) out.push(`${INDENT}work: ${result.workDir}`)
  return out.join('\n')
}

function progress(result) {
  return `${result.linesPassed} of ${result.linesTotal} lines passed`
}

function formatCommand(command) {
  const status = command.harnessError ?? (command.signal ? `killed by ${command.signal}` : `exit ${command.exitCode}`)
  return [
    `${INDENT}$ ${displayCommand(command.label, command.args)}  (${status})`,
    `${INDENT}[stdout]`,
    indent(trimOutput(command.stdout), INDENT + '  '),
    `${INDENT}[stderr]`,
    indent(trimOutput(command.stderr), INDENT + '  '),
  ]
}

function indent(text, prefix) {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n')
}

/**
 * The closing line: scripts and script lines passed. It is a report, not the project's test verdict, so it
 * avoids the bare `N passed, N failed` form that CI reads as the test runner's closing line.
 */
export function formatSummary(results, {label}) {
  const passed = results.filter((r) => r.passed && r.skipped === undefined).length
  const skipped = results.filter((r) => r.skipped !== undefined).length
  const failed = results.length - passed - skipped
  const linesPassed = results.reduce((sum, r) => sum + r.linesPassed, 0)
  const linesTotal = results.reduce((sum, r) => sum + r.linesTotal, 0)
  const skippedText = skipped > 0 ? `, ${skipped} skipped` : ''
  return `kubectl command tests with ${label}: ${passed} of ${results.length} scripts passed (${failed} failing${skippedText}); ${linesPassed} of ${linesTotal} script lines passed`
}
