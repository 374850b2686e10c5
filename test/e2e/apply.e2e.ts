import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {mkdirSync} from 'node:fs'
import {join} from 'node:path'
import {createSandbox, type Sandbox} from './support/cli.js'

const deployment = (image: string, replicas = 3): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: ${image}
        ports:
        - containerPort: 80
`

describe('skiff apply on the embedded cluster', () => {
  let sandbox: Sandbox
  beforeEach(() => {
    sandbox = createSandbox()
  })
  afterEach(() => sandbox.dispose())

  it('creates, then leaves unchanged, then configures a deployment', async () => {
    const file = sandbox.write('web.yaml', deployment('nginx:1.26'))
    expect(await sandbox.run(['apply', '-f', file])).toEqual({
      exitCode: 0,
      stdout: 'deployment.apps/web created\n',
      stderr: '',
    })
    expect(await sandbox.run(['apply', '-f', file])).toEqual({
      exitCode: 0,
      stdout: 'deployment.apps/web unchanged\n',
      stderr: '',
    })
    sandbox.write('web.yaml', deployment('nginx:1.27'))
    expect(await sandbox.run(['apply', '-f', file])).toEqual({
      exitCode: 0,
      stdout: 'deployment.apps/web configured\n',
      stderr: '',
    })
    const image = await sandbox.run([
      'get',
      'deploy',
      'web',
      '-o',
      'jsonpath={.spec.template.spec.containers[0].image} {.metadata.generation}',
    ])
    expect(image.stdout).toBe('nginx:1.27 2')
  })

  it('records the last applied configuration and applies the defaults Kubernetes applies', async () => {
    await sandbox.run(['apply', '-f', sandbox.write('web.yaml', deployment('nginx:1.26'))])
    const live = JSON.parse((await sandbox.run(['get', 'deployment', 'web', '-o', 'json'])).stdout) as {
      metadata: {annotations: Record<string, string>}
      spec: {strategy: unknown; revisionHistoryLimit: number; progressDeadlineSeconds: number}
    }
    const lastApplied = JSON.parse(
      live.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration'] ?? '{}',
    ) as {spec: {replicas: number}}
    expect(lastApplied.spec.replicas).toBe(3)
    expect(live.spec.strategy).toEqual({type: 'RollingUpdate', rollingUpdate: {maxSurge: '25%', maxUnavailable: '25%'}})
    expect(live.spec.revisionHistoryLimit).toBe(10)
    expect(live.spec.progressDeadlineSeconds).toBe(600)
  })

  it('keeps a field set by someone else while removing a field dropped from the manifest', async () => {
    const withLabel = deployment('nginx:1.26').replace('labels: {app: web}\nspec', 'labels: {app: web, team: a}\nspec')
    const file = sandbox.write('web.yaml', withLabel)
    await sandbox.run(['apply', '-f', file])
    // another manager adds an annotation; the manifest drops the team label
    const patched = await sandbox.run(['annotate', 'deployment', 'web', 'owner=ops'])
    expect(patched.exitCode).toBe(0)
    sandbox.write('web.yaml', deployment('nginx:1.26'))
    expect((await sandbox.run(['apply', '-f', file])).stdout).toBe('deployment.apps/web configured\n')
    const result = await sandbox.run([
      'get',
      'deploy',
      'web',
      '-o',
      'jsonpath={.metadata.labels} {.metadata.annotations.owner}',
    ])
    expect(result.stdout).toBe('{"app":"web"} ops')
  })

  it('reads manifests from stdin, from directories recursively, and JSON lists', async () => {
    const fromStdin = await sandbox.run(['apply', '-f', '-'], {input: deployment('nginx:1.26')})
    expect(fromStdin.stdout).toBe('deployment.apps/web created\n')
    mkdirSync(join(sandbox.home, 'dir', 'nested'), {recursive: true})
    sandbox.write('dir/a.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {k: v}\n')
    sandbox.write(
      'dir/nested/b.json',
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'List',
        items: [{apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'b'}}],
      }),
    )
    sandbox.write('dir/notes.txt', 'not a manifest')
    expect((await sandbox.run(['apply', '-f', join(sandbox.home, 'dir')])).stdout).toBe('configmap/a created\n')
    expect((await sandbox.run(['apply', '-R', '-f', join(sandbox.home, 'dir')])).stdout).toBe(
      'configmap/a unchanged\nconfigmap/b created\n',
    )
  })

  it('applies the valid documents beside an invalid one and names the file of the bad one', async () => {
    const file = sandbox.write(
      'mixed.yaml',
      `apiVersion: v1
kind: ConfigMap
metadata: {name: good-1}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: Bad_Name}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: good-2}
`,
    )
    const result = await sandbox.run(['apply', '-f', file])
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toBe('configmap/good-1 created\nconfigmap/good-2 created\n')
    expect(result.stderr).toMatch(
      /^The ConfigMap "Bad_Name" is invalid: metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/,
    )
    expect((await sandbox.run(['get', 'cm', '-o', 'name'])).stdout).toBe('configmap/good-1\nconfigmap/good-2\n')
  })

  it('reports a broken YAML document, an unknown kind and a missing field with the file name', async () => {
    const broken = sandbox.write('broken.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n   bad: [\n')
    const brokenResult = await sandbox.run(['apply', '-f', broken])
    expect(brokenResult.exitCode).toBe(1)
    expect(brokenResult.stderr).toContain('broken.yaml')
    expect(brokenResult.stdout).toBe('')

    const unknown = sandbox.write('unknown.yaml', 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n')
    const unknownResult = await sandbox.run(['apply', '-f', unknown])
    expect(unknownResult.exitCode).toBe(1)
    expect(unknownResult.stderr).toContain('no matches for kind "Widget" in version "example.com/v1"')
    expect(unknownResult.stderr).toContain('unknown.yaml')

    const missing = sandbox.write(
      'missing.yaml',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: c, image: nginx}]\n',
    )
    const missingResult = await sandbox.run(['apply', '-f', missing])
    expect(missingResult.exitCode).toBe(1)
    expect(missingResult.stderr).toContain('The Deployment "web" is invalid')
    expect(missingResult.stderr).toContain('spec.selector: Required value')
  })

  it('changes nothing on a dry run and prints what it would do', async () => {
    const file = sandbox.write('web.yaml', deployment('nginx:1.26'))
    expect((await sandbox.run(['apply', '-f', file, '--dry-run=client'])).stdout).toBe(
      'deployment.apps/web created (dry run)\n',
    )
    expect((await sandbox.run(['apply', '-f', file, '--dry-run=server'])).stdout).toBe(
      'deployment.apps/web created (server dry run)\n',
    )
    expect((await sandbox.run(['get', 'deployments'])).stderr).toBe('No resources found in default namespace.\n')
    const yaml = await sandbox.run(['apply', '-f', file, '-o', 'yaml'])
    expect(yaml.stdout).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\n/)
  })

  it('refuses to create into a namespace that does not exist', async () => {
    const file = sandbox.write('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: nowhere}\n')
    const result = await sandbox.run(['apply', '-f', file])
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toBe(
      `Error from server (NotFound): error when creating "${file}": namespaces "nowhere" not found\n`,
    )
  })
})
