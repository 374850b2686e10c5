import {join} from 'node:path'
import {execa} from 'execa'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {normalizeAges} from './compare/normalize.js'
import {createSandbox, type Sandbox} from './support/cli.js'
import {startServe, type RunningServe} from './support/serve.js'

// Real kubectl against `skiff serve` (HTTPS, bearer token), compared with skiff's own output on the same cluster.

let sandbox: Sandbox
let server: RunningServe
let kubeconfig: string

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: REPLICAS
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx
`

const ECHO_POD = `apiVersion: v1
kind: Pod
metadata: {name: echo}
spec:
  restartPolicy: Never
  containers:
  - name: echo
    image: busybox
    command: [sh, -c, 'for i in 1 2 3; do echo line $i; sleep 1; done']
`

function env(): Record<string, string> {
  return {SKIFF_HOME: join(sandbox.home, '.skiff'), HOME: sandbox.home, KUBECONFIG: kubeconfig, NO_COLOR: '1'}
}

async function kubectl(
  args: readonly string[],
  input = '',
): Promise<{exitCode: number; stdout: string; stderr: string}> {
  const result = await execa('kubectl', ['--kubeconfig', kubeconfig, ...args], {
    reject: false,
    input,
    env: env(),
    cwd: sandbox.home,
    timeout: 60_000,
    stripFinalNewline: false,
  })
  return {exitCode: result.exitCode ?? 1, stdout: String(result.stdout), stderr: String(result.stderr)}
}

beforeAll(async () => {
  sandbox = createSandbox()
  expect((await sandbox.run(['get', 'nodes'])).exitCode).toBe(0)
  server = await startServe(sandbox)
  kubeconfig = server.kubeconfig
}, 60_000)

afterAll(async () => {
  await server?.stop()
  sandbox.dispose()
})

describe('kubectl against skiff serve', () => {
  it('applies: created, unchanged, configured', async () => {
    expect((await kubectl(['apply', '-f', '-'], DEPLOYMENT.replace('REPLICAS', '2'))).stdout).toBe(
      'deployment.apps/web created\n',
    )
    expect((await kubectl(['apply', '-f', '-'], DEPLOYMENT.replace('REPLICAS', '2'))).stdout).toBe(
      'deployment.apps/web unchanged\n',
    )
    expect((await kubectl(['apply', '-f', '-'], DEPLOYMENT.replace('REPLICAS', '3'))).stdout).toBe(
      'deployment.apps/web configured\n',
    )
  })

  it('waits for rollout and Available', async () => {
    const rollout = await kubectl(['rollout', 'status', 'deployment/web', '--timeout=60s'])
    expect(rollout.stdout).toContain('deployment "web" successfully rolled out')
    const wait = await kubectl(['wait', '--for=condition=Available', 'deployment/web', '--timeout=60s'])
    expect(wait.stdout).toBe('deployment.apps/web condition met\n')
  })

  it('gets pods in every format as skiff does', async () => {
    for (const format of [['-o', 'wide'], ['--show-labels'], ['-o', 'name'], ['-A']]) {
      const theirs = await kubectl(['get', 'pods', ...format])
      const ours = await sandbox.run(['get', 'pods', ...format])
      expect(theirs.exitCode).toBe(0)
      expect(normalizeAges(theirs.stdout)).toBe(normalizeAges(ours.stdout))
    }
    const names = await kubectl(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}'])
    expect(names.stdout).toBe('3')
    const columns = await kubectl(['get', 'deploy', '-l', 'app=web', '-o', 'custom-columns=NAME:.metadata.name'])
    expect(columns.stdout).toBe('NAME\nweb\n')
    const json = JSON.parse((await kubectl(['get', 'deploy', 'web', '-o', 'json'])).stdout) as {kind: string}
    expect(json.kind).toBe('Deployment')
    expect((await kubectl(['get', 'deploy', 'web', '-o', 'yaml'])).stdout).toContain('kind: Deployment')
  })

  it('scales and describes', async () => {
    expect((await kubectl(['scale', 'deployment/web', '--replicas=1'])).stdout).toBe('deployment.apps/web scaled\n')
    const describe = await kubectl(['describe', 'deployment', 'web'])
    expect(describe.stdout).toContain('Replicas:               1 desired')
    // the pods scaled away terminate for their grace period: describe the one that stays
    const pods = JSON.parse((await kubectl(['get', 'pods', '-l', 'app=web', '-o', 'json'])).stdout) as {
      items: Array<{metadata: {name: string; deletionTimestamp?: string}}>
    }
    const staying = pods.items.find((p) => p.metadata.deletionTimestamp === undefined)?.metadata.name ?? ''
    expect((await kubectl(['describe', 'pod', staying])).stdout).toMatch(/^Name:\s+web-/)
  })

  it('follows a pod log to its end', async () => {
    expect((await kubectl(['apply', '-f', '-'], ECHO_POD)).exitCode).toBe(0)
    await kubectl(['wait', '--for=condition=Ready', 'pod/echo', '--timeout=30s'])
    const logs = await kubectl(['logs', '-f', 'echo'])
    expect(logs.stdout).toBe('line 1\nline 2\nline 3\n')
    expect((await kubectl(['logs', 'echo', '--tail=1'])).stdout).toBe('line 3\n')
  })

  it('watches: get -w shows the change as it happens', async () => {
    const watch = execa('kubectl', ['--kubeconfig', kubeconfig, 'get', 'configmaps', '-w'], {
      env: env(),
      reject: false,
    })
    let seen = ''
    const appeared = new Promise<void>((resolve) => {
      watch.stdout?.on('data', (chunk: Buffer) => {
        seen += chunk.toString()
        if (seen.includes('watched')) resolve()
      })
    })
    await new Promise((resolve) => setTimeout(resolve, 1000))
    // apply, not `create configmap`: kubectl's generators send protobuf bodies, which serve does not decode
    await kubectl(['apply', '-f', '-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: watched}\ndata: {a: b}\n')
    await appeared
    watch.kill('SIGTERM')
    await watch
    expect(seen).toMatch(/\nwatched\s+1\s+/)
  })

  it('deletes with cascade variants and waits', async () => {
    const orphan = await kubectl(['delete', 'deployment', 'web', '--cascade=orphan'])
    expect(orphan.stdout).toBe('deployment.apps "web" deleted\n')
    expect((await kubectl(['get', 'rs', '-l', 'app=web', '-o', 'name'])).stdout).toMatch(/replicaset.apps\/web-/)
    const rs = await kubectl(['delete', 'rs', '-l', 'app=web', '--cascade=foreground', '--wait'])
    expect(rs.stdout).toMatch(/replicaset.apps "web-\w+" deleted/)
    expect((await kubectl(['delete', 'pod', 'echo', '--wait'])).stdout).toBe('pod "echo" deleted\n')
    expect((await kubectl(['get', 'pod', 'echo'])).stderr).toBe('Error from server (NotFound): pods "echo" not found\n')
  })

  it('answers malformed requests with the API server Status errors', async () => {
    const badJson = sandbox.write('bad.json', '{bad')
    const decoded = await kubectl(['create', '--raw', '/api/v1/namespaces/default/configmaps', '-f', badJson])
    expect(decoded.stderr).toContain(
      "the object provided is unrecognized (must be of type ConfigMap): couldn't get version/kind; json parse error: invalid character 'b' looking for beginning of object key string ({bad)",
    )
    const big = sandbox.write('big.json', JSON.stringify({metadata: {name: 'big'}, data: {a: 'x'.repeat(3_200_000)}}))
    const tooLarge = await kubectl(['create', '--raw', '/api/v1/namespaces/default/configmaps', '-f', big])
    expect(tooLarge.stderr).toContain('Request entity too large: limit is 3145728')
    const unknown = await kubectl(['get', '--raw', '/api/v1/namespaces/default/widgets'])
    expect(unknown.stderr).toContain('the server could not find the requested resource')
    const strict = sandbox.write(
      'strict.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: strict}\ndata: {a: b}\nfoo: 1\n',
    )
    const refused = await kubectl(['create', '-f', strict, '--validate=strict'])
    expect(refused.exitCode).toBe(1)
    expect(refused.stderr).toContain('unknown field "foo"')
    // and the server still answers
    expect((await kubectl(['get', 'configmap', 'watched', '-o', 'name'])).stdout).toBe('configmap/watched\n')
  })
})
