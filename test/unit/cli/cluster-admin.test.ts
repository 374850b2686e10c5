import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {
  addNode,
  advanceClusterClock,
  clusterExists,
  createCluster,
  deleteCluster,
  listClusters,
  openExistingCluster,
  readCurrentCluster,
  resetCluster,
  writeCurrentCluster,
} from '../../../src/cli/cluster-admin.js'
import {resolveTarget} from '../../../src/cli/context.js'

const NODES = {group: '', version: 'v1', resource: 'nodes'}
const SMALL = {workers: 1, cpu: '2', memory: '4Gi'}

describe('embedded cluster management', () => {
  let home: string
  let env: NodeJS.ProcessEnv
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'skiff-cluster-admin-'))
    env = {SKIFF_HOME: join(home, '.skiff'), HOME: home, KUBECONFIG: ''}
  })
  afterEach(() => rmSync(home, {recursive: true, force: true}))

  it('creates clusters with their shape, lists them sorted, and deletes them', async () => {
    await createCluster('zeta', SMALL, env)
    await createCluster('alpha', SMALL, env)
    expect(listClusters(env)).toEqual(['alpha', 'zeta'])
    const backend = await openExistingCluster('alpha', env)
    const nodes = (await backend.list(NODES)).items.map((n) => n.metadata.name)
    await backend.close()
    expect(nodes).toEqual(['alpha-control-plane', 'alpha-worker'])
    deleteCluster('zeta', env)
    expect(listClusters(env)).toEqual(['alpha'])
  })

  it('refuses a second cluster of the same name and a name that is not a DNS label', async () => {
    await createCluster('dev', SMALL, env)
    await expect(createCluster('dev', SMALL, env)).rejects.toThrow('cluster "dev" already exists')
    await expect(createCluster('Dev_1', SMALL, env)).rejects.toThrow(/invalid cluster name "Dev_1"/)
    expect(() => deleteCluster('nope', env)).toThrow('cluster "nope" not found')
  })

  it('remembers the current cluster, which resolveTarget honours over the default', async () => {
    await createCluster('dev', SMALL, env)
    expect(resolveTarget({}, env)).toEqual({kind: 'embedded', cluster: 'default'})
    writeCurrentCluster('dev', env)
    expect(readCurrentCluster(env)).toBe('dev')
    expect(resolveTarget({}, env)).toEqual({kind: 'embedded', cluster: 'dev'})
    // an explicit --context still wins
    await createCluster('other', SMALL, env)
    expect(resolveTarget({context: 'other'}, env)).toEqual({kind: 'embedded', cluster: 'other'})
    deleteCluster('dev', env)
    expect(readCurrentCluster(env)).toBeUndefined()
  })

  it('resets a cluster to fresh with the shape it was created with', async () => {
    await createCluster('dev', SMALL, env)
    const before = await openExistingCluster('dev', env)
    await before.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'scratch'}})
    await before.close()
    expect(await resetCluster('dev', env)).toEqual(SMALL)
    const after = await openExistingCluster('dev', env)
    const namespaces = (await after.list({group: '', version: 'v1', resource: 'namespaces'})).items.map(
      (n) => n.metadata.name,
    )
    const nodes = (await after.list(NODES)).items.length
    await after.close()
    expect(namespaces).not.toContain('scratch')
    expect(nodes).toBe(2)
    expect(clusterExists('dev', env)).toBe(true)
  })

  it('adds a Ready node with the next pod CIDR and the cluster shape', async () => {
    await createCluster('dev', SMALL, env)
    const backend = await openExistingCluster('dev', env)
    const node = await addNode(backend, 'dev-worker2')
    await backend.close()
    expect(node['spec']).toMatchObject({podCIDR: '10.244.2.0/24'})
    expect(node['status']).toMatchObject({capacity: {cpu: '2', memory: '4Gi'}})
    const ready = (node['status'] as {conditions: Array<{type: string; status: string}>}).conditions.find(
      (c) => c.type === 'Ready',
    )
    expect(ready?.status).toBe('True')
  })

  it('advances the cluster clock and returns the new cluster time', async () => {
    await createCluster('dev', SMALL, env)
    const backend = await openExistingCluster('dev', env)
    const before = backend.clock.now()
    const after = await advanceClusterClock(backend, 5 * 60_000)
    await backend.close()
    expect(Date.parse(after) - before).toBeGreaterThanOrEqual(5 * 60_000 - 1000)
    expect(after).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    const reopened = await openExistingCluster('dev', env)
    expect(reopened.clock.now() - Date.now()).toBeGreaterThanOrEqual(5 * 60_000 - 1000)
    await reopened.close()
  })
})
