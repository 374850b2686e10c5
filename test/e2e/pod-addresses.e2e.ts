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

/** Pod addresses held by pods that have not finished, as `ip -> pod names`, keeping only addresses held twice. */
async function sharedAddresses(sandbox: Sandbox): Promise<Record<string, string[]>> {
  const template = '{range .items[*]}{.metadata.name} {.status.phase} {.status.podIP}{"\\n"}{end}'
  const lines = (await sandbox.run(['get', 'pods', '-o', `jsonpath=${template}`])).stdout.trim().split('\n')
  const holders = new Map<string, string[]>()
  for (const line of lines) {
    const [name = '', phase = '', ip = ''] = line.split(' ')
    if (ip === '' || phase === 'Succeeded' || phase === 'Failed') continue
    holders.set(ip, [...(holders.get(ip) ?? []), name])
  }
  return Object.fromEntries([...holders].filter(([, names]) => names.length > 1))
}

describe('pod addresses on a node', () => {
  let sandbox: Sandbox
  beforeEach(() => {
    sandbox = createSandbox()
  })
  afterEach(() => sandbox.dispose())

  it('are never shared by two live pods while several processes scale up and down at once', async () => {
    // Given one worker, so every pod takes its address from the same /24
    await sandbox.run(['cluster', 'create', 'ips', '--nodes', '1'])
    await sandbox.run(['apply', '-f', '-'], {input: deployment(2)})
    await sandbox.run(['cluster', 'advance', '30s'])
    // When processes scale, watch and move the clock at the same time, round after round
    for (const replicas of [9, 3, 10, 2, 12, 4, 8]) {
      await Promise.all([
        sandbox.run(['scale', 'deployment', 'web', `--replicas=${replicas}`]),
        sandbox.run(['cluster', 'advance', '1s']),
        sandbox.run(['cluster', 'advance', '2s']),
        sandbox.run(['cluster', 'advance', '3s']),
        sandbox.run(['get', 'pods']),
        sandbox.run(['get', 'pods', '-o', 'wide']),
      ])
      // Then no two live pods hold the same address at any point
      expect(await sharedAddresses(sandbox)).toEqual({})
    }
    await sandbox.run(['cluster', 'advance', '1m'])
    expect(await sharedAddresses(sandbox)).toEqual({})
    const running = await sandbox.run(['get', 'pods', '--no-headers'])
    expect(running.stdout.trim().split('\n')).toHaveLength(8)
  }, 180_000)
})
