import type {Backend} from '../backend/backend.js'
import {openBackend, resolveNamespace, resolveTarget, type ConnectionFlags} from './context.js'

/**
 * What a command's run needs from its surroundings, without oclif: the Backend (opened on first use,
 * closed by `close`), the namespace, the command path for usage hints, and output streams. Shared by
 * the oclif commands and the fast path, so a command behaves the same on both.
 */
export class CommandContext {
  private opened: Backend | undefined

  constructor(
    /** 'skiff' */
    readonly bin: string,
    /** 'get', 'create:namespace' */
    readonly id: string,
  ) {}

  /** `skiff get`: the command path kubectl prints in usage hints. */
  get commandPath(): string {
    return [this.bin, ...this.id.split(':')].join(' ').trim()
  }

  /** The Backend for --context/--kubeconfig; opened on first use. */
  async backend(flags: ConnectionFlags): Promise<Backend> {
    this.opened ??= await openBackend(resolveTarget(flags), flags)
    return this.opened
  }

  /** The namespace for this request (-n, else the context's, else default). */
  namespace(flags: ConnectionFlags): string {
    return resolveNamespace(flags)
  }

  out(text: string): void {
    if (text !== '') process.stdout.write(text)
  }

  err(text: string): void {
    if (text !== '') process.stderr.write(text)
  }

  /** Closes (and on the embedded backend settles) the Backend if one was opened. */
  async close(): Promise<void> {
    const backend = this.opened
    this.opened = undefined
    if (backend) await backend.close()
  }
}
