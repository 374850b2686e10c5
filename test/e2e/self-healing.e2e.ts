import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {createSandbox, type Sandbox} from './support/cli.js'

const deployment = (replicas: number): string =>
  JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name: 'web'},
    spec: {
      replicas,
      selector: {matchLabels: {app: 'web'}},
      template: {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'nginx', image: 'nginx:1.27'}]}},
    },
  })

interface PodRow {
  name: string
  ready: string
  status: string
  node: string
}

async function pods(sandbox: Sandbox): Promise<PodRow[]> {
  const text = (await sandbox.run(['get', 'pods', '-o', 'wide', '--no-headers'])).stdout.trim()
  if (text === '') return []
  return text.split('\n').map((line) => {
    const [name = '', ready = '', status = '', , , , node = ''] = line.split(/\s+/)
    return {name, ready, status, node}
  })
}

describe('a learner watching the embedded cluster heal itself', () => {
  let sandbox: Sandbox
  beforeEach(() => {
    sandbox = createSandbox()
  })
  afterEach(() => sandbox.dispose())

  it('runs 3 replicas on the 3 workers and replaces a deleted pod', async () => {
    await sandbox.run(['apply', '-f', '-'], {input: deployment(3)})
    await sandbox.run(['cluster', 'advance', '1m'])
    const running = await pods(sandbox)
    expect(running.map((p) => `${p.ready} ${p.status}`)).toEqual(['1/1 Running', '1/1 Running', '1/1 Running'])
    expect(new Set(running.map((p) => p.node))).toEqual(new Set(['skiff-worker', 'skiff-worker2', 'skiff-worker3']))

    const [victim] = running
    expect((await sandbox.run(['delete', 'pod', victim?.name ?? ''])).stdout).toBe(`pod "${victim?.name}" deleted\n`)
    await sandbox.run(['cluster', 'advance', '1m'])
    const healed = await pods(sandbox)
    expect(healed).toHaveLength(3)
    expect(healed.map((p) => p.name)).not.toContain(victim?.name)
    expect(healed.every((p) => p.status === 'Running' && p.ready === '1/1')).toBe(true)
  })

  it('moves the pods of a crashed node to the survivors after the eviction timeout, and says so in events', async () => {
    // Given a cluster of two workers, one of which holds two of the three replicas
    await sandbox.run(['cluster', 'create', 'lab', '--nodes', '2'])
    await sandbox.run(['apply', '-f', '-'], {input: deployment(3)})
    await sandbox.run(['cluster', 'advance', '1m'])
    const before = await pods(sandbox)
    const counts = new Map<string, number>()
    for (const pod of before) counts.set(pod.node, (counts.get(pod.node) ?? 0) + 1)
    const crowded = [...counts].find(([, count]) => count === 2)?.[0] ?? ''
    expect(crowded).not.toBe('')
    // When that machine loses power and six minutes pass
    expect((await sandbox.run(['cluster', 'node', 'crash', crowded])).exitCode).toBe(0)
    await sandbox.run(['cluster', 'advance', '6m'])
    // Then the node is NotReady, and three Running pods run on the survivor
    expect((await sandbox.run(['get', 'node', crowded, '--no-headers'])).stdout).toMatch(/\sNotReady\s/)
    const after = (await pods(sandbox)).filter((p) => p.status === 'Running' && p.node !== crowded)
    expect(after).toHaveLength(3)
    const events = await sandbox.run([
      'get',
      'events',
      '--field-selector',
      'reason=TaintManagerEviction',
      '--no-headers',
    ])
    expect(events.stdout.trim().split('\n')).toHaveLength(2)
    expect(events.stdout).toMatch(/Marking for deletion Pod default\/web-/)
  })

  it('finishes deleting the evicted pods of a crashed node once it is restored, and a rollout then leaves none behind', async () => {
    // Given a node that crashed and whose pods were evicted (Terminating) while it was away
    await sandbox.run(['cluster', 'create', 'lab', '--nodes', '2'])
    await sandbox.run(['apply', '-f', '-'], {input: deployment(2)})
    await sandbox.run(['cluster', 'advance', '1m'])
    const [victim] = await pods(sandbox)
    const node = victim?.node ?? ''
    await sandbox.run(['cluster', 'node', 'crash', node])
    await sandbox.run(['cluster', 'advance', '6m'])
    expect((await pods(sandbox)).find((p) => p.name === victim?.name)?.status).toBe('Terminating')
    // When the node comes back and the pod's grace period (30s) has passed
    expect((await sandbox.run(['cluster', 'node', 'restore', node])).stdout).toBe(`node/${node} restored\n`)
    await sandbox.run(['cluster', 'advance', '1m'])
    // Then the evicted pod is gone and two pods run
    const after = await pods(sandbox)
    expect(after.map((p) => p.name)).not.toContain(victim?.name)
    expect(after.map((p) => `${p.ready} ${p.status}`)).toEqual(['1/1 Running', '1/1 Running'])
    // And a rollout afterwards replaces both, leaving nothing Terminating
    await sandbox.run(['set', 'image', 'deployment/web', 'nginx=nginx:1.28'])
    await sandbox.run(['cluster', 'advance', '2m'])
    const rolled = await pods(sandbox)
    expect(rolled.map((p) => `${p.ready} ${p.status}`)).toEqual(['1/1 Running', '1/1 Running'])
    expect(rolled.some((p) => after.some((q) => q.name === p.name))).toBe(false)
  })

  it('rolls a new image out without ever dropping below maxUnavailable, then rolls it back', async () => {
    await sandbox.run(['apply', '-f', '-'], {input: deployment(4)})
    await sandbox.run(['cluster', 'advance', '1m'])
    expect((await sandbox.run(['set', 'image', 'deployment/web', 'nginx=nginx:1.28'])).stdout).toBe(
      'deployment.apps/web image updated\n',
    )
    // 25% of 4: at most 1 unavailable and 1 extra pod at every step
    let done = false
    for (let step = 0; step < 60 && !done; step++) {
      const rows = (await pods(sandbox)).filter((p) => p.status !== 'Terminating')
      expect(rows.filter((p) => p.ready === '1/1').length).toBeGreaterThanOrEqual(3)
      expect(rows.length).toBeLessThanOrEqual(5)
      const status = await sandbox.run([
        'get',
        'deploy',
        'web',
        '-o',
        'jsonpath={.status.updatedReplicas}/{.status.availableReplicas}/{.status.replicas}',
      ])
      done = status.stdout === '4/4/4'
      if (!done) await sandbox.run(['cluster', 'advance', '2s'])
    }
    expect(done).toBe(true)
    expect((await sandbox.run(['rollout', 'undo', 'deployment/web'])).stdout).toBe('deployment.apps/web rolled back\n')
    await sandbox.run(['cluster', 'advance', '2m'])
    const image = await sandbox.run([
      'get',
      'deploy',
      'web',
      '-o',
      'jsonpath={.spec.template.spec.containers[0].image}',
    ])
    expect(image.stdout).toBe('nginx:1.27')
  }, 180_000)
})
