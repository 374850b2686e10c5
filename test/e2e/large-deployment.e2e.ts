import {join} from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'
import {execa, type ResultPromise} from 'execa'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {BIN, createSandbox, type Sandbox} from './support/cli.js'

// A legal but huge Deployment (issue 9): the control loop does bounded work per sync and yields, so serve and
// the CLI stay responsive while it works through a hundred thousand replicas.

const HUGE = JSON.stringify({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {name: 'huge'},
  spec: {
    replicas: 100_000,
    selector: {matchLabels: {app: 'huge'}},
    template: {metadata: {labels: {app: 'huge'}}, spec: {containers: [{name: 'nginx', image: 'nginx:1.27'}]}},
  },
})

// a client gives up on an answer after this long: far above an answer's cost, far below a frozen server's
const REQUEST_TIMEOUT = '10s'

interface Served {
  child: ResultPromise
  kubeconfig: string
}

async function serve(sandbox: Sandbox): Promise<Served> {
  const kubeconfig = join(sandbox.home, 'serve.kubeconfig')
  const child = execa('node', [BIN, 'serve', '--port', '0', '--write-kubeconfig', kubeconfig], {
    cwd: sandbox.home,
    env: {SKIFF_HOME: join(sandbox.home, '.skiff'), HOME: sandbox.home, KUBECONFIG: '', NO_COLOR: '1'},
    reject: false,
    buffer: false,
    stdin: 'ignore',
  })
  await new Promise<void>((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('\n')) resolve()
    })
    void child.then(() => reject(new Error(`serve exited before it listened: ${out}`)))
  })
  return {child, kubeconfig}
}

function kubectl(sandbox: Sandbox, served: Served, args: readonly string[]) {
  return execa('kubectl', ['--kubeconfig', served.kubeconfig, `--request-timeout=${REQUEST_TIMEOUT}`, ...args], {
    reject: false,
    env: {HOME: sandbox.home, KUBECONFIG: ''},
  })
}

describe('a 100,000-replica Deployment', () => {
  let sandbox: Sandbox
  beforeEach(() => {
    sandbox = createSandbox()
  })
  afterEach(() => sandbox.dispose())

  it('leaves serve answering, stopping on SIGTERM and listening again at once, and delete returning', async () => {
    await sandbox.run(['get', 'ns'])
    const first = await serve(sandbox)
    // When the Deployment is applied while serve leads the control loop
    const applied = await sandbox.run(['apply', '-f', '-'], {input: HUGE})
    expect(applied.stdout).toBe('deployment.apps/huge created\n')
    // and serve is well into creating its pods
    for (let i = 0; i < 600; i++) {
      const replicas = await kubectl(sandbox, first, ['get', 'rs', '-o', 'jsonpath={.items[0].status.replicas}'])
      if (Number(replicas.stdout) >= 500) break
      await sleep(200)
    }
    // Then a read is answered
    const read = await kubectl(sandbox, first, ['get', 'deployment', 'huge', '-o', 'jsonpath={.spec.replicas}'])
    expect(read.stderr).toBe('')
    expect(read.stdout).toBe('100000')
    // and SIGTERM stops serve (it is not killed)
    first.child.kill('SIGTERM')
    const stopped = await first.child
    expect(stopped.signal).toBeUndefined()
    expect(stopped.exitCode).toBe(0)
    // a restarted serve listens before catching up, and answers
    const second = await serve(sandbox)
    const again = await kubectl(sandbox, second, ['get', 'deployment', 'huge', '-o', 'name'])
    expect(again.stdout).toBe('deployment.apps/huge')
    second.child.kill('SIGTERM')
    expect((await second.child).exitCode).toBe(0)
    // With no serve, the CLI's own commands return: delete, then a get
    const deleted = await sandbox.run(['delete', 'deployment', 'huge'])
    expect(deleted.stdout).toBe('deployment.apps "huge" deleted\n')
    expect(deleted.exitCode).toBe(0)
    const gone = await sandbox.run(['get', 'deployment', 'huge'])
    expect(gone.stderr).toBe('Error from server (NotFound): deployments.apps "huge" not found\n')
  }, 600_000)
})
