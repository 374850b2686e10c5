import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {execa} from 'execa'
import {createSandbox, type Sandbox} from './support/cli.js'

// `skiff config ...` against kubeconfig files, beside real kubectl on the same files where both apply.

const KUBECONFIG_A = `apiVersion: v1
kind: Config
clusters:
- name: c
  cluster: {server: "https://127.0.0.1:6443", certificate-authority-data: "Zm9v"}
users:
- name: u
  user: {token: very-secret-token, client-certificate-data: Zm9v, client-key-data: YmFy}
contexts:
- name: cx
  context: {cluster: c, user: u, namespace: ns1}
current-context: cx
`

const KUBECONFIG_B = `apiVersion: v1
kind: Config
clusters:
- name: c
  cluster: {server: "https://loses-to-a"}
- name: cb
  cluster: {server: "https://b:6443"}
users:
- name: ub
  user: {username: admin, password: hunter2}
contexts:
- name: cb
  context: {cluster: cb, user: ub, namespace: bns}
current-context: cb
`

let sandbox: Sandbox

beforeEach(() => {
  sandbox = createSandbox()
})

afterEach(() => {
  sandbox.dispose()
})

async function kubectl(args: readonly string[], env: Record<string, string>): Promise<string> {
  const result = await execa('kubectl', args, {
    env: {HOME: sandbox.home, ...env},
    reject: false,
    stripFinalNewline: false,
  })
  return String(result.stdout)
}

describe('skiff config', () => {
  it('views the merged kubeconfig as kubectl does: first file wins, secrets redacted', async () => {
    const a = sandbox.write('a.yaml', KUBECONFIG_A)
    const b = sandbox.write('b.yaml', KUBECONFIG_B)
    const env = {KUBECONFIG: `${b}:${a}`}
    for (const args of [
      ['config', 'view'],
      ['config', 'view', '--raw'],
      ['config', 'view', '--minify', '-o', 'json'],
    ]) {
      const mine = await sandbox.run(args, {env})
      expect(mine.exitCode, mine.stderr).toBe(0)
      expect(mine.stdout).toBe(await kubectl(args, env))
    }
    const view = (await sandbox.run(['config', 'view'], {env})).stdout
    expect(view).not.toContain('very-secret-token')
    expect(view).not.toContain('hunter2')
    expect(view).toContain('server: https://loses-to-a')
  })

  it('lists kubeconfig contexts beside the embedded clusters, marking the current one', async () => {
    const a = sandbox.write('a.yaml', KUBECONFIG_A)
    const result = await sandbox.run(['config', 'get-contexts'], {env: {KUBECONFIG: a}})
    expect(result.stdout).toBe(
      [
        'CURRENT   NAME      CLUSTER      AUTHINFO   NAMESPACE',
        '*         cx        c            u          ns1',
        '          default   (embedded)              ',
        '',
      ].join('\n'),
    )
    expect((await sandbox.run(['config', 'get-contexts', '-o', 'name'], {env: {KUBECONFIG: a}})).stdout).toBe(
      'cx\ndefault\n',
    )
    const missing = await sandbox.run(['config', 'get-contexts', 'nope'], {env: {KUBECONFIG: a}})
    expect(missing).toMatchObject({exitCode: 1, stderr: 'error: context nope not found\n'})
  })

  it('writes use-context and set-context to the kubeconfig as kubectl would', async () => {
    const a = sandbox.write('a.yaml', KUBECONFIG_A)
    const b = sandbox.write('b.yaml', KUBECONFIG_B)
    const env = {KUBECONFIG: `${a}:${b}`}
    expect((await sandbox.run(['config', 'current-context'], {env})).stdout).toBe('cx\n')
    expect((await sandbox.run(['config', 'use-context', 'cb'], {env})).stdout).toBe('Switched to context "cb".\n')
    expect((await sandbox.run(['config', 'current-context'], {env})).stdout).toBe('cb\n')
    expect((await sandbox.run(['config', 'set-context', '--current', '--namespace=shop'], {env})).stdout).toBe(
      'Context "cb" modified.\n',
    )
    expect((await sandbox.run(['config', 'set-context', 'new', '--cluster=c'], {env})).stdout).toBe(
      'Context "new" created.\n',
    )
    // kubectl reads back what skiff wrote, and would have written the same files
    expect(await kubectl(['config', 'get-contexts'], env)).toBe(
      [
        'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE',
        '*         cb     cb        ub         shop',
        '          cx     c         u          ns1',
        '          new    c                    ',
        '',
      ].join('\n'),
    )
    expect((await sandbox.run(['config', 'use-context', 'nope'], {env})).stderr).toBe(
      'error: no context exists with the name: "nope"\n',
    )
  })

  it('switches to an embedded cluster and back, the kubeconfig untouched by the first switch', async () => {
    const a = sandbox.write('a.yaml', KUBECONFIG_A)
    const env = {KUBECONFIG: a}
    expect((await sandbox.run(['config', 'use-context', 'default'], {env})).stdout).toBe(
      'Switched to context "default".\n',
    )
    expect((await sandbox.run(['get', 'ns', 'default', '-o', 'name'], {env})).stdout).toBe('namespace/default\n')
    expect((await sandbox.run(['config', 'set-context', '--current', '--namespace=kube-system'], {env})).exitCode).toBe(
      0,
    )
    expect((await sandbox.run(['get', 'pods'], {env})).stderr).toBe('No resources found in kube-system namespace.\n')
    expect((await sandbox.run(['config', 'use-context', 'cx'], {env})).exitCode).toBe(0)
    expect((await sandbox.run(['config', 'current-context'], {env})).stdout).toBe('cx\n')
  })
})
