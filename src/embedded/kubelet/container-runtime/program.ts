import {ShellRun, type ShellContext} from './shell.js'
import {parseScript, UnsupportedScriptError, type Script} from './shell-syntax.js'
import {ExitSignal, ForeverSignal} from './signals.js'
import type {Timeline} from './timeline.js'
import {imageBehaviour, isBusyboxImage, serverPrograms} from './well-known-images.js'

/** What a container runs: its image, command and args, resolved environment, and when it starts. */
export interface ContainerProgram {
  image: string
  command?: readonly string[] | undefined
  args?: readonly string[] | undefined
  /** the container's environment, with HOSTNAME (the pod name) */
  env: ReadonlyMap<string, string>
  startEpochMs: number
  podIP?: string
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh'])
// what every container's environment has besides the pod's own variables (the image's defaults)
const BASE_ENV: ReadonlyArray<[string, string]> = [
  ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
  ['HOME', '/root'],
]

/**
 * The whole life of one run of a container, computed from what it runs: a `sh -c` script through the
 * interpreter, a direct command (`sleep 3600`, `echo hi`), or the image's default program. Never throws:
 * what cannot be read runs quietly forever and says why in `unsupported`.
 */
export function containerTimeline(program: ContainerProgram): Timeline {
  const argv = [...(program.command ?? []), ...(program.args ?? [])].map((arg) =>
    expandKubernetesReferences(arg, program.env),
  )
  const podIP = program.podIP ?? ''
  if (argv.length === 0) {
    const behaviour = imageBehaviour(program.image, {startEpochMs: program.startEpochMs, env: program.env, podIP})
    if (!behaviour) return {lines: [], files: [], end: {kind: 'forever'}}
    const lines = behaviour.lines.map((line) => ({atMs: line.afterMs, text: line.text}))
    const lastMs = lines.reduce((max, line) => Math.max(max, line.atMs), 0)
    const end =
      behaviour.exitCode === undefined
        ? {kind: 'forever' as const}
        : {kind: 'exit' as const, code: behaviour.exitCode, atMs: lastMs}
    return {lines, files: [], end}
  }
  const context: ShellContext = {
    startEpochMs: program.startEpochMs,
    flavour: isBusyboxImage(program.image) ? 'busybox' : 'gnu',
    servers: serverPrograms({startEpochMs: program.startEpochMs, env: program.env, podIP}),
  }
  let script: Script
  try {
    script = scriptOf(argv)
  } catch (error) {
    if (error instanceof UnsupportedScriptError) return quietly(error.message)
    throw error
  }
  return runScript(script, context, program.env)
}

/** Runs an exec probe's command against the container's files at a moment: its exit code and output. */
export function runProbeCommand(
  command: readonly string[],
  files: ReadonlyMap<string, string>,
  options: {image: string; env: ReadonlyMap<string, string>},
): {code: number; output: string} {
  let output = ''
  let script: Script
  try {
    script = scriptOf([...command])
  } catch (error) {
    if (error instanceof UnsupportedScriptError) return {code: 0, output: ''}
    throw error
  }
  const context: ShellContext = {
    startEpochMs: 0,
    flavour: isBusyboxImage(options.image) ? 'busybox' : 'gnu',
    servers: new Map(),
  }
  const run = new ShellRun(context, {
    env: new Map([...BASE_ENV, ...options.env]),
    files: new Map(files),
    nowMs: 0,
    status: 0,
  })
  try {
    run.script(script, {write: (text) => (output += text)})
    return {code: run.state.status, output}
  } catch (signal) {
    if (signal instanceof ExitSignal) return {code: signal.code, output}
    // a probe that would never return fails on its timeout; one the interpreter cannot read passes
    if (signal instanceof ForeverSignal) return {code: signal.unsupported === undefined ? 1 : 0, output}
    if (signal instanceof UnsupportedScriptError) return {code: 0, output}
    throw signal
  }
}

function scriptOf(argv: string[]): Script {
  const program = (argv[0] ?? '').split('/').pop() ?? ''
  if (SHELLS.has(program)) {
    const flagIndex = argv.findIndex((arg, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(arg))
    // a shell with no script and no terminal reads an empty stdin and exits 0
    if (flagIndex < 0) return []
    return parseScript(argv[flagIndex + 1] ?? '')
  }
  // a direct command: one simple command whose words are taken literally (no shell expands them)
  return [
    {
      first: {
        type: 'simple',
        assignments: [],
        words: argv.map((arg) => [{type: 'text', value: arg, quoted: true}]),
        redirects: [],
      },
      negated: false,
      rest: [],
    },
  ]
}

function runScript(script: Script, context: ShellContext, env: ReadonlyMap<string, string>): Timeline {
  const run = new ShellRun(context, {env: new Map([...BASE_ENV, ...env]), files: new Map(), nowMs: 0, status: 0})
  const finish = (end: Timeline['end'], unsupported?: string): Timeline => {
    run.flush()
    const timeline: Timeline = {lines: run.lines, files: run.fileEvents, end}
    if (unsupported !== undefined) timeline.unsupported = unsupported
    return timeline
  }
  try {
    run.run(script)
    return finish({kind: 'exit', code: run.state.status, atMs: run.state.nowMs})
  } catch (signal) {
    if (signal instanceof ExitSignal) return finish({kind: 'exit', code: signal.code, atMs: run.state.nowMs})
    if (signal instanceof ForeverSignal)
      return finish(signal.loop ? {kind: 'loop', loop: signal.loop} : {kind: 'forever'}, signal.unsupported)
    if (signal instanceof UnsupportedScriptError) return finish({kind: 'forever'}, signal.message)
    throw signal
  }
}

function quietly(reason: string): Timeline {
  return {lines: [], files: [], end: {kind: 'forever'}, unsupported: reason}
}

/** Kubernetes expands `$(VAR)` in command and args from the container's env; `$$(VAR)` stays literal. */
function expandKubernetesReferences(arg: string, env: ReadonlyMap<string, string>): string {
  return arg.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (whole, name?: string) => {
    if (whole === '$$') return '$'
    return name !== undefined && env.has(name) ? (env.get(name) ?? '') : whole
  })
}
