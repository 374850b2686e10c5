#!/usr/bin/env node
// Runs kubectl's own command tests (test/cmd/testdata/*.txtar from kubernetes/kubernetes, kept outside
// this project in ../shared/kubectl-tests; see its SOURCE.md) against skiff, or with --kubectl against
// any kubectl-compatible binary (e.g. real kubectl talking to `skiff serve`).
//
// CI runs this WITHOUT --strict for now: skiff is young and most scripts fail, so CI reports the pass
// counts (scripts and lines) without blocking the build. Once the counts are high enough, CI should
// switch to --strict, which exits 1 when any script fails.
//
// With --serve, real kubectl runs the scripts against `skiff serve` (started and stopped here).
//
//   node test/kubectl-tests/run.mjs [--filter RE] [--verbose] [--kubectl PATH] [--serve] [--strict] ...
//   node test/kubectl-tests/run.mjs --help

import {existsSync, realpathSync, rmSync} from 'node:fs'
import {mkdir, mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import {availableParallelism, tmpdir} from 'node:os'
import {dirname, isAbsolute, join, resolve} from 'node:path'
import process from 'node:process'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {prepareCluster, SetupError} from './cluster.mjs'
import {scriptEnvironment} from './environment.mjs'
import {externalBinary, skiffBinary} from './kubectl-binary.mjs'
import {startServe} from './serve.mjs'
import {formatScriptResult, formatSummary} from './report.mjs'
import {countCommandLines, runScriptLines} from './script-runner.mjs'
import {expandVariables, parseTxtar} from './txtar.mjs'

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const DEFAULT_TIMEOUT_SECONDS = 60
// each script has its own embedded cluster, so scripts may run side by side (testscript runs them in parallel)
const MAX_DEFAULT_JOBS = 4
const EXIT_USAGE = 2

const USAGE = `Usage: node test/kubectl-tests/run.mjs [options]

Runs kubectl's command tests (test/cmd/testdata/*.txtar) with skiff, or with another kubectl.

Options:
  --filter RE        run only scripts whose name (e.g. apply) matches the regexp
  --verbose, -v      print every line, command and output (testscript -v)
  --kubectl PATH     run the scripts with this kubectl-compatible binary instead of skiff
  --kubeconfig FILE  with --kubectl: the cluster to use (default: $KUBECONFIG, ~/.kube/config)
  --serve            start \`skiff serve\` on a fresh embedded cluster and run the scripts with real
                     kubectl (or --kubectl PATH) against it
  --skiff FILE       skiff's entry point (default: <project>/bin/run.js)
  --dir DIR          the folder of .txtar scripts (default: $KUBE_ROOT/test/cmd/testdata)
  --no-setup         do not create the per-script namespace and ServiceAccount
  --jobs N           scripts run at once (default: up to ${MAX_DEFAULT_JOBS} with skiff, 1 with --kubectl)
  --timeout SECONDS  limit for each command (default: ${DEFAULT_TIMEOUT_SECONDS})
  --keep             keep each script's work folder and print where it is
  --strict           exit 1 when any script fails (default: exit 0, report only)
  --help, -h         show this help

Environment:
  KUBECTL_TESTS_DIR  the kubectl-tests folder, used as KUBE_ROOT (default: ../shared/kubectl-tests)
`

class UsageError extends Error {}

function readOptions(argv) {
  const {values} = parseArgs({
    args: argv,
    options: {
      filter: {type: 'string'},
      verbose: {type: 'boolean', short: 'v', default: false},
      kubectl: {type: 'string'},
      kubeconfig: {type: 'string'},
      serve: {type: 'boolean', default: false},
      skiff: {type: 'string'},
      dir: {type: 'string'},
      'no-setup': {type: 'boolean', default: false},
      jobs: {type: 'string'},
      timeout: {type: 'string'},
      keep: {type: 'boolean', default: false},
      strict: {type: 'boolean', default: false},
      help: {type: 'boolean', short: 'h', default: false},
    },
    strict: true,
    allowPositionals: false,
  })
  const kubeRoot = process.env['KUBECTL_TESTS_DIR']
    ? resolve(process.env['KUBECTL_TESTS_DIR'])
    : resolve(PROJECT_ROOT, '..', 'shared', 'kubectl-tests')
  const external = values.kubectl !== undefined || values.serve
  if (values.serve && values.kubeconfig !== undefined)
    throw new UsageError('--serve writes its own kubeconfig: drop --kubeconfig')
  return {
    help: values.help,
    filter: values.filter === undefined ? undefined : compileFilter(values.filter),
    verbose: values.verbose,
    kubeRoot,
    dir: values.dir === undefined ? join(kubeRoot, 'test', 'cmd', 'testdata') : resolve(values.dir),
    binary: external
      ? externalBinary(resolveProgram(values.kubectl ?? 'kubectl'))
      : skiffBinary(resolve(values.skiff ?? join(PROJECT_ROOT, 'bin', 'run.js'))),
    serve: values.serve,
    skiffEntry: resolve(values.skiff ?? join(PROJECT_ROOT, 'bin', 'run.js')),
    kubeconfig: values.kubeconfig === undefined ? process.env['KUBECONFIG'] : resolve(values.kubeconfig),
    setup: !values['no-setup'],
    jobs: positiveInteger('--jobs', values.jobs) ?? (external ? 1 : Math.min(MAX_DEFAULT_JOBS, availableParallelism())),
    timeoutMs: (positiveInteger('--timeout', values.timeout) ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
    keep: values.keep,
    strict: values.strict,
  }
}

function compileFilter(source) {
  try {
    return new RegExp(source)
  } catch (error) {
    throw new UsageError(`--filter: ${error.message}`)
  }
}

function positiveInteger(flag, text) {
  if (text === undefined) return undefined
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`${flag} must be a positive integer, not ${text}`)
  return value
}

// a bare name (kubectl) is looked up on PATH by the child process; a path is made absolute, since
// commands run with $KUBE_ROOT as their working directory
function resolveProgram(program) {
  return program.includes('/') && !isAbsolute(program) ? resolve(program) : program
}

async function findScripts(dir, filter) {
  if (!existsSync(dir)) throw new UsageError(`no kubectl tests at ${dir} (set KUBECTL_TESTS_DIR or use --dir)`)
  const names = (await readdir(dir)).filter((file) => /\.txt(ar)?$/.test(file)).sort()
  return names
    .map((file) => ({file, path: join(dir, file), name: file.replace(/\.txtar$|\.txt$/, '')}))
    .filter((script) => filter === undefined || filter.test(script.name))
}

/** Runs one script from a fresh $WORK and cluster; never throws for a script's own failure. */
async function runOneScript(script, options, tempRoot, log) {
  const started = Date.now()
  const root = join(tempRoot, script.name)
  const work = join(root, `script-${script.name}`)
  await mkdir(join(work, '.tmp'), {recursive: true})
  const archive = parseTxtar(await readFile(script.path, 'utf8'))
  const base = {
    name: script.name,
    file: script.file,
    linesTotal: countCommandLines(archive.comment),
    notes: [],
    workDir: options.keep ? work : undefined,
  }
  const scriptEnv = scriptEnvironment({work, kubeRoot: options.kubeRoot})
  // testscript unpacks the archive before Setup runs
  for (const file of archive.files) {
    const target = resolve(
      work,
      expandVariables(file.name, (name) => scriptEnv.get(name)),
    )
    await mkdir(dirname(target), {recursive: true})
    await writeFile(target, file.data)
  }

  let cluster
  try {
    cluster = await prepareCluster({
      binary: options.binary,
      scriptEnv,
      root,
      kubeRoot: options.kubeRoot,
      setup: options.setup,
      kubeconfig: options.kubeconfig,
      timeoutMs: options.timeoutMs,
    })
  } catch (error) {
    if (!(error instanceof SetupError)) throw error
    const failure = {lineNumber: 0, line: 'setup', phase: '', message: error.message, commands: error.results}
    return {...base, passed: false, skipped: undefined, linesPassed: 0, failure, durationMs: Date.now() - started}
  }
  for (const [name, value] of cluster.env) scriptEnv.set(name, value)
  if (options.verbose && cluster.namespace) log(`namespace ${cluster.namespace}`)

  const outcome = await runScriptLines({
    script: archive.comment,
    binary: options.binary,
    scriptEnv,
    work,
    kubeRoot: options.kubeRoot,
    timeoutMs: options.timeoutMs,
    verbose: options.verbose,
    log,
  })
  return {...base, ...outcome, notes: cluster.notes, durationMs: Date.now() - started}
}

/**
 * Output in script order while scripts run in parallel: the oldest unfinished script writes through,
 * later ones buffer until their turn (so --verbose streams when --jobs is 1).
 */
function orderedOutput(count, write) {
  const buffers = Array.from({length: count}, () => [])
  const done = Array.from({length: count}, () => false)
  let current = 0
  const flush = () => {
    while (current < count) {
      for (const text of buffers[current]) write(text)
      buffers[current] = []
      if (!done[current]) return
      current++
    }
  }
  return {
    log(index, text) {
      if (index === current) write(text)
      else buffers[index].push(text)
    },
    finish(index) {
      done[index] = true
      flush()
    },
  }
}

async function runAll(scripts, options, tempRoot) {
  const out = orderedOutput(scripts.length, (text) => process.stdout.write(text + '\n'))
  const results = new Array(scripts.length)
  let next = 0
  const worker = async () => {
    while (next < scripts.length) {
      const index = next++
      const log = (text) => out.log(index, text)
      if (options.verbose) log(`=== RUN ${scripts[index].name}`)
      const result = await runOneScript(scripts[index], options, tempRoot, log)
      results[index] = result
      log(formatScriptResult(result))
      out.finish(index)
      if (!options.keep) await rm(join(tempRoot, scripts[index].name), {recursive: true, force: true})
    }
  }
  await Promise.all(Array.from({length: Math.min(options.jobs, scripts.length)}, worker))
  return results
}

async function main(argv) {
  const options = readOptions(argv)
  if (options.help) {
    process.stdout.write(USAGE)
    return 0
  }
  if (options.binary.skiff && !existsSync(join(dirname(options.binary.prefix[0]), '..', 'dist', 'main.js'))) {
    throw new UsageError(`skiff is not built (no dist/main.js next to ${options.binary.prefix[0]}): run npm run build`)
  }
  const scripts = await findScripts(options.dir, options.filter)
  if (scripts.length === 0) throw new UsageError(`no scripts in ${options.dir} match the filter`)
  // testscript resolves symlinks in its temp dir so that $WORK matches what programs print
  const tempRoot = realpathSync(await mkdtemp(join(tmpdir(), 'skiff-kubectl-tests-')))
  // also on an early exit (EPIPE, a crash), so no clusters pile up in the temp dir
  if (!options.keep) process.on('exit', () => rmSync(tempRoot, {recursive: true, force: true}))
  let server
  if (options.serve) {
    try {
      server = await startServe({skiffEntry: options.skiffEntry, root: tempRoot})
    } catch (error) {
      // report-only runs tell and pass; --strict fails
      process.stdout.write(
        `kubectl command tests against skiff serve: not run, the server did not start: ${error.message}\n`,
      )
      return options.strict ? 1 : 0
    }
  }
  let results
  try {
    if (server) process.stdout.write(`skiff serve at ${server.address}\n`)
    results = await runAll(scripts, server ? {...options, kubeconfig: server.kubeconfig} : options, tempRoot)
  } finally {
    await server?.stop()
  }
  const label = server ? `${options.binary.label} against skiff serve` : options.binary.label
  process.stdout.write('\n' + formatSummary(results, {label}) + '\n')
  const failed = results.some((result) => !result.passed)
  return options.strict && failed ? 1 : 0
}

process.stdout.on('error', (error) => {
  // `run.mjs -v | head`: the reader left; that is not a failure of the tests
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})
try {
  process.exitCode = await main(process.argv.slice(2))
} catch (error) {
  const badArguments = String(error?.code).startsWith('ERR_PARSE_ARGS_')
  if (!(error instanceof UsageError) && !badArguments) throw error
  process.stderr.write(`error: ${error.message}\n${badArguments ? USAGE : ''}`)
  process.exitCode = EXIT_USAGE
}
