import {Command, type Interfaces} from '@oclif/core'

type FlagOutput = {[name: string]: unknown}
type ArgOutput = {[name: string]: unknown}
import type {Backend} from '../backend/backend.js'
import {openBackend, resolveNamespace, resolveTarget, type ConnectionFlags} from './context.js'
import {normalizeKubectlArgv, type FlagShape} from './kubectl-argv.js'
import {globalFlags} from './flags.js'

/**
 * The base of every skiff command: kubectl's global flags, kubectl's argv spellings, a lazily opened
 * Backend that is closed (and, on the embedded backend, settled) when the command ends, and
 * stdout/stderr writers. Errors propagate to bin/run.js, which words them as kubectl does.
 */
export abstract class SkiffCommand extends Command {
  static override baseFlags = globalFlags

  private openedBackend: Backend | undefined

  /** The Backend for --context/--kubeconfig; opened on first use. */
  protected async backend(flags: ConnectionFlags): Promise<Backend> {
    this.openedBackend ??= await openBackend(resolveTarget(flags))
    return this.openedBackend
  }

  /** The namespace for this request (-n, else the context's, else default). */
  protected namespace(flags: ConnectionFlags): string {
    return resolveNamespace(flags)
  }

  /** `skiff get`: the command path kubectl prints in usage hints. */
  protected get commandPath(): string {
    return `${this.config.bin} ${(this.id ?? '').split(':').join(' ')}`.trim()
  }

  protected out(text: string): void {
    if (text !== '') process.stdout.write(text)
  }

  protected err(text: string): void {
    if (text !== '') process.stderr.write(text)
  }

  protected override async parse<F extends FlagOutput, B extends FlagOutput, A extends ArgOutput>(
    options?: Interfaces.Input<F, B, A>,
    argv = this.argv,
  ): Promise<Interfaces.ParserOutput<F, B, A>> {
    const definitions = {...options?.baseFlags, ...options?.flags} as Record<
      string,
      {type: string; char?: string; allowNo?: boolean}
    >
    const shapes: Record<string, FlagShape> = {}
    for (const [name, flag] of Object.entries(definitions)) {
      shapes[name] = {type: flag.type === 'boolean' ? 'boolean' : 'option', char: flag.char, allowNo: flag.allowNo}
    }
    return super.parse(options, normalizeKubectlArgv(argv, shapes))
  }

  protected override async finally(error: Error | undefined): Promise<unknown> {
    const backend = this.openedBackend
    this.openedBackend = undefined
    if (backend) await backend.close()
    return super.finally(error)
  }
}
