import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {createSandbox, type Sandbox} from './support/cli.js'

const TOO_BIG =
  '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. ' +
  'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.'

const bigPod = `apiVersion: v1
kind: Pod
metadata:
  name: big
spec:
  containers:
  - name: app
    image: nginx
    resources:
      requests:
        cpu: "5"
`

function replica(name: string, uid: string): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
    app: web
  ownerReferences:
  - apiVersion: v1
    kind: ConfigMap
    name: web-owner
    uid: ${uid}
    controller: true
spec:
  containers:
  - name: app
    image: nginx
`
}

describe('the scheduler on the embedded cluster', () => {
  let sandbox: Sandbox
  beforeEach(() => {
    sandbox = createSandbox()
  })
  afterEach(() => sandbox.dispose())

  it('leaves a pod that asks for more cpu than any node has Pending, and says why', async () => {
    expect((await sandbox.run(['apply', '-f', '-'], {input: bigPod})).exitCode).toBe(0)
    const phase = await sandbox.run(['get', 'pod', 'big', '-o', 'jsonpath={.status.phase} {.spec.nodeName}'])
    expect(phase.stdout.trim()).toBe('Pending')
    const describe = await sandbox.run(['describe', 'pod', 'big'])
    expect(describe.stdout).toMatch(/Node:\s+<none>\n/)
    expect(describe.stdout).toMatch(/Warning\s+FailedScheduling\s+\S+\s+default-scheduler\s+0\/4 nodes are available: /)
    expect(describe.stdout.replace(/\s+/g, ' ')).toContain(TOO_BIG)
    const events = await sandbox.run(['get', 'events'])
    expect(events.stdout).toMatch(/Warning\s+FailedScheduling\s+pod\/big\s+0\/4 nodes are available/)
    const condition = await sandbox.run([
      'get',
      'pod',
      'big',
      '-o',
      'jsonpath={.status.conditions[0].reason}: {.status.conditions[0].message}',
    ])
    expect(condition.stdout).toBe(`Unschedulable: ${TOO_BIG}`)
  })

  it('spreads three pods of one owner over the three workers, never on the control plane', async () => {
    await sandbox.run(['create', 'configmap', 'web-owner'])
    const uid = (await sandbox.run(['get', 'configmap', 'web-owner', '-o', 'jsonpath={.metadata.uid}'])).stdout.trim()
    for (const name of ['web-a', 'web-b', 'web-c']) {
      expect((await sandbox.run(['apply', '-f', '-'], {input: replica(name, uid)})).exitCode).toBe(0)
    }
    const nodes = await sandbox.run(['get', 'pods', '-l', 'app=web', '-o', 'jsonpath={.items[*].spec.nodeName}'])
    expect(nodes.stdout.trim().split(' ').sort()).toEqual(['skiff-worker', 'skiff-worker2', 'skiff-worker3'])
    const events = await sandbox.run([
      'get',
      'events',
      '--field-selector',
      'reason=Scheduled',
      '-o',
      'jsonpath={.items[*].message}',
    ])
    expect(events.stdout).toMatch(/Successfully assigned default\/web-a to skiff-worker\d?/)
  })
})
