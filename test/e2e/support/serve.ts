import {join} from 'node:path'
import {execa, type ResultPromise} from 'execa'
import {BIN, type Sandbox} from './cli.js'

/** A running `skiff serve` on a sandbox's embedded cluster. */
export interface RunningServe {
  /** the address from its first line, e.g. https://127.0.0.1:40123 */
  address: string
  /** the kubeconfig it wrote (server, CA, token) */
  kubeconfig: string
  /** everything it printed so far (stdout and stderr), to check that no secret leaks */
  output(): string
  stop(): Promise<void>
}

// a cold start creates the cluster's store and certificates
const START_TIMEOUT_MS = 30_000

/** Starts `skiff serve --port 0 --write-kubeconfig` in the sandbox (env added to its own) and waits for its address line. */
export async function startServe(
  sandbox: Sandbox,
  extraArgs: readonly string[] = [],
  env: Record<string, string> = {},
): Promise<RunningServe> {
  const kubeconfig = join(sandbox.home, 'serve.kubeconfig')
  const child: ResultPromise = execa(
    'node',
    [BIN, 'serve', '--port', '0', '--write-kubeconfig', kubeconfig, ...extraArgs],
    {
      cwd: sandbox.home,
      env: {SKIFF_HOME: join(sandbox.home, '.skiff'), HOME: sandbox.home, KUBECONFIG: '', NO_COLOR: '1', ...env},
      reject: false,
      buffer: false,
      stdin: 'ignore',
    },
  )
  let printed = ''
  child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()))
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`skiff serve printed no address:\n${printed}`)), START_TIMEOUT_MS)
    let stdout = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk.toString()
      if (stdout.includes('\n')) return
      stdout += chunk.toString()
      const first = stdout.split('\n')[0] ?? ''
      if (!stdout.includes('\n')) return
      clearTimeout(timer)
      const match = /https?:\/\/[^\s"]+/.exec(first)
      if (match) resolve(match[0])
      else reject(new Error(`skiff serve's first line names no address: ${first}`))
    })
    void child.then(() => {
      clearTimeout(timer)
      reject(new Error(`skiff serve exited before printing its address:\n${printed}`))
    })
  })
  return {
    address,
    kubeconfig,
    output: () => printed,
    async stop() {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await child
      clearTimeout(timer)
    },
  }
}
