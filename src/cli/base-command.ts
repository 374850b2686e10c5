import {Command, type Interfaces} from '@oclif/core'
import type {Backend} from '../backend/backend.js'
import {CommandContext} from './command-context.js'
import type {ConnectionFlags} from './context.js'
import {PlainError} from './errors.js'
import {globalFlags} from './flags.js'
import {InvalidBoolFlagError, normalizeKubectlArgv, type FlagShape} from './kubectl-argv.js'

type FlagOutput = {[name: string]: unknown}
type ArgOutput = {[name: string]: unknown}

/**
 * The base of every skiff command: kubectl's global flags, kubectl's argv spellings, and a
 * CommandContext (Backend opened lazily, closed and settled when the command ends). Errors propagate
 * to bin/run.js, which words them as kubectl does.
 */
export abstract class SkiffCommand extends Command {
  static override baseFlags = globalFlags

  private commandContext: CommandContext | undefined

  /** The run context shared with the fast path. */
  protected get context(): CommandContext {
    this.commandContext ??= new CommandContext(this.config.bin, this.id ?? '')
    return this.commandContext
  }

  protected backend(flags: ConnectionFlags): Promise<Backend> {
    return this.context.backend(flags)
  }

  protected namespace(flags: ConnectionFlags): string {
    return this.context.namespace(flags)
  }

  protected get commandPath(): string {
    return this.context.commandPath
  }

  protected out(text: string): void {
    this.context.out(text)
  }

  protected err(text: string): void {
    this.context.err(text)
  }

  protected override async parse<F extends FlagOutput, B extends FlagOutput, A extends ArgOutput>(
    options?: Interfaces.Input<F, B, A>,
    argv = this.argv,
  ): Promise<Interfaces.ParserOutput<F, B, A>> {
    const definitions = {...options?.baseFlags, ...options?.flags} as Record<
      string,
      {type: string; char?: string; allowNo?: boolean; multiple?: boolean}
    >
    const shapes: Record<string, FlagShape> = {}
    for (const [name, flag] of Object.entries(definitions)) {
      const type = flag.type === 'boolean' ? 'boolean' : 'option'
      shapes[name] = {type, char: flag.char, allowNo: flag.allowNo, multiple: flag.multiple}
    }
    // kubectl never reads a positional argument from stdin: stdin belongs to `-f -`
    const args = Object.fromEntries(Object.entries(options?.args ?? {}).map(([k, a]) => [k, {...a, ignoreStdin: true}]))
    // options is often the command class: a spread copies its own statics, not the inherited baseFlags
    const input = {...options, baseFlags: options?.baseFlags, strict: options?.strict, args} as Interfaces.Input<
      F,
      B,
      A
    >
    return super.parse(input, this.normalizedArgv(argv, shapes))
  }

  private normalizedArgv(argv: string[], shapes: Record<string, FlagShape>): string[] {
    try {
      return normalizeKubectlArgv(argv, shapes)
    } catch (error) {
      if (!(error instanceof InvalidBoolFlagError)) throw error
      const path = [this.config.bin, ...(this.id ?? '').split(':')].join(' ')
      throw new PlainError(`Error: ${error.message}\nSee '${path} --help' for usage.`)
    }
  }

  protected override async finally(error: Error | undefined): Promise<unknown> {
    await this.commandContext?.close()
    return super.finally(error)
  }
}
