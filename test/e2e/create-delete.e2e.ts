import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {createSandbox, type Sandbox} from './support/cli.js'

const CONFIGMAP =
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  labels: {app: web}\ndata:\n  mode: fast\n'

describe('skiff create and delete on the embedded cluster', () => {
  let sandbox: Sandbox
  beforeEach(() => {
    sandbox = createSandbox()
  })
  afterEach(() => sandbox.dispose())

  it('creates once, then reports AlreadyExists naming the file', async () => {
    const file = sandbox.write('cm.yaml', CONFIGMAP)
    expect(await sandbox.run(['create', '-f', file])).toEqual({
      exitCode: 0,
      stdout: 'configmap/settings created\n',
      stderr: '',
    })
    expect(await sandbox.run(['create', '-f', file])).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: `Error from server (AlreadyExists): error when creating "${file}": configmaps "settings" already exists\n`,
    })
  })

  it('creates a namespace and works inside it with -n', async () => {
    expect((await sandbox.run(['create', 'namespace', 'team-a'])).stdout).toBe('namespace/team-a created\n')
    expect((await sandbox.run(['create', '-f', '-', '-n', 'team-a'], {input: CONFIGMAP})).stdout).toBe(
      'configmap/settings created\n',
    )
    expect((await sandbox.run(['get', 'cm', '-n', 'team-a', '-o', 'name'])).stdout).toBe('configmap/settings\n')
    expect((await sandbox.run(['get', 'sa', '-n', 'team-a', '-o', 'name'])).stdout).toBe('serviceaccount/default\n')
    const bad = await sandbox.run(['create', 'namespace', 'Team_A'])
    expect(bad.exitCode).toBe(1)
    expect(bad.stderr).toMatch(
      /^The Namespace "Team_A" is invalid: metadata\.name: Invalid value: "Team_A": a lowercase RFC 1123 label must consist of/,
    )
  })

  it('deletes by name, by label, and all, in kubectl words', async () => {
    await sandbox.run(['create', '-f', sandbox.write('cm.yaml', CONFIGMAP)])
    await sandbox.run(['create', 'configmap', 'other', '--from-literal=a=b'])
    expect(await sandbox.run(['delete', 'configmap', 'settings'])).toEqual({
      exitCode: 0,
      stdout: 'configmap "settings" deleted\n',
      stderr: '',
    })
    const again = await sandbox.run(['delete', 'configmap', 'settings'])
    expect(again).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'Error from server (NotFound): configmaps "settings" not found\n',
    })
    expect(await sandbox.run(['delete', 'configmap', 'settings', '--ignore-not-found'])).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: '',
    })
    expect((await sandbox.run(['delete', 'cm', '--all'])).stdout).toBe('configmap "other" deleted\n')
    expect((await sandbox.run(['delete', 'cm', '-l', 'app=web'])).stdout).toBe('No resources found\n')
  })

  it('deletes dependents in the background, keeps them with orphan, and waits for them with foreground', async () => {
    // Given a Deployment whose controllers made a ReplicaSet and two running pods
    const startDeployment = async (): Promise<string> => {
      await sandbox.run(['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2'])
      await sandbox.run(['cluster', 'advance', '1m'])
      return (await sandbox.run(['get', 'rs', '-o', 'name'])).stdout.trim()
    }
    await startDeployment()
    // When it is deleted with the default (background) propagation, the garbage collector takes the rest
    expect((await sandbox.run(['delete', 'deployment', 'web'])).stdout).toBe('deployment.apps "web" deleted\n')
    await sandbox.run(['cluster', 'advance', '1m'])
    expect((await sandbox.run(['get', 'rs,pods'])).stderr).toBe('No resources found in default namespace.\n')

    // With orphan, the ReplicaSet stays, without its owner, and keeps its pods
    const rs = await startDeployment()
    await sandbox.run(['delete', 'deployment', 'web', '--cascade=orphan'])
    await sandbox.run(['cluster', 'advance', '1m'])
    const orphans = await sandbox.run([
      'get',
      'rs,pods',
      '-o',
      'jsonpath={range .items[*]}{.kind}:{.metadata.ownerReferences[0].kind}{"\\n"}{end}',
    ])
    expect(orphans.stdout).toBe('ReplicaSet:\nPod:ReplicaSet\nPod:ReplicaSet\n')
    // With foreground, delete returns once the pods are gone and the ReplicaSet with them
    expect((await sandbox.run(['delete', rs, '--cascade=foreground'])).exitCode).toBe(0)
    expect((await sandbox.run(['get', 'rs,pods'])).stderr).toBe('No resources found in default namespace.\n')
  })

  it('deletes what a namespace holds with the namespace', async () => {
    await sandbox.run(['create', 'namespace', 'scratch'])
    await sandbox.run(['create', '-f', '-', '-n', 'scratch'], {input: CONFIGMAP})
    expect((await sandbox.run(['delete', 'namespace', 'scratch'])).stdout).toBe('namespace "scratch" deleted\n')
    expect((await sandbox.run(['get', 'ns', 'scratch'])).stderr).toBe(
      'Error from server (NotFound): namespaces "scratch" not found\n',
    )
    expect((await sandbox.run(['get', 'cm', '-n', 'scratch'])).stderr).toBe(
      'No resources found in scratch namespace.\n',
    )
    const immortal = await sandbox.run(['delete', 'namespace', 'default'])
    expect(immortal.stderr).toBe(
      'Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted\n',
    )
  })

  it('deletes what a file names and supports dry runs', async () => {
    const file = sandbox.write('cm.yaml', CONFIGMAP)
    await sandbox.run(['create', '-f', file])
    expect((await sandbox.run(['delete', '-f', file, '--dry-run=client'])).stdout).toBe(
      'configmap "settings" deleted (dry run)\n',
    )
    expect((await sandbox.run(['delete', '-f', file])).stdout).toBe('configmap "settings" deleted\n')
  })

  it('explains what is missing when nothing is named', async () => {
    const none = await sandbox.run(['delete'])
    expect(none.exitCode).toBe(1)
    expect(none.stderr).toMatch(/^error: You must provide one or more resources by argument or filename\./)
    const typeOnly = await sandbox.run(['delete', 'pods'])
    expect(typeOnly).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'error: resource(s) were provided, but no name was specified\n',
    })
  })
})
