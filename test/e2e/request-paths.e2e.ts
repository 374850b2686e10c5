import {mkdirSync} from 'node:fs'
import {join} from 'node:path'
import {execa} from 'execa'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {BIN, createSandbox, type CliResult, type Sandbox} from './support/cli.js'
import {startServe, type RunningServe} from './support/serve.js'

// Careless names that once reached a REST path: `delete cm ..` deleted the namespace through the cluster
// backend, `delete cm .` every ConfigMap in it. kubectl refuses them before sending anything.

const OBJECTS = `apiVersion: v1
kind: Namespace
metadata: {name: team}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: keep-a, namespace: team}
data: {k: v}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: keep-b, namespace: team}
data: {k: v}
`

// in namespace team unless the command names its own
const inTeam = (args: readonly string[]): string[] => (args.includes('-n') ? [...args] : [...args, '-n', 'team'])

// each careless command with the words kubectl 1.32 prints for it
const CARELESS: ReadonlyArray<{args: string[]; stderr: string}> = [
  {args: ['delete', 'cm', ''], stderr: 'error: resource name may not be empty\n'},
  {args: ['delete', 'cm', '.'], stderr: `error: invalid resource name ".": [may not be '.']\n`},
  {args: ['delete', 'cm', '..'], stderr: `error: invalid resource name "..": [may not be '..']\n`},
  {args: ['delete', 'cm/..'], stderr: `error: invalid resource name "..": [may not be '..']\n`},
  {args: ['delete', 'cm', '%2E%2E'], stderr: `error: invalid resource name "%2E%2E": [may not contain '%']\n`},
  {args: ['get', 'cm', ''], stderr: 'error: resource name may not be empty\n'},
  {args: ['get', 'cm', '..'], stderr: `error: invalid resource name "..": [may not be '..']\n`},
  {args: ['describe', 'cm', '.'], stderr: `error: invalid resource name ".": [may not be '.']\n`},
  {args: ['label', 'cm', '..', 'x=y'], stderr: `error: invalid resource name "..": [may not be '..']\n`},
  {args: ['annotate', 'cm', '.', 'x=y'], stderr: `error: invalid resource name ".": [may not be '.']\n`},
  {args: ['logs', '..'], stderr: `error: invalid resource name "..": [may not be '..']\n`},
  {
    args: ['delete', 'ns', '..'],
    stderr: `Warning: deleting cluster-scoped resources, not scoped to the provided namespace\nerror: invalid resource name "..": [may not be '..']\n`,
  },
  {args: ['delete', 'cm', 'keep-a', '-n', '..'], stderr: `error: invalid namespace "..": [may not be '..']\n`},
  {args: ['delete', 'cm', '--all', '-n', '.'], stderr: `error: invalid namespace ".": [may not be '.']\n`},
]

const BROKEN_MANIFEST = `apiVersion: v1
kind: ConfigMap
metadata: {name: '..', namespace: team}
`

let sandbox: Sandbox
let server: RunningServe
let clientHome: string

// the cluster backend: a client that shares nothing with the server but the kubeconfig
async function throughApi(command: 'node' | 'kubectl', args: readonly string[], input = ''): Promise<CliResult> {
  const argv = command === 'node' ? [BIN, ...args] : [...args]
  const result = await execa(command, [...argv, '--kubeconfig', server.kubeconfig], {
    reject: false,
    input,
    env: {HOME: clientHome, SKIFF_HOME: join(clientHome, '.skiff'), KUBECONFIG: '', NO_COLOR: '1'},
    stripFinalNewline: false,
  })
  return {exitCode: result.exitCode ?? 1, stdout: String(result.stdout), stderr: String(result.stderr)}
}

async function survivors(run: (args: readonly string[]) => Promise<CliResult>): Promise<string> {
  return (await run(['get', 'ns/team', 'cm/keep-a', 'cm/keep-b', '-n', 'team', '-o', 'name'])).stdout
}

const EVERYTHING = 'namespace/team\nconfigmap/keep-a\nconfigmap/keep-b\n'

beforeAll(async () => {
  sandbox = createSandbox()
  expect((await sandbox.run(['apply', '-f', '-'], {input: OBJECTS})).exitCode).toBe(0)
  server = await startServe(sandbox)
  clientHome = join(sandbox.home, 'client')
  mkdirSync(clientHome, {recursive: true})
})

afterAll(async () => {
  await server.stop()
  sandbox.dispose()
})

describe('a name, namespace or subresource that is not one path segment', () => {
  it('is refused on the embedded cluster with kubectl words, and nothing is deleted', async () => {
    for (const {args, stderr} of CARELESS) {
      const result = await sandbox.run(inTeam(args))
      expect({args, ...result}).toEqual({args, exitCode: 1, stdout: '', stderr})
    }
    expect(await survivors((args) => sandbox.run(args))).toBe(EVERYTHING)
  })

  it('is refused through the cluster backend before any request, as real kubectl refuses it', async () => {
    for (const {args, stderr} of CARELESS) {
      const skiff = await throughApi('node', inTeam(args))
      expect({args, ...skiff}).toEqual({args, exitCode: 1, stdout: '', stderr})
      const kubectl = await throughApi('kubectl', inTeam(args))
      expect({args, stderr: kubectl.stderr}).toEqual({args, stderr})
    }
    expect(await survivors((args) => throughApi('node', args))).toBe(EVERYTHING)
  })

  it('named in a manifest, stops that object only, with the file named, on both backends', async () => {
    const expected = `error: error when deleting "STDIN": invalid resource name "..": [may not be '..']\n`
    const embedded = await sandbox.run(['delete', '-f', '-'], {input: BROKEN_MANIFEST})
    expect(embedded).toEqual({exitCode: 1, stdout: '', stderr: expected})
    const cluster = await throughApi('node', ['delete', '-f', '-'], BROKEN_MANIFEST)
    expect(cluster).toEqual({exitCode: 1, stdout: '', stderr: expected})
    expect(await survivors((args) => sandbox.run(args))).toBe(EVERYTHING)
  })
})
