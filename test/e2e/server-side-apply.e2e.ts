import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {createSandbox, type Sandbox} from './support/cli.js'

const deployment = (replicas: number, labels = 'app: web, tier: front'): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {${labels}}
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
        image: nginx:1.27
`

// kubectl appends this to the API server's conflict message (pkg/cmd/apply/apply.go, v1.32)
const ADVICE = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts
`

const MANAGERS = '{range .metadata.managedFields[*]}{.manager}/{.operation}/{.subresource} {end}'

describe('skiff apply --server-side on the embedded cluster', () => {
  let sandbox: Sandbox
  beforeEach(() => {
    sandbox = createSandbox()
  })
  afterEach(() => sandbox.dispose())

  it('creates, then re-applies without writing', async () => {
    const file = sandbox.write('web.yaml', deployment(2))
    expect(await sandbox.run(['apply', '--server-side', '-f', file])).toEqual({
      exitCode: 0,
      stdout: 'deployment.apps/web serverside-applied\n',
      stderr: '',
    })
    const applied = ['get', 'deploy', 'web', '-o', 'jsonpath={.metadata.generation} {.metadata.managedFields[0]}']
    const before = await sandbox.run(applied)
    expect((await sandbox.run(['apply', '--server-side', '-f', file])).stdout).toBe(
      'deployment.apps/web serverside-applied\n',
    )
    // the same configuration changes nothing: no new generation, the applier's entry as it was
    expect((await sandbox.run(applied)).stdout).toBe(before.stdout)
    expect(before.stdout).toMatch(/^1 \{"apiVersion":"apps\/v1","fieldsType":"FieldsV1"/)
    const managers = await sandbox.run(['get', 'deploy', 'web', '-o', `jsonpath=${MANAGERS}`])
    expect(managers.stdout).toBe(
      'kubectl/Apply/ kube-controller-manager/Update/ kube-controller-manager/Update/status ',
    )
  })

  it('refuses to take a field another manager set to another value, until forced', async () => {
    // Given a client-side apply with 2 replicas
    const file = sandbox.write('web.yaml', deployment(2))
    expect((await sandbox.run(['apply', '-f', file])).exitCode).toBe(0)
    // When a server-side apply asks for 3
    sandbox.write('web.yaml', deployment(3))
    const refused = await sandbox.run(['apply', '--server-side', '-f', file])
    // Then the API server's conflict and kubectl's advice come out, and nothing changes
    expect(refused).toEqual({
      exitCode: 1,
      stdout: '',
      stderr:
        'error: Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas\n' +
        ADVICE,
    })
    expect((await sandbox.run(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}'])).stdout).toBe('2')
    // And --force-conflicts moves the field to the applier
    expect(await sandbox.run(['apply', '--server-side', '--force-conflicts', '-f', file])).toEqual({
      exitCode: 0,
      stdout: 'deployment.apps/web serverside-applied\n',
      stderr: '',
    })
    const yaml = await sandbox.run(['get', 'deploy', 'web', '-o', 'yaml', '--show-managed-fields'])
    expect(yaml.stdout).toContain('  replicas: 3\n')
    expect(yaml.stdout).toMatch(/ {4}manager: kubectl\n {4}operation: Apply\n/)
    expect(yaml.stdout).toMatch(/ {4}manager: kubectl-client-side-apply\n {4}operation: Update\n/)
  })

  it('removes a field the manifest no longer sets, and names the manager given', async () => {
    const file = sandbox.write('web.yaml', deployment(2))
    const ci = ['apply', '--server-side', '--field-manager', 'ci', '-f', file]
    expect((await sandbox.run(ci)).exitCode).toBe(0)
    sandbox.write('web.yaml', deployment(2, 'app: web'))
    expect((await sandbox.run(ci)).exitCode).toBe(0)
    const labels = await sandbox.run(['get', 'deploy', 'web', '-o', 'jsonpath={.metadata.labels}'])
    expect(labels.stdout).toBe('{"app":"web"}')
    const managers = await sandbox.run(['get', 'deploy', 'web', '-o', `jsonpath=${MANAGERS}`])
    expect(managers.stdout).toContain('ci/Apply/ ')
  })

  it('shows managedFields only when asked, in get and in apply -o yaml', async () => {
    const file = sandbox.write('web.yaml', deployment(2))
    const dryRun = await sandbox.run(['apply', '--server-side', '--dry-run=server', '-o', 'yaml', '-f', file])
    expect(dryRun.exitCode).toBe(0)
    expect(dryRun.stdout).toContain('  name: web\n')
    expect(dryRun.stdout).not.toContain('managedFields')
    expect((await sandbox.run(['get', 'deploy'])).stderr).toBe('No resources found in default namespace.\n')
    await sandbox.run(['apply', '--server-side', '-f', file])
    expect((await sandbox.run(['get', 'deploy', 'web', '-o', 'yaml'])).stdout).not.toContain('managedFields')
    const shown = await sandbox.run(['get', 'deploy', 'web', '-o', 'yaml', '--show-managed-fields'])
    expect(shown.stdout).toContain(
      [
        '  managedFields:',
        '  - apiVersion: apps/v1',
        '    fieldsType: FieldsV1',
        '    fieldsV1:',
        '      f:metadata:',
        '        f:labels:',
        '          f:app: {}',
        '          f:tier: {}',
      ].join('\n'),
    )
    expect(shown.stdout).toContain(
      '              k:{"name":"nginx"}:\n                .: {}\n                f:image: {}\n',
    )
  })

  it('refuses --force-conflicts without --server-side, as kubectl does', async () => {
    const file = sandbox.write('web.yaml', deployment(2))
    expect(await sandbox.run(['apply', '--force-conflicts', '-f', file])).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'error: --force-conflicts only works with --server-side\n',
    })
  })
})
