import {readFileSync} from 'node:fs'
import {request} from 'node:https'
import {join} from 'node:path'
import {execa} from 'execa'
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {createSandbox, type Sandbox} from './support/cli.js'
import {startServe, type RunningServe} from './support/serve.js'

// A field of the wrong type is refused on every write, with kube-apiserver's words, on the embedded cluster
// through skiff's CLI and through `skiff serve` (raw HTTP and real kubectl); the valid documents beside it apply.

const manifest = (replicas: string): string => `apiVersion: v1
kind: ConfigMap
metadata: {name: before}
data: {a: "1"}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx
---
apiVersion: v1
kind: ConfigMap
metadata: {name: after}
data: {b: "2"}
`

const refused = (problem: string, file = 'bad.yaml'): string =>
  `Error from server (BadRequest): error when creating "${file}": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal ${problem} into Go struct field DeploymentSpec.spec.replicas of type int32\n`

const CASES: ReadonlyArray<[replicas: string, problem: string]> = [
  ['three', 'string'],
  ['2.5', 'number 2.5'],
  ['{a: 1}', 'object'],
  ['99999999999', 'number 99999999999'],
]

describe('wrongly typed fields through skiff on the embedded cluster', () => {
  let sandbox: Sandbox
  beforeEach(() => {
    sandbox = createSandbox()
  })
  afterEach(() => sandbox.dispose())

  it.each(CASES)(
    'apply -f refuses replicas: %s and still applies the valid documents beside it',
    async (replicas, problem) => {
      sandbox.write('bad.yaml', manifest(replicas))
      const applied = await sandbox.run(['apply', '-f', 'bad.yaml'])
      expect(applied.stderr).toBe(refused(problem))
      expect(applied.stdout).toBe('configmap/before created\nconfigmap/after created\n')
      expect(applied.exitCode).toBe(1)
      const deployments = await sandbox.run(['get', 'deployments'])
      expect(deployments.stderr).toBe('No resources found in default namespace.\n')
      expect((await sandbox.run(['get', 'pods'])).stderr).toBe('No resources found in default namespace.\n')
    },
  )

  it('refuses a bool in ConfigMap data, the map key left out of the path as Go does', async () => {
    sandbox.write('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: flags}\ndata: {enabled: true}\n')
    const created = await sandbox.run(['create', '-f', 'cm.yaml'])
    expect(created.exitCode).toBe(1)
    expect(created.stderr).toBe(
      'Error from server (BadRequest): error when creating "cm.yaml": ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal bool into Go struct field ConfigMap.data of type string\n',
    )
  })

  it("refuses the patch apply sends for an existing object, in the patch handler's words, and keeps the object", async () => {
    sandbox.write('good.yaml', manifest('2'))
    expect((await sandbox.run(['apply', '-f', 'good.yaml'])).exitCode).toBe(0)
    sandbox.write('good.yaml', manifest('three'))
    const patched = await sandbox.run(['apply', '-f', 'good.yaml'])
    expect(patched.exitCode).toBe(1)
    expect(patched.stdout).toBe('configmap/before unchanged\nconfigmap/after unchanged\n')
    // kubectl prints an Invalid error from its details, without the file
    expect(patched.stderr).toMatch(
      /^The Deployment "" is invalid: patch: Invalid value: "map\[metadata:map\[annotations:/,
    )
    expect(patched.stderr).toContain(' spec:map[replicas:three]]": unrecognized type: int32\n')
    const replicas = await sandbox.run(['get', 'deployment', 'web', '-o', 'jsonpath={.spec.replicas}'])
    expect(replicas.stdout).toBe('2')
  })

  it("refuses a server-side apply with structured-merge-diff's words", async () => {
    sandbox.write('bad.yaml', manifest('three'))
    const applied = await sandbox.run(['apply', '--server-side', '-f', 'bad.yaml'])
    expect(applied.exitCode).toBe(1)
    expect(applied.stdout).toBe('configmap/before serverside-applied\nconfigmap/after serverside-applied\n')
    expect(applied.stderr).toBe(
      'Error from server: failed to create typed patch object (default/web; apps/v1, Kind=Deployment): .spec.replicas: expected numeric (int or float), got string\n',
    )
  })
})

interface KubeconfigFile {
  clusters: {cluster: {'certificate-authority-data': string}}[]
  users: {user: {token: string}}[]
}

describe('wrongly typed fields through skiff serve', () => {
  let sandbox: Sandbox
  let serve: RunningServe

  const kubectl = async (args: readonly string[]) => {
    const result = await execa('kubectl', ['--kubeconfig', serve.kubeconfig, ...args], {
      reject: false,
      cwd: sandbox.home,
      env: {HOME: sandbox.home, KUBECONFIG: ''},
      stripFinalNewline: false,
    })
    return {exitCode: result.exitCode ?? 1, stdout: String(result.stdout), stderr: String(result.stderr)}
  }

  // a request as any HTTP client sends it, with the kubeconfig's CA and token
  const send = (method: string, path: string, body: string, contentType = 'application/json') => {
    const config = parse(readFileSync(serve.kubeconfig, 'utf8')) as KubeconfigFile
    const ca = Buffer.from(config.clusters[0]?.cluster['certificate-authority-data'] ?? '', 'base64')
    const headers = {Authorization: `Bearer ${config.users[0]?.user.token ?? ''}`, 'Content-Type': contentType}
    return new Promise<{status: number; body: Record<string, unknown>}>((done, fail) => {
      const req = request(`${serve.address}${path}`, {method, ca, headers}, (res) => {
        let text = ''
        res.on('data', (chunk: Buffer) => (text += chunk.toString()))
        res.on('end', () => done({status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown>}))
      })
      req.on('error', fail)
      req.end(body)
    })
  }

  beforeAll(async () => {
    sandbox = createSandbox()
    serve = await startServe(sandbox)
  }, 60_000)

  afterAll(async () => {
    await serve?.stop()
    sandbox?.dispose()
  })

  it.each(CASES)('kubectl apply -f is refused replicas: %s as by kube-apiserver', async (replicas, problem) => {
    sandbox.write(join('bad.yaml'), manifest(replicas))
    const applied = await kubectl(['apply', '-f', 'bad.yaml'])
    expect(applied.stderr).toBe(refused(problem))
    expect(applied.exitCode).toBe(1)
    expect((await kubectl(['get', 'deployments'])).stderr).toBe('No resources found in default namespace.\n')
  })

  it('answers a raw POST with a 400 naming the first mismatch in the order the body has it', async () => {
    const body = JSON.stringify({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {name: 'raw'},
      spec: {template: {spec: {containers: 'web'}}, replicas: 'three', selector: {matchLabels: {app: 'raw'}}},
    })
    const answer = await send('POST', '/apis/apps/v1/namespaces/default/deployments', body)
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'BadRequest',
      code: 400,
      message:
        'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container',
    })
  })

  it('reports the type error before an unknown field under fieldValidation=Strict', async () => {
    const body = JSON.stringify({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {name: 'p'},
      spec: {bogus: 1, hostNetwork: 'yes'},
    })
    const answer = await send('POST', '/api/v1/namespaces/default/pods?fieldValidation=Strict', body)
    expect(answer.status).toBe(400)
    expect(answer.body['message']).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field PodSpec.spec.hostNetwork of type bool',
    )
  })

  it('refuses a Scale whose replicas are not an int32, and a merge patch that makes them one', async () => {
    sandbox.write('good.yaml', manifest('1'))
    expect((await kubectl(['apply', '-f', 'good.yaml'])).exitCode).toBe(0)
    const scale = JSON.stringify({
      apiVersion: 'autoscaling/v1',
      kind: 'Scale',
      metadata: {name: 'web', namespace: 'default'},
      spec: {replicas: 'three'},
    })
    const put = await send('PUT', '/apis/apps/v1/namespaces/default/deployments/web/scale', scale)
    expect(put.status).toBe(400)
    expect(put.body['message']).toBe(
      'Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal string into Go struct field ScaleSpec.spec.replicas of type int32',
    )
    const patch = await send(
      'PATCH',
      '/apis/apps/v1/namespaces/default/deployments/web',
      '{"spec":{"replicas":{"a":1}}}',
      'application/merge-patch+json',
    )
    expect(patch.status).toBe(422)
    // StatusDetails.name is omitempty: the patch handler's empty name is left out on the wire
    expect(patch.body).toMatchObject({reason: 'Invalid', details: {kind: 'Deployment', group: 'apps'}})
    expect(patch.body['details']).not.toHaveProperty('name')
    expect(String(patch.body['message'])).toMatch(
      /^Deployment\.apps "" is invalid: patch: Invalid value: ".*": json: cannot unmarshal object into Go struct field DeploymentSpec\.spec\.replicas of type int32$/,
    )
    const replicas = await kubectl(['get', 'deployment', 'web', '-o', 'jsonpath={.spec.replicas}'])
    expect(replicas.stdout).toBe('1')
  })
})
