import {evaluateArithmetic} from './arithmetic.js'
import {runBuiltin, type Flavour} from './builtins.js'
import {UnsupportedScriptError, type AndOr, type Command, type Script, type Word} from './shell-syntax.js'
import {ExitSignal, ForeverSignal} from './signals.js'
import type {FileEvent, LogLine, PeriodicLoop} from './timeline.js'

/**
 * Runs a parsed script in simulated time: no process, no file, no network. Output becomes log lines
 * stamped with the simulated moment; `sleep` moves that moment; `exit` and endless constructs end the run
 * through signals. A while loop that does not end within a few iterations becomes a PeriodicLoop.
 */

/** Where a command's output goes: the log, a file, a command substitution, or nowhere. */
export interface Sink {
  write(text: string): void
}

/** The state a script runs with; cloned for subshells and loop iterations. */
export interface ShellState {
  env: Map<string, string>
  files: Map<string, string>
  nowMs: number
  status: number
}

/** What does not change while a script runs. */
export interface ShellContext {
  startEpochMs: number
  flavour: Flavour
  /** program names that mean 'the image's server': they write its start-up lines and run forever */
  servers: ReadonlyMap<string, () => string[]>
}

// A while loop still running after this many iterations is treated as endless.
const EAGER_WHILE_ITERATIONS = 200
// Work units (commands run) a finite script may take before it is refused as too long to simulate.
const MAX_STEPS = 200_000

/** One run of a script: the log lines, file changes, and end it produced. */
export class ShellRun {
  readonly lines: LogLine[] = []
  readonly fileEvents: FileEvent[] = []
  private partial = ''
  private steps = 0
  private readonly log: Sink = {write: (text) => this.writeLog(text)}

  constructor(
    readonly context: ShellContext,
    readonly state: ShellState,
  ) {}

  /** Runs a script to its end; throws ExitSignal or ForeverSignal. */
  run(script: Script): void {
    this.script(script, this.log)
  }

  /** Ends the current partial line (a program that exits mid-line still shows it). */
  flush(): void {
    if (this.partial !== '') this.lines.push({atMs: this.state.nowMs, text: this.partial})
    this.partial = ''
  }

  private writeLog(text: string): void {
    const parts = (this.partial + text).split('\n')
    this.partial = parts.pop() ?? ''
    for (const part of parts) this.lines.push({atMs: this.state.nowMs, text: part})
  }

  script(script: Script, sink: Sink): void {
    for (const item of script) this.andOr(item, sink)
  }

  private andOr(item: AndOr, sink: Sink): void {
    this.command(item.first, sink)
    if (item.negated) this.state.status = this.state.status === 0 ? 1 : 0
    for (const next of item.rest) {
      if ((next.op === '&&') !== (this.state.status === 0)) continue
      this.command(next.command, sink)
      if (next.negated) this.state.status = this.state.status === 0 ? 1 : 0
    }
  }

  private command(command: Command, sink: Sink): void {
    if (++this.steps > MAX_STEPS) throw new UnsupportedScriptError('the script is too long to simulate')
    switch (command.type) {
      case 'simple':
        return this.simple(command, sink)
      case 'group':
        return this.script(command.body, sink)
      case 'if': {
        for (const branch of command.branches) {
          this.script(branch.condition, sink)
          if (this.state.status === 0) return this.script(branch.body, sink)
        }
        this.state.status = 0
        if (command.otherwise) this.script(command.otherwise, sink)
        return
      }
      case 'for': {
        const items = command.items === undefined ? [] : command.items.flatMap((word) => this.expandWord(word))
        this.state.status = 0
        for (const item of items) {
          this.state.env.set(command.name, item)
          this.script(command.body, sink)
        }
        return
      }
      case 'while':
        return this.whileLoop(command, sink)
    }
  }

  private whileLoop(command: Extract<Command, {type: 'while'}>, sink: Sink): void {
    const stateless = !assigns(command.condition) && !assigns(command.body)
    for (let k = 0; ; k++) {
      const checkpoint = cloneState(this.state)
      const linesBefore = this.lines.length
      const filesBefore = this.fileEvents.length
      if (!this.iterate(command, sink)) {
        this.state.status = 0
        return
      }
      const periodMs = this.state.nowMs - checkpoint.nowMs
      const endless = (stateless && isAlwaysTrue(command.condition)) || k >= EAGER_WHILE_ITERATIONS
      if (!endless || sink !== this.log) continue
      // the iteration just run becomes iteration 0 of the rule
      const wrote = this.lines.length > linesBefore || this.fileEvents.length > filesBefore
      this.lines.length = linesBefore
      this.fileEvents.length = filesBefore
      if (periodMs <= 0) {
        if (wrote) throw new UnsupportedScriptError('a loop that writes without ever sleeping')
        throw new ForeverSignal(undefined)
      }
      throw new ForeverSignal(this.periodicLoop(command, checkpoint, periodMs, stateless))
    }
  }

  /** Runs one iteration (condition then body); false when the condition ends the loop. */
  private iterate(command: Extract<Command, {type: 'while'}>, sink: Sink): boolean {
    this.script(command.condition, sink)
    if ((this.state.status === 0) === command.until) return false
    this.script(command.body, sink)
    return true
  }

  private periodicLoop(
    command: Extract<Command, {type: 'while'}>,
    start: ShellState,
    periodMs: number,
    stateless: boolean,
  ): PeriodicLoop {
    const context = this.context
    // sequential state for loops whose variables change: iteration n needs the state after n - 1
    const states: ShellState[] = [start]
    const runFrom = (state: ShellState): ShellRun => {
      const run = new ShellRun(context, cloneState(state))
      try {
        run.iterate(command, run.log)
      } catch (signal) {
        if (!(
          signal instanceof ExitSignal ||
          signal instanceof ForeverSignal ||
          signal instanceof UnsupportedScriptError
        ))
          throw signal
      }
      run.flush()
      return run
    }
    return {
      startMs: start.nowMs,
      periodMs,
      iteration(n) {
        let state: ShellState
        if (stateless) {
          state = {...cloneState(start), nowMs: start.nowMs + n * periodMs}
        } else {
          while (states.length <= n) {
            const previous = states[states.length - 1] ?? start
            const after = runFrom(previous).state
            states.push({...after, nowMs: previous.nowMs + periodMs})
          }
          state = states[n] ?? start
        }
        const run = runFrom(state)
        return {lines: run.lines, files: run.fileEvents}
      },
    }
  }

  private simple(command: Extract<Command, {type: 'simple'}>, sink: Sink): void {
    const words = command.words.flatMap((word) => this.expandWord(word))
    if (words.length === 0) {
      for (const {name, value} of command.assignments) this.state.env.set(name, this.expandWord(value, false).join(''))
      this.state.status = 0
      return
    }
    const target = this.redirected(command, sink)
    while (words[0] === 'exec' || words[0] === 'command' || words[0] === 'nohup') words.shift()
    const name = words[0] ?? ''
    const server = this.context.servers.get(name.split('/').pop() ?? name)
    if (server) {
      for (const line of server()) target.write(`${line}\n`)
      throw new ForeverSignal(undefined)
    }
    const outcome = runBuiltin(this, words, target)
    if (outcome === undefined) throw new ForeverSignal(undefined, `program "${name}" is not simulated`)
    this.state.status = outcome
  }

  private redirected(command: Extract<Command, {type: 'simple'}>, sink: Sink): Sink {
    let target = sink
    for (const redirect of command.redirects) {
      if (redirect.op === '<' || redirect.op === '>&') continue
      const path = this.expandWord(redirect.target, false).join('')
      if (path === '/dev/null') {
        target = {write: () => undefined}
      } else if (path === '/dev/stdout' || path === '/dev/stderr' || path === '/proc/1/fd/1') {
        target = sink
      } else {
        if (redirect.op === '>') this.writeFile(path, '')
        target = {write: (text) => this.writeFile(path, (this.state.files.get(path) ?? '') + text)}
      }
    }
    return target
  }

  /** Creates or replaces a file in the simulated filesystem; undefined content removes it. */
  writeFile(path: string, content: string | undefined): void {
    if (content === undefined) this.state.files.delete(path)
    else this.state.files.set(path, content)
    this.fileEvents.push({atMs: this.state.nowMs, path, content})
  }

  /** A word's fields after parameter, command and arithmetic expansion and field splitting. */
  expandWord(word: Word, split = true): string[] {
    const fields: string[] = []
    let current = ''
    let hasCurrent = false
    for (const part of word) {
      let value: string
      if (part.type === 'text') value = part.value
      else if (part.type === 'param') value = this.parameter(part.name, part.op, part.arg)
      else if (part.type === 'arith') value = String(evaluateArithmetic(part.expr, (name) => this.parameter(name)))
      else value = this.substitute(part.script)
      if (part.quoted || part.type === 'text' || !split) {
        current += value
        hasCurrent ||= part.quoted || value !== ''
        continue
      }
      const pieces = value.split(/[ \t\n]+/)
      for (const [i, piece] of pieces.entries()) {
        if (i > 0) {
          if (hasCurrent) fields.push(current)
          current = ''
          hasCurrent = false
        }
        current += piece
        hasCurrent ||= piece !== ''
      }
    }
    if (hasCurrent) fields.push(current)
    return fields
  }

  private parameter(name: string, op?: string, arg?: Word): string {
    const value =
      name === '?'
        ? String(this.state.status)
        : name === '$'
          ? '1'
          : name === '#'
            ? '0'
            : name === '0'
              ? 'sh'
              : this.state.env.get(name)
    if (op === undefined || arg === undefined) return value ?? ''
    const unset = op.startsWith(':') ? !value : value === undefined
    if (op.endsWith('+')) return unset ? '' : this.expandWord(arg, false).join('')
    if (!unset) return value ?? ''
    const fallback = this.expandWord(arg, false).join('')
    if (op.endsWith('=')) this.state.env.set(name, fallback)
    return fallback
  }

  /** `$(...)`: runs in a subshell whose time still passes; its output minus trailing newlines. */
  private substitute(script: Script): string {
    let captured = ''
    const saved = {env: this.state.env, status: this.state.status}
    this.state.env = new Map(this.state.env)
    try {
      this.script(script, {write: (text) => (captured += text)})
    } catch (signal) {
      if (!(signal instanceof ExitSignal)) throw signal
    } finally {
      this.state.env = saved.env
    }
    return captured.replace(/\n+$/, '')
  }
}

function cloneState(state: ShellState): ShellState {
  return {env: new Map(state.env), files: new Map(state.files), nowMs: state.nowMs, status: state.status}
}

function isAlwaysTrue(condition: Script): boolean {
  if (condition.length !== 1) return false
  const only = condition[0]
  if (!only || only.rest.length > 0 || only.negated || only.first.type !== 'simple') return false
  const words = only.first.words.map((word) => word.map((part) => (part.type === 'text' ? part.value : '\0')).join(''))
  return words.length === 1 && (words[0] === 'true' || words[0] === ':')
}

// A loop whose variables change cannot jump to iteration n: it is replayed in order.
function assigns(script: Script): boolean {
  const visit = (command: Command): boolean => {
    switch (command.type) {
      case 'simple': {
        const first = command.words[0]?.[0]
        const isExport =
          first?.type === 'text' && (first.value === 'export' || first.value === 'read' || first.value === 'unset')
        return command.assignments.length > 0 || isExport
      }
      case 'group':
        return assigns(command.body)
      case 'for':
        // the loop variable is set afresh each time, so only the body's own assignments count
        return assigns(command.body)
      case 'while':
        return assigns(command.condition) || assigns(command.body)
      case 'if':
        return (
          command.branches.some((b) => assigns(b.condition) || assigns(b.body)) ||
          (command.otherwise !== undefined && assigns(command.otherwise))
        )
    }
  }
  return script.some((item) => visit(item.first) || item.rest.some((next) => visit(next.command)))
}
