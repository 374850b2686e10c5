import {writeFileSync, chmodSync} from 'node:fs'
import {setInterval, clearInterval} from 'node:timers'
import {Flags} from '@oclif/core'
import {SkiffCommand} from '../src/cli/base-command.js'
import {UsageError} from '../src/cli/errors.js'
import {openExistingCluster} from '../src/cli/cluster-admin.js'
import {servedCluster} from '../src/cli/context.js'
import {clusterDir} from '../src/embedded/cluster-home.js'
import {GoDurationError, parseGoDurationMs} from '../src/resources/go-duration.js'
import {goQuote} from '../src/resources/go-format.js'

// how often the live control plane catches up with due timers and other processes' writes
const SETTLE_INTERVAL_MS = 200

// the host clients dial: loopback when listening on every address; an IPv6 address goes in brackets in a URL
function hostInUrl(address: string): string {
  if (address === '0.0.0.0' || address === '::') return '127.0.0.1'
  return address.includes(':') ? `[${address}]` : address
}

function serverRequestTimeoutMs(text: string, commandPath: string): number {
  let ms: number
  try {
    ms = parseGoDurationMs(text)
  } catch (error) {
    if (!(error instanceof GoDurationError)) throw error
    throw new UsageError(
      `invalid argument ${goQuote(text)} for "--server-request-timeout" flag: ${error.message}`,
      commandPath,
    )
  }
  if (ms <= 0) throw new UsageError('--server-request-timeout must be a positive duration', commandPath)
  return ms
}

export default class Serve extends SkiffCommand {
  static override summary = 'Serve the embedded cluster over the Kubernetes API on 127.0.0.1'
  static override description =
    'Serves the embedded cluster behind the real Kubernetes HTTP API over HTTPS (a self-signed CA kept in the cluster directory) on the loopback address, with a random bearer token, so kubectl and other clients can use it. Runs until interrupted; the control plane runs live meanwhile.'
  static override examples = [
    '<%= config.bin %> serve --write-kubeconfig ./kubeconfig',
    'kubectl --kubeconfig ./kubeconfig get nodes',
  ]
  static override flags = {
    port: Flags.integer({description: 'The port to listen on; 0 picks a free one.', default: 0, min: 0, max: 65535}),
    address: Flags.string({description: 'The IP address to listen on.', default: '127.0.0.1'}),
    'write-kubeconfig': Flags.string({
      description: 'Write a kubeconfig (server, CA, token) that points at the server to this file (mode 0600).',
    }),
    'insecure-http': Flags.boolean({description: 'Serve plain HTTP instead of HTTPS.'}),
    // kube-apiserver's --request-timeout; named apart from the global client flag of the same name
    'server-request-timeout': Flags.string({
      description:
        "How long the server lets a request that is not a watch or a log take before it answers 504 Timeout (kube-apiserver's --request-timeout); a client's `timeout` parameter may only shorten it.",
      default: '1m0s',
    }),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Serve)
    const requestTimeoutMs = serverRequestTimeoutMs(flags['server-request-timeout'], this.commandPath)
    const name = servedCluster(flags)
    const backend = await openExistingCluster(name)
    const {createApiServer, generateToken, listenOnLoopback} = await import('../src/embedded/server/api-server.js')
    const {kubeconfigFor} = await import('../src/embedded/server/kubeconfig.js')
    const {refreshClockOffset} = await import('../src/embedded/open-cluster.js')
    const token = generateToken()
    let certificates: import('../src/embedded/server/tls.js').ServingCertificates | undefined
    if (!flags['insecure-http']) {
      const {servingCertificates} = await import('../src/embedded/server/tls.js')
      // certificates are checked against real time by clients, not the cluster's (advanced) clock
      certificates = servingCertificates(clusterDir(name), name, flags.address, new Date())
    }
    let settling: Promise<void> = Promise.resolve()
    const settle = (): void => {
      settling = settling
        .then(() => {
          refreshClockOffset(backend)
          // serve leads the control loop while it runs (or waits its turn while another process does)
          return backend.settle({lead: true})
        })
        .catch((error: unknown) => {
          this.err(`control plane: ${error instanceof Error ? error.message : String(error)}\n`)
        })
    }
    const server = createApiServer(backend, {
      token,
      afterWrite: settle,
      // another process may have advanced the clock since the last settle: every answer uses the same 'now'
      beforeRequest: () => refreshClockOffset(backend),
      ...(certificates ? {tls: certificates.serving} : {}),
      requestTimeoutMs,
    })
    // requests are answered at once, from what is stored, while the control loop catches up between them
    backend.controlLoop?.configure({readMs: 0})
    settle()
    const port = await listenOnLoopback(server, flags.port, flags.address)
    const address = `${certificates ? 'https' : 'http'}://${hostInUrl(flags.address)}:${port}`
    const kubeconfigFile = flags['write-kubeconfig']
    if (kubeconfigFile) {
      const endpoint = {server: address, token, ...(certificates ? {caCertificate: certificates.ca.cert} : {})}
      writeFileSync(kubeconfigFile, kubeconfigFor(name, endpoint), {mode: 0o600})
      // writeFileSync's mode applies only when it creates the file; the token must not stay readable by others
      chmodSync(kubeconfigFile, 0o600)
    }
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
    // the catch-up ends after its current round: a large one must not hold the process past SIGTERM
    const stopped = backend.controlLoop?.stop()
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await stopped
    await settling
    await backend.close()
  }
}
