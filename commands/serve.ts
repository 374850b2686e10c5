import {writeFileSync} from 'node:fs'
import {setInterval, clearInterval} from 'node:timers'
import {Flags} from '@oclif/core'
import {SkiffCommand} from '../src/cli/base-command.js'
import {embeddedClusterOf, openExistingCluster} from '../src/cli/cluster-admin.js'
import {resolveTarget} from '../src/cli/context.js'
import {UsageError} from '../src/cli/errors.js'

// how often the live control plane catches up with due timers and other processes' writes
const SETTLE_INTERVAL_MS = 200

export default class Serve extends SkiffCommand {
  static override summary = 'Serve the embedded cluster over the Kubernetes API on 127.0.0.1'
  static override description =
    'Serves the embedded cluster behind the real Kubernetes HTTP API on the loopback address, with a random bearer token, so kubectl and other clients can use it. Runs until interrupted; the control plane runs live meanwhile.'
  static override examples = [
    '<%= config.bin %> serve --insecure-http --write-kubeconfig ./kubeconfig',
    'kubectl --kubeconfig ./kubeconfig get nodes',
  ]
  static override flags = {
    port: Flags.integer({description: 'The port to listen on; 0 picks a free one.', default: 0, min: 0, max: 65535}),
    'write-kubeconfig': Flags.string({description: 'Write a kubeconfig that points at the server to this file.'}),
    'insecure-http': Flags.boolean({description: 'Serve plain HTTP (HTTPS is not available yet).'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Serve)
    if (!flags['insecure-http']) {
      throw new UsageError(
        'HTTPS is not available yet; pass --insecure-http to serve plain HTTP on 127.0.0.1',
        this.commandPath,
      )
    }
    const name = embeddedClusterOf(resolveTarget(flags))
    const backend = await openExistingCluster(name)
    const {createApiServer, generateToken, listenOnLoopback} = await import('../src/embedded/server/api-server.js')
    const {kubeconfigFor} = await import('../src/embedded/server/kubeconfig.js')
    const token = generateToken()
    let settling: Promise<void> = Promise.resolve()
    const settle = (): void => {
      settling = settling
        .then(() => backend.settle())
        .catch((error: unknown) => {
          this.err(`control plane: ${error instanceof Error ? error.message : String(error)}\n`)
        })
    }
    const server = createApiServer(backend, {token, afterWrite: settle})
    const port = await listenOnLoopback(server, flags.port)
    const address = `http://127.0.0.1:${port}`
    if (flags['write-kubeconfig'])
      writeFileSync(flags['write-kubeconfig'], kubeconfigFor(name, address, token), {mode: 0o600})
    this.out(`Serving the embedded cluster "${name}" at ${address}\n`)
    const timer = setInterval(settle, SETTLE_INTERVAL_MS)
    await new Promise<void>((resolve) => {
      const stop = (): void => {
        process.off('SIGINT', stop)
        process.off('SIGTERM', stop)
        resolve()
      }
      process.on('SIGINT', stop)
      process.on('SIGTERM', stop)
    })
    clearInterval(timer)
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await settling
    await backend.close()
  }
}
