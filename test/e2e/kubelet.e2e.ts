import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {createSandbox, type Sandbox} from './support/cli.js'

const HELLO = `apiVersion: v1
kind: Pod
metadata:
  name: hello
spec:
  restartPolicy: Never
  containers:
  - name: hello
    # a large image: its pull (several seconds) keeps the pod in ContainerCreating while the first commands run
    image: python:3.13
    command: ["sh", "-c", "echo hello; sleep 5"]
`

const CRASH = `apiVersion: v1
kind: Pod
metadata:
  name: crash
spec:
  containers:
  - name: app
    image: busybox:1.37
    command: ["sh", "-c", "echo starting; exit 1"]
`

const TICKER = `apiVersion: v1
kind: Pod
metadata:
  name: ticker
spec:
  containers:
  - name: tick
    image: busybox:1.37
    command: ["sh", "-c", "i=0; while true; do i=$((i+1)); echo tick $i; sleep 10; done"]
`

/** The STATUS and RESTARTS cells of one pod row of `get pods`. */
function podRow(stdout: string, name: string): {ready: string; status: string; restarts: string} {
  const line = stdout.split('\n').find((l) => l.startsWith(`${name} `)) ?? ''
  const [, ready = '', status = '', ...rest] = line.split(/ {2,}/)
  return {ready, status, restarts: rest.slice(0, -1).join(' ')}
}

describe('simulated kubelets', () => {
  let sandbox: Sandbox
  beforeEach(() => {
    sandbox = createSandbox()
  })
  afterEach(() => sandbox.dispose())

  it('runs `echo hello; sleep 5` to Completed and shows hello in its log', async () => {
    sandbox.write('hello.yaml', HELLO)
    expect((await sandbox.run(['apply', '-f', 'hello.yaml'])).stdout).toBe('pod/hello created\n')
    const early = await sandbox.run(['get', 'pods'])
    expect(podRow(early.stdout, 'hello').status).toBe('ContainerCreating')
    const waiting = await sandbox.run(['logs', 'hello'])
    expect(waiting).toMatchObject({
      exitCode: 1,
      stdout: '',
      stderr:
        'Error from server (BadRequest): container "hello" in pod "hello" is waiting to start: ContainerCreating\n',
    })
    await sandbox.run(['cluster', 'advance', '30s'])
    expect(podRow((await sandbox.run(['get', 'pods'])).stdout, 'hello')).toMatchObject({
      ready: '0/1',
      status: 'Completed',
      restarts: '0',
    })
    expect(await sandbox.run(['logs', 'hello'])).toEqual({exitCode: 0, stdout: 'hello\n', stderr: ''})
  })

  it('shows a crashing container in CrashLoopBackOff with its restarts and its previous log', async () => {
    sandbox.write('crash.yaml', CRASH)
    await sandbox.run(['apply', '-f', 'crash.yaml'])
    await sandbox.run(['cluster', 'advance', '40s'])
    const row = podRow((await sandbox.run(['get', 'pods'])).stdout, 'crash')
    expect(row.status).toBe('CrashLoopBackOff')
    expect(row.restarts).toMatch(/^\d+ \(\d+s ago\)$/)
    expect(await sandbox.run(['logs', 'crash', '--previous'])).toEqual({exitCode: 0, stdout: 'starting\n', stderr: ''})
    const events = await sandbox.run(['get', 'events'])
    expect(events.stdout).toMatch(/Back-off restarting failed container app in pod crash_default\(/)
  })

  it('reports ImagePullBackOff for an image that cannot exist', async () => {
    await sandbox.run(['create', 'deployment', 'bad', '--image=nginx:doesnotexist'])
    await sandbox.run(['cluster', 'advance', '30s'])
    const stdout = (await sandbox.run(['get', 'pods'])).stdout
    expect(stdout).toMatch(/bad-[a-z0-9]+-[a-z0-9]+ +0\/1 +(ImagePullBackOff|ErrImagePull) +0 /)
  })

  it('tails a long-running loop without replaying a day of it', async () => {
    sandbox.write('ticker.yaml', TICKER)
    await sandbox.run(['apply', '-f', 'ticker.yaml'])
    await sandbox.run(['cluster', 'advance', '24h'])
    const tail = await sandbox.run(['logs', 'ticker', '--tail=2'])
    expect(tail.exitCode).toBe(0)
    const [first = '', second = ''] = tail.stdout.trimEnd().split('\n')
    expect(first).toMatch(/^tick \d+$/)
    expect(Number(second.slice(5)) - Number(first.slice(5))).toBe(1)
    expect(Number(second.slice(5))).toBeGreaterThan(8_600)
  })
})
