import {mkdirSync} from 'node:fs'
import {join} from 'node:path'
import {execa} from 'execa'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {BIN, createSandbox, type CliResult, type Sandbox} from './support/cli.js'
import {startServe, type RunningServe} from './support/serve.js'

// The verbs that read what the server serves (api-resources, api-versions, cluster-info, explain) on both
// backends: skiff on the embedded cluster, and skiff's cluster backend through `skiff serve`, each held against
// real kubectl on the same server.

let sandbox: Sandbox
let server: RunningServe
let clientHome: string

const WIDGET_CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  names: {kind: Widget, plural: widgets, singular: widget, shortNames: [wd], categories: [all]}
  scope: Namespaced
  versions:
  - name: v1beta1
    served: true
    storage: false
    schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        description: A widget of the example shop.
        properties:
          spec:
            type: object
            description: What the widget should be.
            required: [size]
            properties:
              size: {type: string, description: How big., enum: [small, large]}
              parts: {type: array, items: {type: object, properties: {name: {type: string}}}}
`

function clientEnv(): Record<string, string> {
  return {
    HOME: clientHome,
    SKIFF_HOME: join(clientHome, '.skiff'),
    KUBECONFIG: '',
    NO_COLOR: '1',
    PATH: process.env['PATH'] ?? '',
  }
}

async function served(program: 'kubectl' | 'skiff', args: readonly string[]): Promise<CliResult> {
  const [file, prefix] = program === 'kubectl' ? ['kubectl', []] : ['node', [BIN]]
  const result = await execa(file, [...prefix, ...args, '--kubeconfig', server.kubeconfig], {
    reject: false,
    env: clientEnv(),
    extendEnv: false,
    stripFinalNewline: false,
  })
  const text = (value: unknown): string => String(value).replaceAll('kubectl ', 'skiff ')
  return {exitCode: result.exitCode ?? 1, stdout: text(result.stdout), stderr: text(result.stderr)}
}

// skiff on the embedded cluster that serve serves (the sandbox's SKIFF_HOME)
async function embedded(args: readonly string[]): Promise<CliResult> {
  return sandbox.run(args)
}

beforeAll(async () => {
  sandbox = createSandbox()
  server = await startServe(sandbox)
  clientHome = join(sandbox.home, 'client')
  mkdirSync(clientHome, {recursive: true})
  const crd = sandbox.write('crd.yaml', WIDGET_CRD)
  const applied = await served('kubectl', ['apply', '-f', crd])
  expect(applied.stderr).toBe('')
}, 120_000)

afterAll(async () => {
  await server?.stop()
  sandbox?.dispose()
})

/** kubectl against serve, skiff through serve and skiff on the embedded cluster: all three alike. */
async function expectAllAlike(args: readonly string[]): Promise<void> {
  const kubectl = await served('kubectl', args)
  expect({args, ...(await served('skiff', args))}).toEqual({args, ...kubectl})
  expect({args, ...(await embedded(args))}).toEqual({args, ...kubectl})
}

describe('api-resources and api-versions', () => {
  it('list what the server serves, preferred versions only, as kubectl lists them', async () => {
    for (const args of [
      ['api-resources'],
      ['api-resources', '-o', 'wide'],
      ['api-resources', '-o', 'name'],
      ['api-resources', '--namespaced=false'],
      ['api-resources', '--api-group=apps'],
      ['api-resources', '--api-group='],
      ['api-resources', '--api-group=example.com', '-o', 'wide'],
      ['api-resources', '--verbs=list,watch', '--verbs', 'create', '--sort-by=kind'],
      ['api-resources', '--categories=all', '--sort-by=name', '--no-headers'],
      ['api-resources', '--api-group=nosuch'],
      ['api-versions'],
    ])
      await expectAllAlike(args)
  })

  it("answer mistakes in kubectl's words", async () => {
    for (const args of [
      ['api-resources', 'pods'],
      ['api-resources', '-o', 'json'],
      ['api-resources', '--sort-by=age'],
      ['api-resources', '--namespaced=maybe'],
      ['api-versions', 'extra'],
    ])
      await expectAllAlike(args)
  })
})

describe('cluster-info', () => {
  it('prints the control plane address as kubectl does, without colour off a terminal', async () => {
    await expect(served('skiff', ['cluster-info'])).resolves.toEqual(await served('kubectl', ['cluster-info']))
    const local = await embedded(['cluster-info'])
    expect(local).toEqual({
      exitCode: 0,
      stdout:
        'Kubernetes control plane is running at embedded cluster "default"\n\n' +
        "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
      stderr: '',
    })
  })

  it('lists the cluster services of kube-system (or -n) with their proxy links', async () => {
    const services = sandbox.write(
      'services.yaml',
      `apiVersion: v1
kind: Service
metadata: {name: kube-dns, namespace: kube-system, labels: {kubernetes.io/cluster-service: "true", kubernetes.io/name: CoreDNS}}
spec: {ports: [{name: dns, port: 53, protocol: UDP}]}
---
apiVersion: v1
kind: Service
metadata: {name: metrics, namespace: default, labels: {kubernetes.io/cluster-service: "true"}}
spec: {ports: [{port: 443}]}
`,
    )
    expect((await served('kubectl', ['apply', '-f', services])).exitCode).toBe(0)
    for (const args of [['cluster-info'], ['cluster-info', '-n', 'default']]) {
      const kubectl = await served('kubectl', args)
      expect(kubectl.stdout).toContain('/proxy\n')
      expect(await served('skiff', args)).toEqual(kubectl)
    }
    expect((await embedded(['cluster-info'])).stdout).toContain(
      'CoreDNS is running at /api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n',
    )
  })
})

describe('explain', () => {
  it("prints kubectl 1.32's plaintext layout from the OpenAPI v3 documents, byte for byte", async () => {
    for (const args of [
      ['explain', 'pods'],
      ['explain', 'deployment.spec.template.spec.containers'],
      ['explain', 'deployments.apps.spec.strategy'],
      ['explain', 'svc', '--recursive'],
      ['explain', 'svc.spec.type'],
      ['explain', 'ev'],
      ['explain', 'widgets'],
      ['explain', 'wd.spec.size'],
      ['explain', 'widgets', '--recursive'],
      ['explain', 'widgets', '--api-version=example.com/v1beta1'],
      ['explain', 'deploy', '--api-version=apps/v1'],
    ])
      await expectAllAlike(args)
  })

  it("answers mistakes in kubectl's words, after the header it printed", async () => {
    for (const args of [
      ['explain'],
      ['explain', 'pods', 'svc'],
      ['explain', 'nosuch'],
      ['explain', 'pods.spec.nosuch'],
      ['explain', 'pods.spec.containers[0]'],
      ['explain', 'pods', '--output=yaml'],
      ['explain', 'pods', '--api-version=v2'],
      ['explain', 'pods', '--api-version=apps/v1'],
    ])
      await expectAllAlike(args)
  })

  it('prints the older layout from /openapi/v2 with --output=plaintext-openapiv2, alike on both backends', async () => {
    const args = ['explain', 'pods.spec.containers', '--output=plaintext-openapiv2']
    const local = await embedded(args)
    expect(local.exitCode, local.stderr).toBe(0)
    expect(local.stdout).toMatch(
      /^KIND: {5}Pod\nVERSION: {2}v1\n\nRESOURCE: containers <\[\]Object>\n\nDESCRIPTION:\n {5}List/,
    )
    expect(await served('skiff', args)).toEqual(local)
  })
})
