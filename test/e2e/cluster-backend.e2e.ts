import {readFileSync} from 'node:fs'
import {createServer} from 'node:net'
import {join} from 'node:path'
import {execa} from 'execa'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {BIN, createSandbox, type CliResult, type Sandbox} from './support/cli.js'
import {normalizeAges} from './compare/normalize.js'
import {startServe, type RunningServe} from './support/serve.js'

// skiff's cluster backend (through --kubeconfig) against a real `skiff serve`, beside real kubectl where
// both must print the same.

let sandbox: Sandbox
let server: RunningServe
let clientHome: string

const DEPLOYMENT = (replicas: number): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: main
        image: busybox:1.36
        command: [sh, -c, 'echo started; echo serving; sleep 3600']
`

const WIDGET_CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  names: {kind: Widget, plural: widgets, singular: widget, shortNames: [wd]}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
    additionalPrinterColumns:
    - {name: Size, type: string, jsonPath: .spec.size}
`

// a client with its own HOME and SKIFF_HOME: it shares nothing with the server but the kubeconfig
function clientEnv(): Record<string, string> {
  return {HOME: clientHome, SKIFF_HOME: join(clientHome, '.skiff'), KUBECONFIG: '', NO_COLOR: '1'}
}

async function skiff(args: readonly string[], input = ''): Promise<CliResult> {
  const result = await execa('node', [BIN, ...args, '--kubeconfig', server.kubeconfig], {
    reject: false,
    input,
    env: clientEnv(),
    stripFinalNewline: false,
  })
  return {exitCode: result.exitCode ?? 1, stdout: String(result.stdout), stderr: String(result.stderr)}
}

async function kubectl(args: readonly string[]): Promise<CliResult> {
  const result = await execa('kubectl', [...args, '--kubeconfig', server.kubeconfig], {
    reject: false,
    env: clientEnv(),
    stripFinalNewline: false,
  })
  return {exitCode: result.exitCode ?? 1, stdout: String(result.stdout), stderr: String(result.stderr)}
}

beforeAll(async () => {
  sandbox = createSandbox()
  server = await startServe(sandbox)
  clientHome = join(sandbox.home, 'client')
  await execa('mkdir', ['-p', clientHome])
})

afterAll(async () => {
  await server?.stop()
  sandbox?.dispose()
})

describe('the cluster backend against skiff serve', () => {
  it('prints the server’s tables as kubectl does', async () => {
    for (const args of [
      ['get', 'nodes'],
      ['get', 'nodes', '-o', 'wide'],
      ['get', 'ns', '--show-labels'],
    ]) {
      const [mine, theirs] = await Promise.all([skiff(args), kubectl(args)])
      expect(mine.exitCode, mine.stderr).toBe(0)
      expect(normalizeAges(mine.stdout)).toBe(normalizeAges(theirs.stdout))
    }
  })

  it('prints -o json, yaml and name as kubectl does', async () => {
    for (const args of [
      ['get', 'ns', 'default', '-o', 'json'],
      ['get', 'ns', '-o', 'yaml'],
      ['get', 'ns', '-o', 'name'],
    ]) {
      const [mine, theirs] = await Promise.all([skiff(args), kubectl(args)])
      expect(mine.exitCode, mine.stderr).toBe(0)
      expect(mine.stdout).toBe(theirs.stdout)
    }
  })

  it('takes the global flags before the command too, as kubectl does', async () => {
    const result = await execa(
      'node',
      [BIN, '--kubeconfig', server.kubeconfig, '-n', 'kube-system', 'get', 'ns', 'default', '-o', 'name'],
      {
        env: clientEnv(),
        reject: false,
      },
    )
    expect(result.stdout).toBe('namespace/default')
  })

  it('applies, scales, shows logs, describes and deletes through the API', async () => {
    const file = sandbox.write('web.yaml', DEPLOYMENT(2))
    expect(await skiff(['apply', '-f', file])).toMatchObject({exitCode: 0, stdout: 'deployment.apps/web created\n'})
    expect((await skiff(['apply', '-f', file])).stdout).toBe('deployment.apps/web unchanged\n')
    // kubectl reads the last-applied annotation skiff wrote: nothing to change
    expect((await kubectl(['apply', '-f', file])).stdout).toBe('deployment.apps/web unchanged\n')
    sandbox.write('web.yaml', DEPLOYMENT(3))
    expect((await skiff(['apply', '-f', file])).stdout).toBe('deployment.apps/web configured\n')
    expect(await skiff(['scale', 'deployment/web', '--replicas=1'])).toMatchObject({
      exitCode: 0,
      stdout: 'deployment.apps/web scaled\n',
    })
    expect((await skiff(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}'])).stdout).toBe('1')

    const pods = await skiff(['get', 'pods', '-l', 'app=web', '-o', 'name'])
    const pod = pods.stdout.trim().split('\n')[0] ?? ''
    expect(pod).toMatch(/^pod\/web-/)
    const [myLogs, theirLogs] = await Promise.all([skiff(['logs', pod]), kubectl(['logs', pod])])
    expect(myLogs.stdout).toBe(theirLogs.stdout)

    const [mine, theirs] = await Promise.all([
      skiff(['describe', 'deployment', 'web']),
      kubectl(['describe', 'deployment', 'web']),
    ])
    expect(mine.exitCode, mine.stderr).toBe(0)
    expect(normalizeAges(mine.stdout)).toBe(normalizeAges(theirs.stdout))

    expect(await skiff(['delete', 'deployment', 'web'])).toMatchObject({
      exitCode: 0,
      stdout: 'deployment.apps "web" deleted\n',
    })
  })

  it('words server errors as kubectl does, with exit code 1', async () => {
    for (const args of [
      ['get', 'deployment', 'nope'],
      ['get', 'nosuchthing'],
      ['delete', 'configmap', 'nope'],
    ]) {
      const [mine, theirs] = await Promise.all([skiff(args), kubectl(args)])
      expect(mine.exitCode).toBe(1)
      expect(theirs.exitCode).toBe(1)
      expect(mine.stderr).toBe(theirs.stderr.replace(/^E\d{4} .*\n/gm, ''))
    }
  })

  it('follows a container’s log as it is written (logs -f)', async () => {
    const pod = sandbox.write(
      'talk.yaml',
      `apiVersion: v1
kind: Pod
metadata: {name: talk}
spec:
  containers:
  - name: main
    image: busybox:1.36
    command: [sh, -c, 'i=0; while true; do echo line $i; i=$((i+1)); sleep 1; done']
`,
    )
    expect((await skiff(['apply', '-f', pod])).exitCode).toBe(0)
    // a container that has not started has no log to follow yet (kubectl says so and exits)
    expect((await skiff(['wait', '--for=condition=Ready', 'pod/talk', '--timeout=60s'])).exitCode).toBe(0)
    const follow = execa('node', [BIN, 'logs', '-f', 'talk', '--kubeconfig', server.kubeconfig], {
      env: clientEnv(),
      reject: false,
      buffer: false,
    })
    let seen = ''
    try {
      await new Promise<void>((resolve) => {
        follow.stdout?.on('data', (chunk: Buffer) => {
          seen += chunk.toString()
          if (seen.includes('line 2\n')) resolve()
        })
        void follow.then(() => resolve())
      })
      expect(seen.startsWith('line 0\nline 1\nline 2\n')).toBe(true)
    } finally {
      follow.kill('SIGTERM')
      await follow
    }
  })

  it('says a rejected token as kubectl does', async () => {
    const bad = sandbox.write(
      'bad.kubeconfig',
      readFileSync(server.kubeconfig, 'utf8').replace(/token: .*/, 'token: bad'),
    )
    const mine = await execa('node', [BIN, 'get', 'pods', '--kubeconfig', bad], {env: clientEnv(), reject: false})
    const theirs = await execa('kubectl', ['get', 'pods', '--kubeconfig', bad], {env: clientEnv(), reject: false})
    expect(mine.exitCode).toBe(1)
    expect(mine.stderr).toBe('error: You must be logged in to the server (Unauthorized)')
    expect(theirs.stderr.split('\n').at(-1)).toBe(mine.stderr)
  })

  it('watches: the current rows, then a row for each change', async () => {
    expect((await skiff(['create', 'configmap', 'before'])).exitCode).toBe(0)
    const watch = execa('node', [BIN, 'get', 'configmaps', '-w', '--kubeconfig', server.kubeconfig], {
      env: clientEnv(),
      reject: false,
      buffer: false,
    })
    let seen = ''
    const waitFor = (text: string): Promise<void> =>
      new Promise((resolve) => {
        const check = (): void => {
          if (seen.includes(text)) resolve()
        }
        watch.stdout?.on('data', (chunk: Buffer) => {
          seen += chunk.toString()
          check()
        })
        check()
      })
    try {
      await waitFor('before')
      expect(seen.split('\n')[0]).toMatch(/^NAME\s+DATA\s+AGE$/)
      const created = await skiff(['create', 'configmap', 'watched', '--from-literal=a=b'])
      expect(created.exitCode, created.stderr).toBe(0)
      await waitFor('watched')
      expect(seen).toMatch(/\nwatched\s+1\s+\d+s\n/)
    } finally {
      watch.kill('SIGTERM')
      await watch
    }
  })

  it('serves a CRD another client just created at once, with its printer columns and short name', async () => {
    // Given: skiff's discovery cache is warm, then kubectl creates a CRD skiff has never seen
    expect((await skiff(['get', 'pods'])).exitCode).toBe(0)
    const crd = sandbox.write('crd.yaml', WIDGET_CRD)
    const created = await kubectl(['apply', '-f', crd, '--validate=false'])
    expect(created.exitCode, created.stderr).toBe(0)
    // When: skiff is asked for the new type by its short name, it asks discovery again
    const empty = await skiff(['get', 'wd'])
    expect(empty).toMatchObject({exitCode: 0, stderr: 'No resources found in default namespace.\n'})
    const widget = sandbox.write(
      'w1.yaml',
      'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w1}\nspec: {size: big}\n',
    )
    expect((await skiff(['apply', '-f', widget])).stdout).toBe('widget.example.com/w1 created\n')
    const [mine, theirs] = await Promise.all([skiff(['get', 'wd']), kubectl(['get', 'wd'])])
    expect(mine.stdout).toBe('NAME   SIZE\nw1     big\n')
    expect(mine.stdout).toBe(theirs.stdout)
    expect((await skiff(['delete', 'wd', 'w1'])).stdout).toBe('widget.example.com "w1" deleted\n')
  })

  it('honours the context’s namespace and -n', async () => {
    expect((await skiff(['create', 'namespace', 'shop'])).exitCode).toBe(0)
    expect((await skiff(['create', 'configmap', 'in-shop', '-n', 'shop'])).exitCode).toBe(0)
    expect((await skiff(['get', 'configmap', 'in-shop', '-n', 'shop', '-o', 'name'])).stdout).toBe(
      'configmap/in-shop\n',
    )
    expect((await skiff(['get', 'configmap', 'in-shop'])).stderr).toBe(
      'Error from server (NotFound): configmaps "in-shop" not found\n',
    )
  })
})

describe('a cluster that cannot be reached', () => {
  it('says the connection was refused as kubectl does, with exit code 1', async () => {
    // a port that was free a moment ago: nothing listens there
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address()
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
      })
    })
    const kubeconfig = sandbox.write(
      'refused.yaml',
      `apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: "https://127.0.0.1:${port}"}}]
users: [{name: u, user: {token: t}}]
contexts: [{name: x, context: {cluster: c, user: u}}]
current-context: x
`,
    )
    const result = await sandbox.run(['get', 'pods', '--kubeconfig', kubeconfig])
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toBe(
      `The connection to the server 127.0.0.1:${port} was refused - did you specify the right host or port?\n`,
    )
  })
})

describe('switching between a served cluster and an embedded one', () => {
  it('takes one command each way, and each side sees its own objects', async () => {
    // Given: the served cluster's kubeconfig is the user's, and an embedded cluster `lab` exists
    const env = {KUBECONFIG: server.kubeconfig}
    expect((await sandbox.run(['cluster', 'create', 'lab'])).exitCode).toBe(0)
    expect((await sandbox.run(['config', 'use-context', 'skiff-default'], {env})).exitCode).toBe(0)
    expect((await sandbox.run(['create', 'configmap', 'only-served'], {env})).exitCode).toBe(0)
    expect((await sandbox.run(['config', 'current-context'], {env})).stdout).toBe('skiff-default\n')

    expect((await sandbox.run(['config', 'use-context', 'lab'], {env})).stdout).toBe('Switched to context "lab".\n')
    expect((await sandbox.run(['get', 'configmap', 'only-served'], {env})).exitCode).toBe(1)
    const contexts = await sandbox.run(['config', 'get-contexts'], {env})
    expect(contexts.stdout).toMatch(/^\*\s+lab\s+\(embedded\)/m)
    expect(contexts.stdout).toMatch(/^\s+skiff-default\s+skiff-default\s+skiff-default\s+default$/m)

    expect((await sandbox.run(['config', 'use-context', 'skiff-default'], {env})).exitCode).toBe(0)
    expect((await sandbox.run(['get', 'configmap', 'only-served', '-o', 'name'], {env})).stdout).toBe(
      'configmap/only-served\n',
    )
    // `cluster use` follows the same rule as `config use-context` for an embedded cluster
    expect((await sandbox.run(['cluster', 'use', 'lab'], {env})).exitCode).toBe(0)
    const current = await sandbox.run(['config', 'current-context'], {env})
    expect(current.stdout, current.stderr).toBe('lab\n')
  })
})
