import {join} from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'
import {execa, type ResultPromise} from 'execa'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {BIN, createSandbox, type Sandbox} from './support/cli.js'

// One control loop per cluster (issue 9): the lease in kube-system decides which process reconciles.

const deployment = (name: string, replicas: number): string =>
  JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name},
    spec: {
      replicas,
      selector: {matchLabels: {app: name}},
      template: {metadata: {labels: {app: name}}, spec: {containers: [{name: 'nginx', image: 'nginx:1.27'}]}},
    },
  })

interface EventItem {
  reason: string
  count?: number
  involvedObject: {kind: string; name: string}
}

interface PodItem {
  metadata: {name: string; deletionTimestamp?: string; labels?: Record<string, string>}
  status?: {phase?: string; podIP?: string}
}

function envOf(sandbox: Sandbox): Record<string, string> {
  return {SKIFF_HOME: join(sandbox.home, '.skiff'), HOME: sandbox.home, KUBECONFIG: '', NO_COLOR: '1'}
}

function background(sandbox: Sandbox, args: readonly string[]): ResultPromise {
  return execa('node', [BIN, ...args], {cwd: sandbox.home, env: envOf(sandbox), reject: false, stdin: 'ignore'})
}

async function leaseHolder(sandbox: Sandbox): Promise<string> {
  const result = await sandbox.run([
    'get',
    'lease',
    '-n',
    'kube-system',
    'skiff-control-plane',
    '-o',
    'jsonpath={.spec.holderIdentity}',
  ])
  return result.stdout
}

/** Waits (without asserting on time) until the lease names a holder whose identity contains the process id. */
async function untilLeading(sandbox: Sandbox, pid: number | undefined): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if ((await leaseHolder(sandbox)).includes(`_${pid}_`)) return
    await sleep(100)
  }
  throw new Error(`process ${pid} never took the lease`)
}

/** How many times each reason was recorded for a ReplicaSet's pods (an event's count includes repeats). */
async function replicaSetEvents(sandbox: Sandbox, prefix: string): Promise<{creates: number; deletes: number}> {
  const events = JSON.parse((await sandbox.run(['get', 'events', '-o', 'json'])).stdout) as {items: EventItem[]}
  const total = (reason: string): number =>
    events.items
      .filter((e) => e.reason === reason && e.involvedObject.kind === 'ReplicaSet')
      .filter((e) => e.involvedObject.name.startsWith(`${prefix}-`))
      .reduce((sum, e) => sum + (e.count ?? 1), 0)
  return {creates: total('SuccessfulCreate'), deletes: total('SuccessfulDelete')}
}

async function livePods(sandbox: Sandbox): Promise<PodItem[]> {
  const list = JSON.parse((await sandbox.run(['get', 'pods', '-o', 'json'])).stdout) as {items: PodItem[]}
  return list.items.filter((p) => p.metadata.deletionTimestamp === undefined)
}

describe('one control loop per cluster', () => {
  let sandbox: Sandbox
  beforeEach(() => {
    sandbox = createSandbox()
  })
  afterEach(() => sandbox.dispose())

  it('gives exactly 6 creates and 2 deletes when a watcher runs while another terminal scales to 6 then 4', async () => {
    for (let attempt = 1; attempt <= 3; attempt++) {
      const name = `web${attempt}`
      // Given a 1-replica Deployment and `get pods -w` open in another terminal
      expect((await sandbox.run(['apply', '-f', '-'], {input: deployment(name, 1)})).exitCode).toBe(0)
      const watcher = background(sandbox, ['get', 'pods', '-w'])
      try {
        await untilLeading(sandbox, watcher.pid)
        // When the deployment is scaled to 6, then to 4
        expect((await sandbox.run(['scale', `deployment/${name}`, '--replicas=6'])).stdout).toBe(
          `deployment.apps/${name} scaled\n`,
        )
        expect((await sandbox.run(['scale', `deployment/${name}`, '--replicas=4'])).exitCode).toBe(0)
        // cluster advance waits for the leading watcher to have caught up
        expect((await sandbox.run(['cluster', 'advance', '30s'])).exitCode).toBe(0)
        // Then its ReplicaSet created 6 pods and deleted 2, each once
        expect(await replicaSetEvents(sandbox, name)).toEqual({creates: 6, deletes: 2})
        expect((await livePods(sandbox)).filter((p) => p.metadata.labels?.['app'] === name)).toHaveLength(4)
      } finally {
        watcher.kill('SIGTERM')
        await watcher
      }
    }
  }, 240_000)

  it('loses nothing when 8 processes apply and scale at once, and gives no two pods the same IP', async () => {
    await sandbox.run(['get', 'ns'])
    // When 8 terminals each apply a Deployment of 3 and scale it to 5, all at the same time
    const workers = Array.from({length: 8}, (_, i) =>
      sandbox.shell(
        `set -e; printf '%s' '${deployment(`app${i}`, 3)}' | node "$SKIFF_BIN" apply -f -
        node "$SKIFF_BIN" scale deployment/app${i} --replicas=5`,
      ),
    )
    for (const result of await Promise.all(workers)) {
      expect(result.stderr).toBe('')
      expect(result.exitCode).toBe(0)
    }
    expect((await sandbox.run(['cluster', 'advance', '1m'])).exitCode).toBe(0)
    // Then each Deployment has its 5 pods running, each created once and none deleted
    const pods = await livePods(sandbox)
    for (let i = 0; i < 8; i++) {
      const own = pods.filter((p) => p.metadata.labels?.['app'] === `app${i}`)
      expect(own.map((p) => p.status?.phase)).toEqual(Array(5).fill('Running'))
      expect(await replicaSetEvents(sandbox, `app${i}`)).toEqual({creates: 5, deletes: 0})
    }
    const ips = pods.map((p) => p.status?.podIP)
    expect(new Set(ips).size).toBe(40)
  }, 240_000)

  it('replaces a leader killed with kill -9 in the middle of its catch-up, and the cluster converges', async () => {
    await sandbox.run(['get', 'ns'])
    // Given a process catching up a large Deployment it applied
    const apply = execa('node', [BIN, 'apply', '-f', '-'], {
      cwd: sandbox.home,
      env: envOf(sandbox),
      reject: false,
      input: deployment('big', 300),
    })
    await untilLeading(sandbox, apply.pid)
    // When it is killed with SIGKILL while it leads
    apply.kill('SIGKILL')
    await apply
    // Then the next command takes the lease over at once and the cluster converges
    expect((await sandbox.run(['cluster', 'advance', '1m'])).exitCode).toBe(0)
    expect(await leaseHolder(sandbox)).not.toContain(`_${apply.pid}_`)
    const running = (await livePods(sandbox)).filter((p) => p.status?.phase === 'Running')
    expect(running).toHaveLength(300)
    const status = JSON.parse((await sandbox.run(['get', 'deployment', 'big', '-o', 'json'])).stdout) as {
      status: {readyReplicas?: number}
    }
    expect(status.status.readyReplicas).toBe(300)
  }, 240_000)
})
