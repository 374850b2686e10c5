import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {execa, type ResultPromise} from 'execa'
import {parse as parseYaml} from 'yaml'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {BIN, createSandbox, type CliResult, type Sandbox} from './support/cli.js'
import {startServe, type RunningServe} from './support/serve.js'

// skiff (through --kubeconfig) and real kubectl as two clients of the same `skiff serve`: what one client
// does, the other sees as it would on a real cluster.

let sandbox: Sandbox
let server: RunningServe
let clientHome: string

const GADGET_CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: gadgets.example.com}
spec:
  group: example.com
  names: {kind: Gadget, plural: gadgets, singular: gadget}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
    additionalPrinterColumns:
    - {name: Color, type: string, jsonPath: .spec.color}
`

// a client with its own HOME and SKIFF_HOME (so its own discovery cache): it shares only the kubeconfig
function clientEnv(): Record<string, string> {
  return {HOME: clientHome, SKIFF_HOME: join(clientHome, '.skiff'), KUBECONFIG: '', NO_COLOR: '1'}
}

async function skiff(args: readonly string[]): Promise<CliResult> {
  const result = await execa('node', [BIN, '--kubeconfig', server.kubeconfig, ...args], {
    reject: false,
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

/** A long-running command whose output can be awaited line by line. */
interface Watcher {
  /** resolves once the output holds text */
  waitFor(text: string): Promise<void>
  output(): string
  stop(): Promise<void>
}

function watcher(command: string, args: readonly string[], env: Record<string, string>): Watcher {
  const child: ResultPromise = execa(command, args, {env, reject: false, buffer: false, stdin: 'ignore'})
  let seen = ''
  const waiting: Array<{text: string; resolve: () => void}> = []
  child.stdout?.on('data', (chunk: Buffer) => {
    seen += chunk.toString()
    for (const w of waiting.filter((w) => seen.includes(w.text))) w.resolve()
  })
  return {
    waitFor: (text) =>
      new Promise((resolve) => {
        if (seen.includes(text)) resolve()
        else waiting.push({text, resolve})
      }),
    output: () => seen,
    async stop() {
      child.kill('SIGTERM')
      await child
    },
  }
}

beforeAll(async () => {
  sandbox = createSandbox()
  server = await startServe(sandbox)
  clientHome = join(sandbox.home, 'client')
  mkdirSync(clientHome, {recursive: true})
}, 60_000)

afterAll(async () => {
  await server.stop()
  sandbox.dispose()
})

describe('a CRD another client created while skiff’s discovery cache is fresh', () => {
  it('maps at once for apply -f, get -f, create -f and delete -f', async () => {
    // Given: skiff's discovery cache is warm, then kubectl creates a CRD skiff has never seen
    expect((await skiff(['get', 'configmaps'])).exitCode).toBe(0)
    const created = await kubectl(['apply', '-f', sandbox.write('gadget-crd.yaml', GADGET_CRD)])
    expect(created.stdout).toBe('customresourcedefinition.apiextensions.k8s.io/gadgets.example.com created\n')
    const one = sandbox.write(
      'g1.yaml',
      'apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g1}\nspec: {color: red}\n',
    )
    // When/Then: each -f command is the first to name the kind, so each finds it past its cache
    expect(await skiff(['apply', '-f', one])).toMatchObject({exitCode: 0, stdout: 'gadget.example.com/g1 created\n'})
    expect((await skiff(['get', '-f', one])).stdout).toBe('NAME   COLOR\ng1     red\n')
    expect((await skiff(['delete', '-f', one])).stdout).toBe('gadget.example.com "g1" deleted\n')
    expect(await skiff(['create', '-f', one])).toMatchObject({exitCode: 0, stdout: 'gadget.example.com/g1 created\n'})
  })
})

describe('get -w on a custom resource', () => {
  it('shows the CRD’s printer columns for every change, on both backends and through serve', async () => {
    // Given: a CRD with a printer column and one object, and three watchers of its kind
    const crd = GADGET_CRD.replaceAll('gadget', 'sprocket').replaceAll('Gadget', 'Sprocket')
    expect((await kubectl(['apply', '-f', sandbox.write('sprocket-crd.yaml', crd)])).exitCode).toBe(0)
    const sprocket = (name: string, color: string): string =>
      sandbox.write(
        `${name}.yaml`,
        `apiVersion: example.com/v1\nkind: Sprocket\nmetadata: {name: ${name}}\nspec: {color: ${color}}\n`,
      )
    expect((await kubectl(['apply', '-f', sprocket('s1', 'red')])).exitCode).toBe(0)
    const watchers = [
      watcher('kubectl', ['get', 'sprockets', '-w', '--kubeconfig', server.kubeconfig], clientEnv()),
      watcher('node', [BIN, 'get', 'sprockets', '-w', '--kubeconfig', server.kubeconfig], clientEnv()),
      // skiff on the embedded cluster serve serves, beside it
      watcher('node', [BIN, 'get', 'sprockets', '-w'], {
        HOME: sandbox.home,
        SKIFF_HOME: join(sandbox.home, '.skiff'),
        KUBECONFIG: '',
        NO_COLOR: '1',
      }),
    ]
    try {
      await Promise.all(watchers.map((w) => w.waitFor('s1')))
      // When: another object appears
      expect((await kubectl(['apply', '-f', sprocket('s2', 'blue')])).exitCode).toBe(0)
      await Promise.all(watchers.map((w) => w.waitFor('s2')))
    } finally {
      await Promise.all(watchers.map((w) => w.stop()))
    }
    // Then: each printed the header and both rows with the Color column, as kubectl did
    const [theirs, ...mine] = watchers.map((w) => w.output())
    expect(theirs).toBe('NAME   COLOR\ns1     red\ns2     blue\n')
    for (const output of mine) expect(output).toBe(theirs)
  })
})

describe('field managers', () => {
  it('records each write under the manager kubectl’s command (or the client’s User-Agent) gives it', async () => {
    const deployment = sandbox.write(
      'managed.yaml',
      `apiVersion: apps/v1
kind: Deployment
metadata: {name: managed}
spec:
  replicas: 1
  selector: {matchLabels: {app: managed}}
  template:
    metadata: {labels: {app: managed}}
    spec: {containers: [{name: main, image: busybox:1.36}]}
`,
    )
    // Given: writes from kubectl, from skiff through serve and on the embedded cluster, and from another client
    expect((await kubectl(['apply', '-f', deployment])).exitCode).toBe(0)
    expect((await kubectl(['scale', 'deployment', 'managed', '--replicas=2'])).exitCode).toBe(0)
    expect((await skiff(['label', 'deployment', 'managed', 'tier=web'])).exitCode).toBe(0)
    expect((await skiff(['annotate', 'deployment', 'managed', 'note=x'])).exitCode).toBe(0)
    expect((await skiff(['set', 'image', 'deployment/managed', 'main=busybox:1.37'])).exitCode).toBe(0)
    const embedded = await sandbox.run(['rollout', 'restart', 'deployment/managed'])
    expect(embedded.exitCode, embedded.stderr).toBe(0)
    expect((await sandbox.run(['create', 'configmap', 'managed', '--from-literal=a=b'])).exitCode).toBe(0)
    expect(
      await patchAs('my-operator/v2.1 (linux/amd64)', '/apis/apps/v1/namespaces/default/deployments/managed'),
    ).toBe(200)
    // Then: kubectl shows the managers a real API server would have recorded
    const managers = (resource: string): Promise<CliResult> =>
      kubectl([
        'get',
        resource,
        '-o',
        'jsonpath={range .metadata.managedFields[*]}{.manager} {.operation} {.subresource}{"\\n"}{end}',
      ])
    const lines = (await managers('deployment/managed')).stdout
      .trim()
      .split('\n')
      .map((l) => l.trim())
      // the controllers' own writes depend on how far their loops got
      .filter((l) => !l.startsWith('kube-controller-manager'))
    expect(lines.sort()).toEqual(
      [
        'kubectl Update scale',
        'kubectl-annotate Update',
        'kubectl-client-side-apply Update',
        'kubectl-label Update',
        'kubectl-rollout Update',
        'kubectl-set Update',
        'my-operator Update',
      ].sort(),
    )
    expect((await managers('configmap/managed')).stdout).toBe('kubectl-create Update \n')
  })
})

/** A merge patch sent as a client that names no field manager, with its own User-Agent. */
async function patchAs(userAgent: string, path: string): Promise<number> {
  const config = parseYaml(readFileSync(server.kubeconfig, 'utf8')) as {
    clusters: Array<{cluster: {'certificate-authority-data': string}}>
    users: Array<{user: {token: string}}>
  }
  const ca = join(clientHome, 'ca.crt')
  writeFileSync(ca, Buffer.from(config.clusters[0]?.cluster['certificate-authority-data'] ?? '', 'base64'))
  const result = await execa(
    'curl',
    [
      '-s',
      '-o',
      '/dev/null',
      '-w',
      '%{http_code}',
      '--cacert',
      ca,
      '-A',
      userAgent,
      '-H',
      `Authorization: Bearer ${config.users[0]?.user.token ?? ''}`,
      '-H',
      'Content-Type: application/merge-patch+json',
      '-X',
      'PATCH',
      '--data',
      '{"metadata":{"labels":{"operated":"yes"}}}',
      `${server.address}${path}`,
    ],
    {reject: false},
  )
  return Number(result.stdout)
}

describe('serve with KUBECONFIG pointing at the kubeconfig it writes', () => {
  it('serves the current embedded cluster again, whatever that kubeconfig names', async () => {
    const own = createSandbox()
    try {
      // Given: a first serve wrote its kubeconfig, and the user exported it
      const first = await startServe(own)
      await first.stop()
      // When: serve starts again with KUBECONFIG naming that file
      const second = await startServe(own, [], {KUBECONFIG: first.kubeconfig})
      try {
        // Then: it serves the embedded cluster, and its new kubeconfig reaches it
        expect(second.output()).toMatch(/^Serving the embedded cluster "default" at https:\/\/127\.0\.0\.1:\d+\n/)
        const nodes = await execa('kubectl', ['get', 'namespaces', '-o', 'name', '--kubeconfig', second.kubeconfig], {
          reject: false,
        })
        expect(nodes.stdout).toContain('namespace/default')
      } finally {
        await second.stop()
      }
    } finally {
      own.dispose()
    }
  }, 90_000)
})

describe('--validate on the embedded backend', () => {
  it('refuses unknown fields with the API server’s words kubectl shows, unless told to ignore them', async () => {
    const manifest = sandbox.write(
      'unknown-field.yaml',
      `apiVersion: apps/v1
kind: Deployment
metadata: {name: strict}
spec:
  foo: 1
  selector: {matchLabels: {app: strict}}
  template:
    metadata: {labels: {app: strict}}
    spec: {containers: [{name: main, image: busybox:1.36, bar: 2}]}
`,
    )
    // Given: what kubectl (default --validate=strict) says through serve
    const theirs = await kubectl(['apply', '-f', manifest])
    expect(theirs.exitCode).toBe(1)
    expect(theirs.stderr).toContain(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo", unknown field "spec.template.spec.containers[0].bar"',
    )
    // When/Then: skiff on the embedded cluster says the same, for apply and create, and applies with --validate=false
    const apply = await sandbox.run(['apply', '-f', manifest])
    const create = await sandbox.run(['create', '-f', manifest])
    const kubectlWords = theirs.stderr.split('\n').filter((l) => l.startsWith('Error from server'))
    expect({exitCode: apply.exitCode, stderr: apply.stderr.replace(sandbox.home + '/', '')}).toEqual({
      exitCode: 1,
      stderr: `${kubectlWords.join('\n').replace(sandbox.home + '/', '')}\n`,
    })
    expect(create.stderr).toBe(apply.stderr)
    expect((await sandbox.run(['apply', '-f', manifest, '--validate=false'])).stdout).toBe(
      'deployment.apps/strict created\n',
    )
    const stored = await sandbox.run(['get', 'deployment', 'strict', '-o', 'jsonpath={.spec.foo}'])
    expect(stored).toMatchObject({exitCode: 0, stdout: ''})
    // and the patch of a configure is refused in the same words (kubectl through serve, skiff on the embedded cluster)
    const [theirPatch, myPatch] = [
      await kubectl(['apply', '-f', manifest]),
      await sandbox.run(['apply', '-f', manifest]),
    ]
    expect(theirPatch.stderr).toContain('strict decoding error: unknown field "spec.foo"')
    expect(myPatch).toEqual({...theirPatch, stdout: ''})
  })
})
