import {existsSync, readFileSync, realpathSync, statSync} from 'node:fs'
import {request} from 'node:https'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {execa} from 'execa'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {createSandbox, type Sandbox} from './support/cli.js'
import {startServe, type RunningServe} from './support/serve.js'

// Real clients against a real `skiff serve`: kubectl (every version beside it), and Debian's Python client.

const KUBECTL_DIR = dirname(realpathSync(onPath('kubectl')))
const PYTHON = '/usr/bin/python3'
const PYTHON_CLIENT = resolve(dirname(fileURLToPath(import.meta.url)), 'support/python-client.py')

// kubectl.1.27 ... kubectl.1.33 live beside the real kubectl binary, not on the PATH
function onPath(command: string): string {
  for (const dir of (process.env['PATH'] ?? '').split(':')) {
    const candidate = join(dir, command)
    if (existsSync(candidate)) return candidate
  }
  return command
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`

interface KubeconfigFile {
  clusters: {cluster: {server: string; 'certificate-authority-data': string}}[]
  users: {user: {token: string}}[]
  'current-context': string
}

describe('skiff serve', () => {
  let sandbox: Sandbox
  let serve: RunningServe
  let kubeconfig: KubeconfigFile

  // kubectl with only the written kubeconfig, and a cache of its own so discovery is asked of this server
  const kubectl = (args: readonly string[], binary = 'kubectl', input?: string) =>
    execa(join(KUBECTL_DIR, binary), ['--kubeconfig', serve.kubeconfig, ...args], {
      reject: false,
      env: {HOME: sandbox.home, KUBECONFIG: ''},
      ...(input === undefined ? {} : {input}),
    })

  beforeAll(async () => {
    sandbox = createSandbox()
    serve = await startServe(sandbox)
    kubeconfig = parse(readFileSync(serve.kubeconfig, 'utf8')) as KubeconfigFile
  })

  afterAll(async () => {
    await serve?.stop()
    sandbox?.dispose()
  })

  it('prints its HTTPS address on 127.0.0.1 first, and writes a private kubeconfig with a CA and a token', () => {
    expect(serve.address).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    expect(serve.output().split('\n')[0]).toBe(`Serving the embedded cluster "default" at ${serve.address}`)
    expect(statSync(serve.kubeconfig).mode & 0o777).toBe(0o600)
    const cluster = kubeconfig.clusters[0]?.cluster
    expect(cluster?.server).toBe(serve.address)
    expect(Buffer.from(cluster?.['certificate-authority-data'] ?? '', 'base64').toString()).toContain(
      '-----BEGIN CERTIFICATE-----',
    )
    expect(kubeconfig.users[0]?.user.token).toMatch(/^[0-9a-f]{64}$/)
    expect(kubeconfig['current-context']).toBe('skiff-default')
  })

  it('answers 401 Unauthorized without the token or with a wrong one, and never prints the token', async () => {
    const ca = Buffer.from(kubeconfig.clusters[0]?.cluster['certificate-authority-data'] ?? '', 'base64')
    const get = (authorization?: string) =>
      new Promise<{status: number; body: string}>((done, fail) => {
        const req = request(
          `${serve.address}/api/v1/namespaces`,
          {ca, headers: authorization ? {Authorization: authorization} : {}},
          (res) => {
            let body = ''
            res.on('data', (chunk: Buffer) => (body += chunk.toString()))
            res.on('end', () => done({status: res.statusCode ?? 0, body}))
          },
        )
        req.on('error', fail)
        req.end()
      })
    for (const answer of [await get(), await get('Bearer not-the-token')]) {
      expect(answer.status).toBe(401)
      expect(JSON.parse(answer.body)).toMatchObject({kind: 'Status', reason: 'Unauthorized', code: 401})
    }
    const good = await get(`Bearer ${kubeconfig.users[0]?.user.token ?? ''}`)
    expect(good.status).toBe(200)
    const wrong = await kubectl(['get', 'nodes', '--token', 'wrong'])
    expect(wrong.exitCode).toBe(1)
    // kubectl words a 401 on discovery as client-go does for a real API server
    expect(wrong.stderr).toMatch(/^error: You must be logged in to the server \(/m)
    expect(serve.output()).not.toContain(kubeconfig.users[0]?.user.token ?? 'no token')
  })

  it('serves kubectl get nodes and kubectl version', async () => {
    const nodes = await kubectl(['get', 'nodes'])
    expect(nodes.stderr).toBe('')
    expect(nodes.stdout.split('\n')[0]).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/)
    expect(nodes.stdout).toMatch(/skiff-control-plane\s+Ready\s+control-plane/)
    const version = await kubectl(['version'])
    expect(version.exitCode).toBe(0)
    expect(version.stdout).toContain('Server Version: v1.32.0-skiff')
  })

  it('lists what kubectl api-resources shows for a real server, from aggregated discovery', async () => {
    const result = await kubectl(['api-resources', '-v=6'])
    expect(result.exitCode).toBe(0)
    // one request per aggregated document, none per group-version
    const requests = result.stderr.split('\n').filter((line) => line.includes('round_trippers'))
    expect(requests.map((line) => /GET \S+?(\/apis?)\?/.exec(line)?.[1])).toEqual(['/api', '/apis'])
    const lines = result.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND$/)
    const rows = new Map(lines.slice(1).map((line) => [line.split(/\s+/)[0] + ' ' + line.split(/\s+/).at(-3), line]))
    expect(rows.get('deployments apps/v1')).toMatch(/^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/)
    expect(rows.get('pods v1')).toMatch(/^pods\s+po\s+v1\s+true\s+Pod$/)
    expect(rows.get('secrets v1')).toMatch(/^secrets\s+v1\s+true\s+Secret$/)
    expect(rows.get('customresourcedefinitions apiextensions.k8s.io/v1')).toMatch(
      /^customresourcedefinitions\s+crd,crds\s+apiextensions\.k8s\.io\/v1\s+false\s+CustomResourceDefinition$/,
    )
    // kubectl sorts by group, then name; core first
    expect(lines[1]).toMatch(/^configmaps\s/)
    const wide = await kubectl(['api-resources', '--api-group=apps', '-o', 'wide'])
    expect(wide.stdout).toMatch(
      /deployments\s+deploy\s+apps\/v1\s+true\s+Deployment\s+create,delete,deletecollection,get,list,patch,update,watch\s+all/,
    )
  })

  it('explains deployment.spec and every field of a pod from the OpenAPI v3 schemas', async () => {
    const spec = await kubectl(['explain', 'deployment.spec'])
    expect(spec.stderr).toBe('')
    expect(spec.stdout).toMatch(/^GROUP:\s+apps\nKIND:\s+Deployment\nVERSION:\s+v1\n/)
    expect(spec.stdout).toContain('FIELD: spec <DeploymentSpec>')
    expect(spec.stdout).toContain('DeploymentSpec is the specification of the desired behavior of the')
    expect(spec.stdout).toMatch(/\n {2}replicas\t<integer>\n {4}Number of desired pods\./)
    expect(spec.stdout).toMatch(/\n {2}template\t<PodTemplateSpec> -required-\n/)
    const pods = await kubectl(['explain', 'pods', '--recursive'])
    expect(pods.exitCode).toBe(0)
    expect(pods.stdout).toMatch(/\n {4}containers\t<\[\]Container> -required-\n {6}args\t<\[\]string>\n/)
  })

  it('creates, configures, describes, scales and deletes a deployment with kubectl 1.27 to 1.33', async () => {
    const versions = ['1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33'].filter((v) =>
      existsSync(join(KUBECTL_DIR, `kubectl.${v}`)),
    )
    expect(versions.length).toBeGreaterThan(0)
    for (const version of versions) {
      const binary = `kubectl.${version}`
      const step = async (args: readonly string[], input?: string) => {
        const result = await kubectl(args, binary, input)
        return {version, args: args.join(' '), exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr}
      }
      const ok = (result: Awaited<ReturnType<typeof step>>, stdout: RegExp) => {
        expect({...result, stdout: undefined}).toMatchObject({exitCode: 0, stderr: ''})
        expect(result.stdout, `${version}: ${result.args}`).toMatch(stdout)
      }
      ok(await step(['apply', '-f', '-'], DEPLOYMENT), /^deployment\.apps\/web created$/)
      ok(await step(['apply', '-f', '-'], DEPLOYMENT), /^deployment\.apps\/web unchanged$/)
      ok(await step(['apply', '-f', '-'], DEPLOYMENT.replace('nginx:1.27', 'nginx:1.28')), /web configured$/)
      ok(await step(['get', 'deployment', 'web']), /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nweb\s/)
      ok(await step(['describe', 'deployment', 'web']), /^Name:\s+web\nNamespace:\s+default\n[\s\S]*nginx:1\.28/)
      ok(await step(['scale', 'deployment', 'web', '--replicas=3']), /^deployment\.apps\/web scaled$/)
      ok(await step(['get', 'deployment', 'web', '-o', 'jsonpath={.spec.replicas}']), /^3$/)
      ok(await step(['delete', 'deployment', 'web']), /^deployment\.apps "web" deleted/)
    }
  })

  it('lists a CRD kubectl just applied in api-resources at once, and serves its kind', async () => {
    const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: sparkapplications.sparkoperator.k8s.io
spec:
  group: sparkoperator.k8s.io
  scope: Namespaced
  names: {plural: sparkapplications, singular: sparkapplication, kind: SparkApplication, shortNames: [sparkapp]}
  versions:
  - name: v1beta2
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            description: What the Spark application runs.
            properties:
              mainClass: {type: string, description: The class whose main method starts the job.}
            required: [mainClass]
`
    const before = await kubectl(['api-resources'])
    expect(before.stdout).not.toContain('sparkapplications')
    expect((await kubectl(['apply', '-f', '-'], 'kubectl', crd)).stdout).toContain('created')
    const after = await kubectl(['api-resources', '--api-group=sparkoperator.k8s.io'])
    expect(after.stdout).toMatch(
      /\nsparkapplications\s+sparkapp\s+sparkoperator\.k8s\.io\/v1beta2\s+true\s+SparkApplication/,
    )
    const list = await kubectl(['get', 'sparkapp'])
    expect(list.stderr).toBe('No resources found in default namespace.')
    const explain = await kubectl(['explain', 'sparkapp.spec'])
    expect(explain.stdout).toMatch(/^GROUP:\s+sparkoperator\.k8s\.io\nKIND:\s+SparkApplication\nVERSION:\s+v1beta2\n/)
    expect(explain.stdout).toMatch(
      /\n {2}mainClass\t<string> -required-\n {4}The class whose main method starts the job\./,
    )
  })

  it('runs the control plane live while serving: a job whose container sleeps completes in real time', async () => {
    const job = `apiVersion: batch/v1
kind: Job
metadata: {name: nap}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: nap
        image: busybox:1.36
        command: [sh, -c, "echo start; sleep 2; echo done"]
`
    expect((await kubectl(['apply', '-f', '-'], 'kubectl', job)).stdout).toBe('job.batch/nap created')
    const waited = await kubectl(['wait', '--for=condition=complete', 'job/nap', '--timeout=60s'])
    expect(waited.stdout).toBe('job.batch/nap condition met')
    expect((await kubectl(['logs', 'job/nap'])).stdout).toBe('start\ndone')
  })

  it("keeps the served cluster's clock with the CLI's: `skiff cluster advance` moves both", async () => {
    const advanced = await sandbox.run(['cluster', 'advance', '2h'])
    expect(advanced.exitCode).toBe(0)
    const nodes = await kubectl(['get', 'node', 'skiff-control-plane', '--no-headers'])
    const age = /Ready\s+control-plane\s+(\d+)m\s/.exec(nodes.stdout)?.[1]
    expect(Number(age), nodes.stdout + nodes.stderr).toBeGreaterThanOrEqual(120)
    const local = await sandbox.run(['get', 'node', 'skiff-control-plane', '--no-headers'])
    expect(local.stdout).toMatch(/Ready\s+control-plane\s+1[2-9]\dm\s/)
  })

  it('lists, creates and watches through the Python client of python3-kubernetes', async (ctx) => {
    const probe = await execa(PYTHON, ['-c', 'import kubernetes'], {reject: false})
    if (probe.exitCode !== 0) ctx.skip()
    const created = await kubectl(
      ['run', 'solo', '--image', 'nginx:1.27', '--restart=Never', '-n', 'default'],
      'kubectl',
    )
    expect(created.stderr).toBe('')
    const result = await execa(PYTHON, [PYTHON_CLIENT, serve.kubeconfig, 'default'], {reject: false, timeout: 30_000})
    expect(result.stderr).toBe('')
    expect(result.stdout.split('\n')).toEqual([
      expect.stringMatching(/^pods: .*\bsolo\b/),
      'created: from-python hello',
      expect.stringMatching(/^watch: ADDED \S+$/),
    ])
    const configMap = await kubectl(['get', 'configmap', 'from-python', '-o', 'jsonpath={.data.greeting}'])
    expect(configMap.stdout).toBe('hello')
  })
})
