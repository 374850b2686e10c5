import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {join} from 'node:path'
import {execa} from 'execa'
import {BIN, createSandbox, type Sandbox} from './support/cli.js'

const PODS = `apiVersion: v1
kind: Pod
metadata:
  name: web-1
  labels: {app: web, tier: front}
spec:
  containers:
  - name: nginx
    image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: db-1
  labels: {app: db}
spec:
  containers:
  - name: postgres
    image: postgres:16
    env:
    - name: POSTGRES_PASSWORD
      value: practice
`

describe('skiff get on the embedded cluster', () => {
  let sandbox: Sandbox
  beforeEach(() => {
    sandbox = createSandbox()
  })
  afterEach(() => sandbox.dispose())

  it('says there are no pods on stderr and prints nothing on stdout on a fresh cluster', async () => {
    const result = await sandbox.run(['get', 'pods'])
    expect(result).toEqual({exitCode: 0, stdout: '', stderr: 'No resources found in default namespace.\n'})
  })

  it('lists the system namespaces as Active', async () => {
    const result = await sandbox.run(['get', 'namespaces'])
    expect(result.exitCode).toBe(0)
    const lines = result.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^NAME\s+STATUS\s+AGE$/)
    expect(lines.slice(1).map((l) => l.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'default Active',
      'kube-node-lease Active',
      'kube-public Active',
      'kube-system Active',
    ])
  })

  it('words an unknown resource type as kubectl does and exits 1', async () => {
    const result = await sandbox.run(['get', 'foo'])
    expect(result).toEqual({exitCode: 1, stdout: '', stderr: 'error: the server doesn\'t have a resource type "foo"\n'})
  })

  it('reports a missing object as NotFound but still prints the ones that exist', async () => {
    await sandbox.run(['apply', '-f', sandbox.write('pods.yaml', PODS)])
    const result = await sandbox.run(['get', 'pods', 'web-1', 'nope', '-o', 'name'])
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toBe('pod/web-1\n')
    expect(result.stderr).toBe('Error from server (NotFound): pods "nope" not found\n')
  })

  it('prints pods in the pod table with kubectl columns, Pending at first and Running once started', async () => {
    await sandbox.run(['apply', '-f', sandbox.write('pods.yaml', PODS)])
    const fresh = await sandbox.run(['get', 'po'])
    expect(fresh.exitCode).toBe(0)
    const [header, ...rows] = fresh.stdout.trimEnd().split('\n')
    expect(header).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/)
    for (const row of rows) expect(row).toMatch(/^(db|web)-1\s+0\/1\s+(Pending|ContainerCreating)\s+0\s+\d+s$/)
    await sandbox.run(['cluster', 'advance', '2m'])
    const running = await sandbox.run(['get', 'pods', '-o', 'wide'])
    const lines = running.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/)
    for (const line of lines.slice(1)) {
      expect(line).toMatch(
        /^(db|web)-1\s+1\/1\s+Running\s+0\s+2m\d*s?\s+10\.244\.\d+\.\d+\s+skiff-worker\d?\s+<none>\s+<none>$/,
      )
    }
  })

  it('filters with equality and set-based label selectors', async () => {
    await sandbox.run(['apply', '-f', sandbox.write('pods.yaml', PODS)])
    expect((await sandbox.run(['get', 'pods', '-l', 'app=web', '-o', 'name'])).stdout).toBe('pod/web-1\n')
    expect((await sandbox.run(['get', 'pods', '-l', 'app in (web,db)', '-o', 'name'])).stdout).toBe(
      'pod/db-1\npod/web-1\n',
    )
    expect((await sandbox.run(['get', 'pods', '-l', '!tier', '-o', 'name'])).stdout).toBe('pod/db-1\n')
    expect((await sandbox.run(['get', 'pods', '--field-selector', 'metadata.name=db-1', '-o', 'name'])).stdout).toBe(
      'pod/db-1\n',
    )
  })

  it('prints jsonpath, custom columns and sorted output', async () => {
    await sandbox.run(['apply', '-f', sandbox.write('pods.yaml', PODS)])
    const names = await sandbox.run(['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}'])
    expect(names.stdout).toBe('db-1 web-1')
    const range = await sandbox.run([
      'get',
      'pods',
      '-o',
      'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.spec.containers[0].image}{"\\n"}{end}',
    ])
    expect(range.stdout).toBe('db-1\tpostgres:16\nweb-1\tnginx:1.27\n')
    const columns = await sandbox.run([
      'get',
      'pods',
      '-o',
      'custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image',
      '--sort-by=.metadata.name',
    ])
    expect(columns.stdout).toBe('NAME    IMAGE\ndb-1    postgres:16\nweb-1   nginx:1.27\n')
    const reversed = await sandbox.run(['get', 'pods', '--sort-by={.spec.containers[0].image}', '-o', 'name'])
    expect(reversed.stdout).toBe('pod/web-1\npod/db-1\n')
  })

  it('prints one object alone and several as a List in json and yaml', async () => {
    await sandbox.run(['apply', '-f', sandbox.write('pods.yaml', PODS)])
    const one = JSON.parse((await sandbox.run(['get', 'pod', 'web-1', '-o', 'json'])).stdout) as {
      kind: string
      metadata: {uid: string; resourceVersion: string; creationTimestamp: string}
      spec: {restartPolicy: string; containers: Array<{imagePullPolicy: string}>}
    }
    expect(one.kind).toBe('Pod')
    expect(one.metadata.uid).toMatch(/^[0-9a-f-]{36}$/)
    expect(one.spec.restartPolicy).toBe('Always')
    expect(one.spec.containers[0]?.imagePullPolicy).toBe('IfNotPresent')
    const list = await sandbox.run(['get', 'pods', '-o', 'yaml'])
    expect(list.stdout).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: v1\n {2}kind: Pod\n/)
    expect(list.stdout).toMatch(/\nkind: List\nmetadata:\n {2}resourceVersion: ""\n$/)
  })

  it('shows labels, label columns and all namespaces', async () => {
    await sandbox.run(['apply', '-f', sandbox.write('pods.yaml', PODS)])
    const labels = await sandbox.run(['get', 'pods', '--show-labels', '--no-headers'])
    expect(labels.stdout).toMatch(/^db-1 .* app=db\nweb-1 .* app=web,tier=front\n$/)
    const columns = await sandbox.run(['get', 'pods', '-L', 'tier'])
    expect(columns.stdout.split('\n')[0]).toMatch(/AGE\s+TIER$/)
    const all = await sandbox.run(['get', 'pods', '-A'])
    expect(all.stdout.split('\n')[0]).toMatch(/^NAMESPACE\s+NAME\s+READY/)
    expect(all.stdout).toMatch(/\ndefault\s+db-1\s/)
  })

  it('resolves short names, TYPE/NAME and several types with kind prefixes', async () => {
    await sandbox.run(['apply', '-f', sandbox.write('pods.yaml', PODS)])
    expect((await sandbox.run(['get', 'po/web-1', 'svc/kubernetes', '-o', 'name'])).stdout).toBe(
      'pod/web-1\nservice/kubernetes\n',
    )
    const both = await sandbox.run(['get', 'pods,services'])
    expect(both.stdout).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\npod\/db-1 /)
    expect(both.stdout).toMatch(
      /\n\nNAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\nservice\/kubernetes\s+ClusterIP\s+10\.96\.0\.1\s+<none>\s+443\/TCP\s+/,
    )
  })

  it('ignores missing objects with --ignore-not-found', async () => {
    const result = await sandbox.run(['get', 'pod', 'nope', '--ignore-not-found'])
    expect(result).toEqual({exitCode: 0, stdout: '', stderr: ''})
  })
})

describe('skiff get --watch', () => {
  it('prints the current rows, then a row for every change as it happens', async () => {
    const sandbox = createSandbox()
    try {
      await sandbox.run(['create', 'configmap', 'first', '--from-literal=a=b'])
      // Given a watcher of config maps
      const watcher = execa('node', [BIN, 'get', 'configmaps', '-w', '--output-watch-events'], {
        env: {SKIFF_HOME: join(sandbox.home, '.skiff'), HOME: sandbox.home, KUBECONFIG: ''},
        reject: false,
      })
      let seen = ''
      let waiting: {count: number; resolve: () => void} | undefined
      watcher.stdout?.on('data', (chunk: Buffer) => {
        seen += chunk.toString()
        if (waiting && seen.split('\n').length > waiting.count) waiting.resolve()
      })
      const lines = (count: number): Promise<void> =>
        new Promise((resolve) => {
          waiting = {count, resolve}
          if (seen.split('\n').length > count) resolve()
        })
      await lines(2)
      // When another process creates and deletes one
      await sandbox.run(['create', 'configmap', 'second', '--from-literal=c=d'])
      await sandbox.run(['delete', 'configmap', 'second'])
      await lines(4)
      watcher.kill('SIGINT')
      await watcher
      // Then the watcher printed each event with kubectl's EVENT column
      const rows = seen.trimEnd().split('\n')
      expect(rows[0]).toMatch(/^EVENT\s+NAME\s+DATA\s+AGE$/)
      expect(rows.slice(1).map((r) => r.split(/\s+/).slice(0, 3).join(' '))).toEqual([
        'ADDED first 1',
        'ADDED second 1',
        'DELETED second 1',
      ])
    } finally {
      sandbox.dispose()
    }
  })
})
