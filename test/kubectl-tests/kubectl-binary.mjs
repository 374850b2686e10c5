// How the runner starts "kubectl": skiff's bin/run.js under this Node, or another kubectl-compatible
// binary (--kubectl). Every run is a child process with an explicit environment and empty stdin.

import {execa} from 'execa'
import process from 'node:process'

/**
 * A kubectl-compatible command line. `label` is what reports print in place of the executable;
 * `skiff` tells whether the SKIFF_* variables apply.
 */
export function skiffBinary(entry) {
  return {label: 'skiff', skiff: true, file: process.execPath, prefix: [entry]}
}

/** Another kubectl-compatible binary; a .js/.mjs/.cjs file runs under this Node. */
export function externalBinary(path) {
  if (/\.[cm]?js$/.test(path)) return {label: 'kubectl', skiff: false, file: process.execPath, prefix: [path]}
  return {label: 'kubectl', skiff: false, file: path, prefix: []}
}

/**
 * Runs the binary with `args` and reports what it showed. `harnessError` is set when the process could not
 * start or was stopped by the timeout: those fail a line whatever its `!` says.
 */
export async function runBinary(binary, args, {env, cwd, input = '', timeoutMs}) {
  const started = Date.now()
  const result = await execa(binary.file, [...binary.prefix, ...args], {
    cwd,
    env,
    extendEnv: false,
    input,
    reject: false,
    timeout: timeoutMs,
    forceKillAfterDelay: 2000,
    stripFinalNewline: false,
    encoding: 'utf8',
  })
  const durationMs = Date.now() - started
  const stdout = typeof result.stdout === 'string' ? result.stdout : ''
  const stderr = typeof result.stderr === 'string' ? result.stderr : ''
  let harnessError
  if (result.timedOut) harnessError = `timed out after ${Math.round(timeoutMs / 1000)}s`
  else if (result.exitCode === undefined && result.signal === undefined) harnessError = result.shortMessage
  const exitCode = result.exitCode ?? (result.signal ? 128 : 1)
  return {label: binary.label, args, exitCode, signal: result.signal, stdout, stderr, harnessError, durationMs}
}

/** A shell-like rendering of a command for reports: `skiff get pods -o 'jsonpath={.items[*]}'`. */
export function displayCommand(label, args) {
  return [label, ...args.map(shellQuote)].join(' ')
}

function shellQuote(word) {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word
  return `'${word.replace(/'/g, `'\\''`)}'`
}
