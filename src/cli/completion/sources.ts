import type {Backend} from '../../backend/backend.js'
import {listContexts, loadKubeconfigInForce} from '../../cluster/contexts.js'
import {resourceNames, resourceTypeNames} from '../../kubectl/completion-values.js'
import {openBackend, registryFor, resolveNamespace, resolveTarget} from '../context.js'
import type {CompletionFlags} from './complete.js'
import type {CompletionSources} from './valid-args.js'

const sorted = (names: Iterable<string>): string[] => [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))

/**
 * The completion sources for a command line's connection flags: the cluster (opened on first use; `close`
 * releases it) and the kubeconfig. A failure yields no completions, as in kubectl, whose completion functions
 * drop their errors: a shell must never print one on TAB (SKIFF_DEBUG shows it on stderr).
 */
export class LiveCompletionSources implements CompletionSources {
  private opened: Promise<Backend> | undefined

  constructor(
    private readonly flags: CompletionFlags,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  private backend(): Promise<Backend> {
    this.opened ??= openBackend(resolveTarget(this.flags, this.env), this.flags)
    return this.opened
  }

  private async quietly(read: () => Promise<string[]> | string[]): Promise<string[]> {
    try {
      return await read()
    } catch (error) {
      if (this.env['SKIFF_DEBUG']) process.stderr.write(`completion: ${String(error)}\n`)
      return []
    }
  }

  resourceTypes(toComplete: string): Promise<string[]> {
    return this.quietly(async () => resourceTypeNames(await this.backend(), toComplete))
  }

  resourceNames(type: string, prefix: string): Promise<string[]> {
    return this.quietly(async () => {
      const backend = await this.backend()
      const registry = await registryFor(backend, type.split(','))
      const namespace = this.flags.namespace || resolveNamespace(this.flags, this.env)
      return resourceNames(backend, registry, {type, namespace, prefix})
    })
  }

  contexts(prefix: string): Promise<string[]> {
    return this.quietly(() => {
      const config = loadKubeconfigInForce(this.flags.kubeconfig, this.env)
      return sorted(listContexts(config, this.env).map((c) => c.name)).filter((n) => n.startsWith(prefix))
    })
  }

  clusters(prefix: string): Promise<string[]> {
    return this.quietly(() => {
      const config = loadKubeconfigInForce(this.flags.kubeconfig, this.env)
      return sorted(config.clusters.map((c) => c.name)).filter((n) => n.startsWith(prefix))
    })
  }

  users(prefix: string): Promise<string[]> {
    return this.quietly(() => {
      const config = loadKubeconfigInForce(this.flags.kubeconfig, this.env)
      return sorted(config.users.map((u) => u.name)).filter((n) => n.startsWith(prefix))
    })
  }

  embeddedClusters(prefix: string): Promise<string[]> {
    return this.quietly(() => {
      const config = loadKubeconfigInForce(this.flags.kubeconfig, this.env)
      const embedded = listContexts(config, this.env).filter((c) => c.embedded)
      return sorted(embedded.map((c) => c.name)).filter((n) => n.startsWith(prefix))
    })
  }

  /** Releases the cluster if one was opened. */
  async close(): Promise<void> {
    const opened = this.opened
    this.opened = undefined
    if (opened) await (await opened).close()
  }
}
