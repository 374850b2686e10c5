import {formatDate, formatPrintf, parseSleepMs, unescape} from './formats.js'
import {ExitSignal, ForeverSignal} from './signals.js'
import type {ShellContext, ShellState, Sink} from './shell.js'

/** Whose error wording a container's shell uses: busybox (busybox, alpine) or GNU coreutils. */
export type Flavour = 'busybox' | 'gnu'

/** What a builtin may touch: the run's state, its context, and the simulated filesystem. */
export interface BuiltinHost {
  readonly context: ShellContext
  readonly state: ShellState
  writeFile(path: string, content: string | undefined): void
}

type Builtin = (host: BuiltinHost, args: string[], out: Sink) => number

const OK = 0
// what a shell answers for a command it cannot find or run
const NOT_FOUND = 127

const missing = (host: BuiltinHost, program: string, path: string): string =>
  host.context.flavour === 'busybox'
    ? `${program}: can't open '${path}': No such file or directory\n`
    : `${program}: ${path}: No such file or directory\n`

const BUILTINS: Record<string, Builtin> = {
  true: () => OK,
  ':': () => OK,
  false: () => 1,
  trap: () => OK,
  wait: () => OK,
  set: () => OK,
  cd: () => OK,
  mkdir: () => OK,
  chmod: () => OK,
  umask: () => OK,
  ulimit: () => OK,
  echo(_, args, out) {
    let newline = true
    let escapes = false
    while (/^-[neE]+$/.test(args[0] ?? '')) {
      const flags = args.shift() ?? ''
      if (flags.includes('n')) newline = false
      if (flags.includes('e')) escapes = true
    }
    const joined = args.join(' ')
    const {text, stop} = escapes ? unescape(joined) : {text: joined, stop: false}
    out.write(text + (newline && !stop ? '\n' : ''))
    return OK
  },
  printf(_, args, out) {
    const [format, ...rest] = args
    if (format === undefined) return 1
    out.write(formatPrintf(format, rest))
    return OK
  },
  sleep(host, args) {
    if (args.includes('infinity') || args.includes('inf')) throw new ForeverSignal(undefined)
    let total = 0
    for (const arg of args) {
      const ms = parseSleepMs(arg)
      if (ms === undefined) return 1
      total += ms
    }
    host.state.nowMs += total
    return OK
  },
  exit(host, args) {
    const code = args[0] === undefined ? host.state.status : Number(args[0])
    throw new ExitSignal(Number.isInteger(code) ? ((code % 256) + 256) % 256 : 2)
  },
  date(host, args, out) {
    const format = args.find((arg) => arg.startsWith('+'))
    out.write(`${formatDate(host.context.startEpochMs + host.state.nowMs, format?.slice(1))}\n`)
    return OK
  },
  hostname(host, _, out) {
    out.write(`${host.state.env.get('HOSTNAME') ?? ''}\n`)
    return OK
  },
  whoami(_, __, out) {
    out.write('root\n')
    return OK
  },
  env(host, _, out) {
    for (const [name, value] of host.state.env) out.write(`${name}=${value}\n`)
    return OK
  },
  printenv(host, args, out) {
    if (args.length === 0) return BUILTINS['env']?.(host, args, out) ?? OK
    let status = OK
    for (const name of args) {
      const value = host.state.env.get(name)
      if (value === undefined) status = 1
      else out.write(`${value}\n`)
    }
    return status
  },
  export(host, args) {
    for (const arg of args) {
      const eq = arg.indexOf('=')
      if (eq > 0) host.state.env.set(arg.slice(0, eq), arg.slice(eq + 1))
    }
    return OK
  },
  unset(host, args) {
    for (const name of args) host.state.env.delete(name)
    return OK
  },
  seq(_, args, out) {
    const numbers = args.map(Number)
    if (numbers.length === 0 || numbers.some(Number.isNaN)) return 1
    const [first, step, last] =
      numbers.length === 1
        ? [1, 1, numbers[0] ?? 1]
        : numbers.length === 2
          ? [numbers[0] ?? 1, 1, numbers[1] ?? 1]
          : numbers
    if (step === 0 || first === undefined || step === undefined || last === undefined) return 1
    for (let n = first; step > 0 ? n <= last : n >= last; n += step) out.write(`${n}\n`)
    return OK
  },
  cat(host, args, out) {
    let status = OK
    for (const path of args.filter((arg) => !arg.startsWith('-') || arg === '-')) {
      if (path === '/dev/null' || path === '-') continue
      const content = host.state.files.get(path)
      if (content === undefined) {
        out.write(missing(host, 'cat', path))
        status = 1
      } else out.write(content)
    }
    return status
  },
  touch(host, args) {
    for (const path of args.filter((arg) => !arg.startsWith('-')))
      host.writeFile(path, host.state.files.get(path) ?? '')
    return OK
  },
  rm(host, args, out) {
    const force = args.some((arg) => /^-[a-zA-Z]*f/.test(arg))
    let status = OK
    for (const path of args.filter((arg) => !arg.startsWith('-'))) {
      if (host.state.files.has(path)) host.writeFile(path, undefined)
      else if (!force) {
        out.write(
          host.context.flavour === 'busybox'
            ? `rm: can't remove '${path}': No such file or directory\n`
            : `rm: cannot remove '${path}': No such file or directory\n`,
        )
        status = 1
      }
    }
    return status
  },
  tail(_, args) {
    // `tail -f /dev/null` is the usual way to keep a container alive
    if (args.includes('-f') || args.includes('-F')) throw new ForeverSignal(undefined)
    return OK
  },
  test: (host, args) => test(host, args),
  '[': (host, args) => (args[args.length - 1] === ']' ? test(host, args.slice(0, -1)) : 2),
}

/** Runs a builtin or simulated program; the exit status, or undefined when the program is not simulated. */
export function runBuiltin(host: BuiltinHost, words: string[], out: Sink): number | undefined {
  const [name = '', ...args] = words
  const builtin = BUILTINS[name.split('/').pop() ?? name]
  if (builtin) return builtin(host, args, out)
  if (name.includes('/') && !host.state.files.has(name)) {
    out.write(host.context.flavour === 'busybox' ? `sh: ${name}: not found\n` : `sh: 1: ${name}: not found\n`)
    return NOT_FOUND
  }
  return undefined
}

function test(host: BuiltinHost, args: string[]): number {
  if (args[0] === '!') return test(host, args.slice(1)) === 0 ? 1 : 0
  const truth = (value: boolean): number => (value ? 0 : 1)
  if (args.length === 0) return 1
  if (args.length === 1) return truth((args[0] ?? '') !== '')
  if (args.length === 2) {
    const [op, operand = ''] = args
    if (op === '-z') return truth(operand === '')
    if (op === '-n') return truth(operand !== '')
    if (op === '-f' || op === '-e' || op === '-s' || op === '-r') {
      const content = host.state.files.get(operand)
      return truth(content !== undefined && (op !== '-s' || content !== ''))
    }
    if (op === '-d') return truth(operand === '/' || operand === '/tmp')
    return 2
  }
  const [left = '', op, right = ''] = args
  const a = Number(left)
  const b = Number(right)
  switch (op) {
    case '=':
    case '==':
      return truth(left === right)
    case '!=':
      return truth(left !== right)
    case '-eq':
      return truth(a === b)
    case '-ne':
      return truth(a !== b)
    case '-lt':
      return truth(a < b)
    case '-le':
      return truth(a <= b)
    case '-gt':
      return truth(a > b)
    case '-ge':
      return truth(a >= b)
    default:
      return 2
  }
}
