import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {createSandbox, type Sandbox} from './support/cli.js'

const CONFIGMAP =
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  labels: {app: web}\ndata:\n  mode: fast\n'

/** A ReplicaSet owned by a Deployment, and a Pod owned by the ReplicaSet, wired by uid. */
async function ownedChain(sandbox: Sandbox): Promise<void> {
  const deploymentUid = (await sandbox.run(['get', 'deploy', 'web', '-o', 'jsonpath={.metadata.uid}'])).stdout
  const rs = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: 'web-1',
      labels: {app: 'web'},
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: 'web',
          uid: deploymentUid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      replicas: 0,
      selector: {matchLabels: {app: 'web'}},
      template: {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'c', image: 'nginx'}]}},
    },
  }
  expect((await sandbox.run(['create', '-f', '-'], {input: JSON.stringify(rs)})).stdout).toBe(
    'replicaset.apps/web-1 created\n',
  )
  const rsUid = (await sandbox.run(['get', 'rs', 'web-1', '-o', 'jsonpath={.metadata.uid}'])).stdout
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web-1-abcde',
      labels: {app: 'web'},
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'web-1',
          uid: rsUid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {containers: [{name: 'c', image: 'nginx'}]},
  }
  expect((await sandbox.run(['create', '-f', '-'], {input: JSON.stringify(pod)})).stdout).toBe(
    'pod/web-1-abcde created\n',
  )
}

const DEPLOYMENT = JSON.stringify({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {name: 'web'},
  spec: {
    replicas: 0,
    selector: {matchLabels: {app: 'web'}},
    template: {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'c', image: 'nginx'}]}},
  },
})

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
    expect((await sandbox.run(['delete', 'cm', '-l', 'app=web'])).stderr).toBe('No resources found\n')
  })

  it('deletes dependents in the background, keeps them with orphan, and waits for them with foreground', async () => {
    await sandbox.run(['create', '-f', '-'], {input: DEPLOYMENT})
    await ownedChain(sandbox)
    expect((await sandbox.run(['delete', 'deployment', 'web'])).stdout).toBe('deployment.apps "web" deleted\n')
    expect((await sandbox.run(['get', 'rs,pods'])).stderr).toBe('No resources found in default namespace.\n')

    await sandbox.run(['create', '-f', '-'], {input: DEPLOYMENT})
    await ownedChain(sandbox)
    await sandbox.run(['delete', 'deployment', 'web', '--cascade=orphan'])
    const orphans = await sandbox.run([
      'get',
      'rs,pods',
      '-o',
      'jsonpath={range .items[*]}{.metadata.name}:{.metadata.ownerReferences[0].kind}{"\\n"}{end}',
    ])
    expect(orphans.stdout).toBe('web-1:\nweb-1-abcde:ReplicaSet\n')
    await sandbox.run(['delete', 'rs', 'web-1', '--cascade=foreground'])
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
