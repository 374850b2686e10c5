import {chmodSync, mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {execa} from 'execa'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {BIN, createSandbox, type CliResult, type Sandbox} from './support/cli.js'
import {startServe, type RunningServe} from './support/serve.js'

// Shell completion: `skiff __complete` answers as kubectl's (cobra's) hidden command does, on the embedded
// cluster and through `skiff serve` beside real kubectl, and `skiff completion bash` drives it from bash.

let sandbox: Sandbox
let server: RunningServe
let clientHome: string

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: web}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: main, image: nginx:1.27}]}
`

const NO_FILES = 'Completion ended with directive: ShellCompDirectiveNoFileComp\n'

function clientEnv(): Record<string, string> {
  return {HOME: clientHome, SKIFF_HOME: join(clientHome, '.skiff'), KUBECONFIG: server.kubeconfig, NO_COLOR: '1'}
}

async function served(program: 'kubectl' | 'skiff', args: readonly string[]): Promise<CliResult> {
  const [file, prefix] = program === 'kubectl' ? ['kubectl', []] : ['node', [BIN]]
  const result = await execa(file, [...prefix, ...args], {
    reject: false,
    env: {...clientEnv(), PATH: process.env['PATH'] ?? ''},
    extendEnv: false,
    stripFinalNewline: false,
  })
  return {exitCode: result.exitCode ?? 1, stdout: String(result.stdout), stderr: String(result.stderr)}
}

beforeAll(async () => {
  sandbox = createSandbox()
  const manifest = sandbox.write('web.yaml', DEPLOYMENT)
  expect((await sandbox.run(['apply', '-f', manifest])).exitCode).toBe(0)
  await sandbox.run(['cluster', 'advance', '30s'])
  server = await startServe(sandbox)
  clientHome = join(sandbox.home, 'client')
  mkdirSync(clientHome, {recursive: true})
}, 120_000)

afterAll(async () => {
  await server?.stop()
  sandbox?.dispose()
})

async function podNames(): Promise<string[]> {
  const pods = await sandbox.run(['get', 'pods', '-o', 'name'])
  return pods.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.replace('pod/', ''))
}

describe('skiff __complete on the embedded cluster', () => {
  it('completes resource types as kubectl does, with the directive line and the stderr note', async () => {
    expect(await sandbox.run(['__complete', 'get', 'de'])).toEqual({
      exitCode: 0,
      stdout: 'deployments.apps\n:4\n',
      stderr: NO_FILES,
    })
    expect((await sandbox.run(['__complete', 'get', 'pods,secre'])).stdout).toBe('pods,secrets\n:4\n')
  })

  it('completes the names of live objects in the current namespace, and TYPE/NAME', async () => {
    const pods = await podNames()
    expect(pods).toHaveLength(2)
    expect((await sandbox.run(['__complete', 'get', 'pods', 'we'])).stdout).toBe(`${pods.join('\n')}\n:4\n`)
    expect((await sandbox.run(['__complete', 'get', 'pods', pods[0] ?? '', ''])).stdout).toBe(`${pods[1]}\n:4\n`)
    expect((await sandbox.run(['__complete', 'describe', 'deploy/'])).stdout).toBe('deploy/web\n:4\n')
    expect((await sandbox.run(['__complete', '-n', 'kube-system', 'get', 'pods', ''])).stdout).toBe(':4\n')
    expect((await sandbox.run(['__complete', 'get', 'ns', '--namespace', 'kube-'])).stdout).toBe(
      'kube-node-lease\nkube-public\nkube-system\n:4\n',
    )
    // the embedded clusters are contexts too
    expect((await sandbox.run(['__complete', 'get', '--context', ''])).stdout).toBe('default\n:4\n')
  })

  it('completes subcommands with their summaries, and drops them for __completeNoDesc', async () => {
    const withDescriptions = await sandbox.run(['__complete', 'config', 'get-'])
    expect(withDescriptions.stdout).toBe(
      'get-clusters\tDisplay clusters defined in the kubeconfig\n' +
        'get-contexts\tDescribe one or many contexts\n' +
        'get-users\tDisplay users defined in the kubeconfig\n:4\n',
    )
    const plain = await sandbox.run(['__completeNoDesc', 'config', 'get-'])
    expect(plain.stdout).toBe('get-clusters\nget-contexts\nget-users\n:4\n')
  })

  it('completes flags, required ones first, and the values of -o, -n and -f', async () => {
    expect((await sandbox.run(['__complete', 'scale', '-'])).stdout).toBe(
      '--replicas\tThe new desired number of replicas. Required.\n:4\n',
    )
    expect((await sandbox.run(['__complete', 'get', '-o=j'])).stdout).toBe(
      'json\njsonpath\njsonpath-as-json\njsonpath-file\n:4\n',
    )
    expect(await sandbox.run(['__complete', 'apply', '-f', ''])).toEqual({
      exitCode: 0,
      stdout: 'json\nyaml\nyml\n:8\n',
      stderr: 'Completion ended with directive: ShellCompDirectiveFilterFileExt\n',
    })
    expect(await sandbox.run(['__complete', 'api-versions', ''])).toEqual({
      exitCode: 0,
      stdout: ':0\n',
      stderr: 'Completion ended with directive: ShellCompDirectiveDefault\n',
    })
  })
})

describe('skiff __complete through skiff serve, beside kubectl', () => {
  it('answers line for line as kubectl does', async () => {
    for (const args of [
      ['__complete', 'get', 'de'],
      ['__complete', 'get', 'pods', ''],
      ['__complete', 'get', 'pod/'],
      ['__complete', 'logs', ''],
      ['__complete', 'scale', 'deploy', ''],
      ['__complete', 'rollout', 'pause', ''],
      ['__complete', 'taint', 'node', 'skiff-w'],
      ['__complete', 'get', 'pods', '--namespace=kube'],
      ['__complete', 'config', 'delete-user', ''],
      ['__complete', 'explain', ''],
    ]) {
      const kubectl = await served('kubectl', args)
      expect({args, ...(await served('skiff', args))}).toEqual({args, ...kubectl})
    }
  })
})

describe('skiff completion', () => {
  it("refuses a missing, unknown or second shell in kubectl's words", async () => {
    for (const [args, message] of [
      [['completion'], 'Shell not specified.'],
      [['completion', 'tcsh'], 'Unsupported shell type "tcsh".'],
      [['completion', 'bash', 'zsh'], 'Too many arguments. Expected only the shell type.'],
    ] as const) {
      expect(await sandbox.run(args)).toEqual({
        exitCode: 1,
        stdout: '',
        stderr: `error: ${message}\nSee 'skiff completion -h' for help and examples\n`,
      })
    }
    for (const shell of ['zsh', 'fish', 'powershell']) {
      const script = await sandbox.run(['completion', shell])
      expect(script.exitCode).toBe(0)
      expect(script.stdout).toContain('skiff')
      expect(script.stdout).toContain('__complete')
    }
  })

  it('drives completion in bash: resource types, live names and file extensions', async () => {
    // `skiff` on the PATH, as a user has it
    const bin = join(sandbox.home, 'bin')
    mkdirSync(bin)
    writeFileSync(join(bin, 'skiff'), `#!/bin/sh\nexec node ${JSON.stringify(BIN)} "$@"\n`)
    chmodSync(join(bin, 'skiff'), 0o755)
    sandbox.write('web.json', '{}')
    const script = (await sandbox.run(['completion', 'bash'])).stdout
    sandbox.write('skiff.bash', script)
    const probe = `source ./skiff.bash
complete -p skiff
t() { COMP_WORDS=("$@"); COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 )); COMPREPLY=(); __skiff_complete; echo "\${COMPREPLY[*]}"; }
t skiff get de
t skiff get pods we
t skiff apply -f we
t skiff completion ""
`
    const result = await execa('bash', ['-c', probe], {
      cwd: sandbox.home,
      reject: false,
      env: {
        PATH: `${bin}:${process.env['PATH'] ?? ''}`,
        HOME: sandbox.home,
        SKIFF_HOME: join(sandbox.home, '.skiff'),
        KUBECONFIG: '',
      },
    })
    const pods = await podNames()
    const [registered, types, names, files, shells] = result.stdout.split('\n')
    expect([registered, types, names, shells]).toEqual([
      'complete -F __skiff_complete skiff',
      'deployments.apps',
      pods.join(' '),
      'bash zsh fish powershell',
    ])
    // bash lists files in directory order and sorts them when it shows them
    expect(files?.split(' ').sort()).toEqual(['web.json', 'web.yaml'])
  })
})
