import {mkdirSync} from 'node:fs'
import {join} from 'node:path'
import {execa} from 'execa'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {BIN, createSandbox, type Sandbox} from './support/cli.js'

const configMap = (name: string): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  labels: {set: load}\ndata:\n  payload: "${name.repeat(20)}"\n`

describe('the embedded store under concurrent and interrupted use', () => {
  let sandbox: Sandbox
  beforeEach(() => {
    sandbox = createSandbox()
  })
  afterEach(() => sandbox.dispose())

  it('loses no write and never reports a locked database with 8 processes applying and deleting at once', async () => {
    // Given a cluster that exists before the workers start
    await sandbox.run(['get', 'ns'])
    const rounds = 5
    // When 8 workers each apply a new config map and delete their previous one, round after round
    const workers = Array.from({length: 8}, (_, worker) =>
      sandbox.shell(
        `set -e; for i in $(seq 1 ${rounds}); do
          printf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: w${worker}-%s\\ndata:\\n  round: "%s"\\n' $i $i | node "$SKIFF_BIN" apply -f -
          if [ $i -gt 1 ]; then node "$SKIFF_BIN" delete configmap w${worker}-$((i-1)); fi
        done`,
      ),
    )
    const results = await Promise.all(workers)
    // Then every command succeeded, and exactly each worker's last config map is left
    for (const result of results) {
      expect(result.stderr).not.toMatch(/locked|SQLITE_BUSY/)
      expect(result.exitCode).toBe(0)
    }
    const names = (await sandbox.run(['get', 'configmaps', '-o', 'name'])).stdout.trim().split('\n').sort()
    expect(names).toEqual(Array.from({length: 8}, (_, w) => `configmap/w${w}-${rounds}`).sort())
  }, 120_000)

  it('leaves every object whole or absent when apply is killed midway, and a second apply completes it', async () => {
    // Given a directory of 150 manifests
    const dir = join(sandbox.home, 'many')
    mkdirSync(dir)
    const count = 150
    for (let i = 0; i < count; i++)
      sandbox.write(`many/cm-${String(i).padStart(3, '0')}.yaml`, configMap(`cm-${String(i).padStart(3, '0')}`))
    // When apply is killed with SIGKILL once it has started writing
    const child = execa('node', [BIN, 'apply', '-f', dir], {
      reject: false,
      env: {SKIFF_HOME: join(sandbox.home, '.skiff'), HOME: sandbox.home, KUBECONFIG: ''},
    })
    await new Promise<void>((resolve) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('created')) resolve()
      })
      void child.then(() => resolve())
    })
    child.kill('SIGKILL')
    const killed = await child
    // Then the store opens, and each stored object is whole
    const listed = await sandbox.run(['get', 'configmaps', '-l', 'set=load', '-o', 'json'])
    expect(listed.exitCode).toBe(0)
    const items = (JSON.parse(listed.stdout) as {items: Array<{metadata: {name: string}; data: {payload: string}}>})
      .items
    expect(killed.isTerminated || killed.exitCode === 0).toBe(true)
    for (const item of items) expect(item.data.payload).toBe(item.metadata.name.repeat(20))
    // And running the same apply again completes it
    const again = await sandbox.run(['apply', '-f', dir])
    expect(again.exitCode).toBe(0)
    const all = await sandbox.run(['get', 'configmaps', '-l', 'set=load', '-o', 'name'])
    expect(all.stdout.trim().split('\n')).toHaveLength(count)
  }, 120_000)
})
