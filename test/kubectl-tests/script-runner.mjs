// Runs one testscript line by line, as go-internal's testscript does with cmd_test.go's custom
// commands: `kubectl` and `kube-retry` run the binary in $KUBE_ROOT; the built-ins used by kubectl's
// scripts (stdout, stderr, cp, cmp, env, ...) act on $WORK. The first failing line stops the script.

import {constants} from 'node:fs'
import {access, copyFile, mkdir, readFile, rm, stat, writeFile} from 'node:fs/promises'
import {basename, delimiter, isAbsolute, join} from 'node:path'
import process from 'node:process'
import {setTimeout as sleep} from 'node:timers/promises'
import {processEnvironment} from './environment.mjs'
import {compileGoRegExp} from './go-regexp.mjs'
import {displayCommand, runBinary} from './kubectl-binary.mjs'
import {expandVariables, parseCommand, scriptLines, splitScriptLine} from './txtar.mjs'

// cmd_test.go cmdRetry tries 10 times and sleeps i*500ms (at most 3s) between tries; skiff catches up
// on every call, so shorter sleeps lose nothing and keep a failing run quick
const RETRY_TRIES = 10
const RETRY_STEP_MS = 100
const RETRY_MAX_SLEEP_MS = 1000
const PHASE_LINES = 3

/** A script line that failed; `command` is the run whose output explains it. */
class LineFailure extends Error {
  constructor(message, {command, detail} = {}) {
    super(message)
    this.name = 'LineFailure'
    this.command = command
    this.detail = detail
  }
}

/** How many lines of a script are commands (not comments or blank): the denominator of progress. */
export function countCommandLines(script) {
  let count = 0
  for (const line of scriptLines(script)) {
    if (line.comment) continue
    try {
      if (splitScriptLine(line.text, () => '').length > 0) count++
    } catch {
      count++ // a syntax error is a line that will fail
    }
  }
  return count
}

/**
 * Runs a script's lines in a prepared $WORK against a prepared cluster.
 * Returns {passed, skipped, linesPassed, failure}; `log` receives the transcript when verbose.
 */
export async function runScriptLines({script, binary, scriptEnv, work, kubeRoot, timeoutMs, verbose, log}) {
  const state = {
    env: new Map(scriptEnv),
    cd: work,
    stdout: '',
    stderr: '',
    lastCommand: undefined,
    stopped: false,
    skipped: undefined,
    binary,
    kubeRoot,
    timeoutMs,
    verbose,
    log,
  }
  let linesPassed = 0
  // the comment block before a group of lines names its phase; reports show its last lines
  let phase = []
  let inComments = false
  for (const line of scriptLines(script)) {
    if (line.comment) {
      phase = inComments ? [...phase, line.text] : [line.text]
      inComments = true
      if (verbose) log(line.text)
      continue
    }
    inComments = false
    let command
    try {
      command = parseCommand(splitScriptLine(line.text, (name) => state.env.get(name)))
    } catch (error) {
      return failed(line, phase, linesPassed, new LineFailure(error.message), state)
    }
    if (command === undefined) continue
    if (verbose) log(`> ${line.text}`)
    if (!(await conditionsHold(command.conditions))) {
      linesPassed++
      continue
    }
    try {
      await runCommand(state, command)
    } catch (error) {
      // a bug of the runner fails this script with its stack rather than stopping every other script
      const failure = error instanceof LineFailure ? error : new LineFailure(`runner error: ${error?.stack ?? error}`)
      if (verbose) log(`FAIL: line ${line.lineNumber}: ${failure.message}`)
      return failed(line, phase, linesPassed, failure, state)
    }
    linesPassed++
    if (state.stopped || state.skipped !== undefined) break
  }
  return {passed: true, skipped: state.skipped, linesPassed, failure: undefined}
}

function failed(line, phase, linesPassed, error, state) {
  return {
    passed: false,
    skipped: undefined,
    linesPassed,
    failure: {
      lineNumber: line.lineNumber,
      line: line.text,
      phase: phase.slice(-PHASE_LINES).join('\n'),
      message: error.message,
      detail: error.detail,
      commands: [error.command ?? state.lastCommand].filter((command) => command !== undefined),
    },
  }
}

async function runCommand(state, {negated, name, args}) {
  const builtin = Object.hasOwn(BUILTINS, name) ? BUILTINS[name] : undefined
  if (builtin === undefined) throw new LineFailure(`unknown command ${JSON.stringify(name)}`)
  await builtin(state, negated, args)
}

const BUILTINS = {
  kubectl: cmdKubectl,
  'kube-retry': cmdKubeRetry,
  stdout: (state, negated, args) => scriptMatch(state, negated, args, state.stdout, 'stdout'),
  stderr: (state, negated, args) => scriptMatch(state, negated, args, state.stderr, 'stderr'),
  grep: cmdGrep,
  cmp: (state, negated, args) => cmdCmp(state, negated, args, {expand: false}),
  cmpenv: (state, negated, args) => cmdCmp(state, negated, args, {expand: true}),
  cp: cmdCp,
  env: cmdEnv,
  cd: cmdCd,
  exists: cmdExists,
  mkdir: cmdMkdir,
  rm: cmdRm,
  stop: cmdStop,
  skip: cmdSkip,
}

// cmd_test.go cmdKubectl: runs in $KUBE_ROOT; `delete` without any --wait* flag gets --wait=false;
// `> FILE` sends stdout to a file under $WORK; stdout and stderr become the lines' "last output"
async function cmdKubectl(state, negated, args) {
  let kubectlArgs = args
  let redirect
  const arrow = args.indexOf('>')
  if (arrow >= 0 && arrow + 1 < args.length) {
    redirect = args[arrow + 1]
    kubectlArgs = args.slice(0, arrow)
  }
  if (args[0] === 'delete' && !args.some((arg) => arg.startsWith('--wait')))
    kubectlArgs = [...kubectlArgs, '--wait=false']

  const result = await runKubectl(state, kubectlArgs)
  state.lastCommand = result
  if (redirect === undefined) state.stdout = result.stdout
  else {
    state.stdout = ''
    await guard(writeFile(absolute(state, redirect), result.stdout))
  }
  state.stderr = result.stderr
  if (result.harnessError) throw new LineFailure(`could not run ${result.label}: ${result.harnessError}`)
  if (negated && result.exitCode === 0) throw new LineFailure(`${result.label} succeeded unexpectedly`)
  if (!negated && result.exitCode !== 0) throw new LineFailure(`${result.label} failed: exit status ${result.exitCode}`)
}

// cmd_test.go cmdRetry: `kubectl get <words of arg 1> -o jsonpath=<arg 2>` until it succeeds with the
// trimmed stdout equal to arg 3; it never replaces the last output seen by stdout/stderr lines
async function cmdKubeRetry(state, negated, args) {
  if (args.length < 3) throw new LineFailure('usage: kube-retry <resource> <jsonpath> <expected> [timeout-seconds]')
  const [resource, jsonpath, expected] = args
  const getArgs = ['get', ...resource.split(/\s+/).filter((word) => word !== ''), '-o', `jsonpath=${jsonpath}`]
  let last
  for (let i = 0; i < RETRY_TRIES; i++) {
    last = await runKubectl(state, getArgs)
    if (last.harnessError) throw new LineFailure(`could not run ${last.label}: ${last.harnessError}`, {command: last})
    const actual = last.stdout.trim()
    if (state.verbose)
      state.log(
        `kube-retry attempt ${i + 1}: expected=${JSON.stringify(expected)} actual=${JSON.stringify(actual)} exit=${last.exitCode}`,
      )
    if (last.exitCode === 0 && actual === expected) {
      if (negated)
        throw new LineFailure(`kube-retry: got unexpected match ${JSON.stringify(actual)} after ${i + 1} tries`, {
          command: last,
        })
      return
    }
    if (i + 1 < RETRY_TRIES) await sleep(Math.min(i * RETRY_STEP_MS, RETRY_MAX_SLEEP_MS))
  }
  if (negated) return
  throw new LineFailure(
    `kube-retry: timed out waiting for ${resource} jsonpath=${jsonpath} to equal ${JSON.stringify(expected)} (last value ${JSON.stringify(last.stdout.trim())})`,
    {command: last},
  )
}

async function runKubectl(state, args) {
  const env = processEnvironment(state.env, state.kubeRoot)
  const result = await runBinary(state.binary, args, {env, cwd: state.kubeRoot, timeoutMs: state.timeoutMs})
  if (state.verbose) logResult(state.log, result)
  return result
}

function logResult(log, result) {
  log(
    `$ ${displayCommand(result.label, result.args)}  [exit ${result.exitCode}, ${(result.durationMs / 1000).toFixed(2)}s]`,
  )
  if (result.stdout !== '') log(`[stdout]\n${result.stdout.replace(/\n$/, '')}`)
  if (result.stderr !== '') log(`[stderr]\n${result.stderr.replace(/\n$/, '')}`)
  if (result.harnessError) log(`[${result.harnessError}]`)
}

// testscript scriptMatch: `(?m)` + pattern, unanchored; -count=N counts matches
function scriptMatch(state, negated, args, text, name) {
  let count = 0
  let rest = args
  if (rest.length >= 1 && rest[0].startsWith('-count=')) {
    if (negated) throw new LineFailure('cannot use -count= with negated match')
    count = Number.parseInt(rest[0].slice('-count='.length), 10)
    if (!(count >= 1)) throw new LineFailure('bad -count=: must be at least 1')
    rest = rest.slice(1)
  }
  const want = name === 'grep' ? 2 : 1
  if (rest.length !== want)
    throw new LineFailure(`usage: ${name} [-count=N] 'pattern'${name === 'grep' ? ' file' : ''}`)
  const pattern = rest[0]
  let re
  try {
    re = compileGoRegExp(pattern)
  } catch (error) {
    throw new LineFailure(error.message)
  }
  const match = re.exec(text)
  if (negated) {
    if (match) throw new LineFailure(`unexpected match for \`${pattern}\` found in ${name}: ${match[0]}`)
    return
  }
  if (!match) throw new LineFailure(`no match for \`${pattern}\` found in ${name}`)
  if (count > 0) {
    const found = [...text.matchAll(new RegExp(re.source, re.flags + 'g'))].length
    if (found !== count) throw new LineFailure(`have ${found} matches for \`${pattern}\`, want ${count}`)
  }
}

async function cmdGrep(state, negated, args) {
  const file = args[args.length - 1]
  const text = args.length >= 2 ? await readText(state, file) : ''
  try {
    scriptMatch(state, negated, args, text, 'grep')
  } catch (error) {
    if (error instanceof LineFailure) throw new LineFailure(error.message.replace(/ in grep\b/, ` in ${file}`))
    throw error
  }
}

async function cmdCmp(state, negated, args, {expand}) {
  const name = expand ? 'cmpenv' : 'cmp'
  if (negated) throw new LineFailure(`unsupported: ! ${name}`)
  if (args.length !== 2) throw new LineFailure(`usage: ${name} file1 file2`)
  const [first, second] = args
  let text1 = first === 'stdout' ? state.stdout : first === 'stderr' ? state.stderr : await readText(state, first)
  let text2 = await readText(state, second)
  if (expand) {
    const getenv = (key) => state.env.get(key)
    text1 = expandVariables(text1, getenv)
    text2 = expandVariables(text2, getenv)
  }
  if (text1 === text2) return
  throw new LineFailure(`${first} and ${second} differ`, {detail: `[${first}]\n${text1}\n[${second}]\n${text2}`})
}

async function cmdCp(state, negated, args) {
  if (negated) throw new LineFailure('unsupported: ! cp')
  if (args.length < 2) throw new LineFailure('usage: cp src... dst')
  const dst = absolute(state, args[args.length - 1])
  const dstIsDir = await isDirectory(dst)
  if (args.length > 2 && !dstIsDir) throw new LineFailure(`cp: destination ${dst} is not a directory`)
  for (const src of args.slice(0, -1)) {
    const target = dstIsDir ? join(dst, basename(src)) : dst
    if (src === 'stdout' || src === 'stderr') await guard(writeFile(target, state[src]))
    else await guard(copyFile(absolute(state, src), target))
  }
}

function cmdEnv(state, negated, args) {
  if (negated) throw new LineFailure('unsupported: ! env')
  // printing the environment only shows in the verbose transcript, as in testscript's log
  const show = (text) => state.verbose && state.log(text)
  if (args.length === 0) {
    for (const [key, value] of state.env) show(`${key}=${value}`)
    return
  }
  for (const entry of args) {
    const i = entry.indexOf('=')
    if (i < 0) show(`${entry}=${state.env.get(entry) ?? ''}`)
    else state.env.set(entry.slice(0, i), entry.slice(i + 1))
  }
}

async function cmdCd(state, negated, args) {
  if (negated) throw new LineFailure('unsupported: ! cd')
  if (args.length !== 1) throw new LineFailure('usage: cd dir')
  const dir = absolute(state, args[0])
  if (!(await isDirectory(dir))) throw new LineFailure(`${dir} is not a directory`)
  state.cd = dir
}

async function cmdExists(state, negated, args) {
  if (args.length === 0) throw new LineFailure('usage: exists file...')
  for (const file of args) {
    const found = await stat(absolute(state, file)).then(
      () => true,
      () => false,
    )
    if (found && negated) throw new LineFailure(`${file} unexpectedly exists`)
    if (!found && !negated) throw new LineFailure(`${file} does not exist`)
  }
}

async function cmdMkdir(state, negated, args) {
  if (negated) throw new LineFailure('unsupported: ! mkdir')
  if (args.length < 1) throw new LineFailure('usage: mkdir dir...')
  for (const dir of args) await guard(mkdir(absolute(state, dir), {recursive: true}))
}

async function cmdRm(state, negated, args) {
  if (negated) throw new LineFailure('unsupported: ! rm')
  if (args.length < 1) throw new LineFailure('usage: rm file...')
  for (const file of args) await guard(rm(absolute(state, file), {recursive: true, force: true}))
}

function cmdStop(state, negated, args) {
  if (negated) throw new LineFailure('unsupported: ! stop')
  if (args.length > 1) throw new LineFailure('usage: stop [msg]')
  state.stopped = true
}

function cmdSkip(state, negated, args) {
  if (negated) throw new LineFailure('unsupported: ! skip')
  if (args.length > 1) throw new LineFailure('usage: skip [msg]')
  state.skipped = args[0] ?? ''
}

// cmd_test.go's Condition hook answers false for anything testscript does not know itself
async function conditionsHold(conditions) {
  for (const raw of conditions) {
    const want = !raw.startsWith('!')
    const cond = want ? raw : raw.slice(1).trim()
    if ((await testCondition(cond)) !== want) return false
  }
  return true
}

const GOOS = {win32: 'windows', darwin: 'darwin', linux: 'linux', freebsd: 'freebsd', openbsd: 'openbsd'}

async function testCondition(cond) {
  if (cond === 'unix') return process.platform !== 'win32'
  if (Object.values(GOOS).includes(cond)) return GOOS[process.platform] === cond
  if (cond.startsWith('exec:')) return onPath(cond.slice('exec:'.length))
  return false
}

async function onPath(program) {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir === '') continue
    const found = await access(join(dir, program), constants.X_OK).then(
      () => true,
      () => false,
    )
    if (found) return true
  }
  return false
}

function absolute(state, file) {
  return isAbsolute(file) ? file : join(state.cd, file)
}

async function readText(state, file) {
  return guard(readFile(absolute(state, file), 'utf8'))
}

async function isDirectory(path) {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  )
}

// file-system errors fail the line (testscript's ts.Check), they do not crash the runner
async function guard(promise) {
  try {
    return await promise
  } catch (error) {
    throw new LineFailure(error.message)
  }
}
