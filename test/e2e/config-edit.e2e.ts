import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {execa} from 'execa'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {BIN, createSandbox, type CliResult, type Sandbox} from './support/cli.js'

// `skiff config set-cluster|set-credentials|set|unset|delete-*|rename-context|get-*` beside real kubectl: each
// runs the same commands on its own copy of the same kubeconfig; what they print and the files they leave
// must match.

const KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
- name: c
  cluster: {server: "https://127.0.0.1:6443", certificate-authority-data: "Zm9v"}
users:
- name: u
  user: {token: very-secret-token}
contexts:
- name: cx
  context: {cluster: c, user: u, namespace: ns1}
current-context: cx
`

let sandbox: Sandbox

beforeEach(() => {
  sandbox = createSandbox()
})

afterEach(() => {
  sandbox.dispose()
})

type Program = 'kubectl' | 'skiff'

// each program in a folder of its own (relative paths in the kubeconfig resolve there), named DIR in the output
function folder(program: Program): string {
  return join(sandbox.home, program)
}

async function run(program: Program, args: readonly string[]): Promise<CliResult> {
  const dir = folder(program)
  const [file, prefix] = program === 'kubectl' ? ['kubectl', []] : ['node', [BIN]]
  const result = await execa(file, [...prefix, 'config', ...args], {
    cwd: dir,
    env: {HOME: sandbox.home, SKIFF_HOME: join(sandbox.home, '.skiff'), KUBECONFIG: join(dir, 'config'), NO_COLOR: '1'},
    extendEnv: false,
    reject: false,
    stripFinalNewline: false,
  })
  const clean = (text: unknown): string =>
    String(text).replaceAll(dir, 'DIR').replaceAll('kubectl config', 'skiff config')
  return {exitCode: result.exitCode ?? 1, stdout: clean(result.stdout), stderr: clean(result.stderr)}
}

function setUp(): void {
  for (const program of ['kubectl', 'skiff'] as const) {
    mkdirSync(folder(program))
    writeFileSync(join(folder(program), 'config'), KUBECONFIG)
    writeFileSync(join(folder(program), 'ca.pem'), 'not really a certificate\n')
  }
}

const fileOf = (program: Program): string =>
  readFileSync(join(folder(program), 'config'), 'utf8').replaceAll(folder(program), 'DIR')

async function expectSameAsKubectl(commands: readonly (readonly string[])[]): Promise<void> {
  for (const args of commands) {
    const kubectl = await run('kubectl', args)
    const skiff = await run('skiff', args)
    expect({args, ...skiff}).toEqual({args, ...kubectl})
    expect(fileOf('skiff'), args.join(' ')).toBe(fileOf('kubectl'))
  }
}

describe('skiff config edits, as kubectl makes them', () => {
  it('sets clusters and users, relative paths and embedded data as kubectl writes them', async () => {
    setUp()
    await expectSameAsKubectl([
      ['set-cluster', 'c1', '--server=https://1.2.3.4', '--certificate-authority=/etc/ca.pem'],
      ['set-cluster', 'c1', '--insecure-skip-tls-verify=true'],
      ['set-cluster', 'c2', '--certificate-authority=ca.pem'],
      ['set-cluster', 'c3', '--certificate-authority=ca.pem', '--embed-certs'],
      ['set-cluster', 'c4', '--embed-certs'],
      ['set-cluster', 'c4', '--insecure-skip-tls-verify', '--certificate-authority=ca.pem'],
      ['set-cluster', 'c5', '--server=x', '--tls-server-name=t', '--proxy-url=http://p'],
      ['set-cluster', 'c9', '--embed-certs', '--certificate-authority=nosuch.pem'],
      ['set-credentials', 'u1', '--client-certificate=ca.pem', '--client-key=ca.pem'],
      ['set-credentials', 'u1', '--token=secret'],
      ['set-credentials', 'u1', '--username=a', '--password=b'],
      ['set-credentials', 'u2', '--token=t', '--username=x'],
      ['set-credentials', 'u3', '--auth-provider=oidc', '--auth-provider-arg=a=b,c=d'],
      ['set-credentials', 'u3', '--auth-provider-arg=a-'],
      ['set-credentials', 'u4', '--exec-command=/bin/x', '--exec-arg=a', '--exec-arg=b', '--exec-env=A=1'],
      [
        'set-credentials',
        'u4',
        '--exec-api-version=v1',
        '--exec-interactive-mode=Never',
        '--exec-provide-cluster-info',
      ],
      ['set-credentials', 'u5', '--exec-interactive-mode=Bad', '--exec-command=x'],
      ['set-credentials', 'u8', '--embed-certs', '--client-key=ca.pem'],
      ['set-credentials', 'u8', '--embed-certs'],
      ['get-users'],
    ])
    // secrets are written to the file, never printed
    const printed = await run('skiff', ['set-credentials', 'u9', '--token=hidden-token'])
    expect(printed.stdout + printed.stderr).not.toContain('hidden-token')
  })

  it('renames and deletes contexts, clusters and users with kubectl’s messages and warnings', async () => {
    setUp()
    await expectSameAsKubectl([
      ['set-context', 'cx2', '--cluster=c', '--user=u'],
      ['rename-context', 'cx2', 'cy'],
      ['rename-context', 'nosuch', 'z'],
      ['rename-context', 'cy', 'cy'],
      ['rename-context', 'cx', 'cz'],
      ['delete-context', 'nosuch'],
      ['delete-context', 'cz'],
      ['delete-cluster', 'nosuch'],
      ['delete-cluster', 'c'],
      ['delete-user', 'nosuch'],
      ['delete-user'],
      ['delete-user', 'u'],
      ['get-clusters'],
      ['get-users'],
    ])
  })

  it('sets and unsets single properties by path, with kubectl’s errors', async () => {
    setUp()
    await expectSameAsKubectl([
      ['set', 'contexts.cx.namespace', 'shop'],
      ['unset', 'contexts.cx.namespace'],
      ['set', 'users.u2.client-key-data', 'aGVsbG8='],
      ['set', 'users.u2.client-key-data', 'notbase64'],
      ['set', 'users.u2.client-key-data', 'raw', '--set-raw-bytes'],
      ['set', 'clusters.c.insecure-skip-tls-verify', 'maybe'],
      ['set', 'clusters.10.0.0.1.server', 'https://10.0.0.1'],
      ['set', 'nosuch', 'x'],
      ['set', 'current-context', ''],
      ['set', 'preferences.colors', 'true'],
      ['unset', 'clusters.nosuch.server'],
      ['unset', 'users.u2'],
      ['set', 'current-context', 'cx'],
      ['unset', 'current-context'],
      ['unset', 'contexts'],
    ])
  })

  it('shows its help and the kubectl error when the names are missing', async () => {
    setUp()
    for (const args of [['set-cluster'], ['set', 'a'], ['rename-context', 'a'], ['unset']]) {
      const result = await run('skiff', args)
      expect(result.exitCode).toBe(1)
      expect(result.stdout).toContain('USAGE')
      expect(result.stderr).toBe(`error: Unexpected args: [${args.slice(1).join(' ')}]\n`)
    }
    const deleted = await run('skiff', ['delete-context'])
    expect([deleted.exitCode, deleted.stderr]).toEqual([0, ''])
  })
})
