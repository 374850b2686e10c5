import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {execa} from 'execa'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {BIN, createSandbox, type Sandbox} from './support/cli.js'
import {startServe, type RunningServe} from './support/serve.js'
import {COMPARED_COMMANDS, SETUP_MANIFEST} from './compare/cases.js'
import {normalizeAges} from './compare/normalize.js'

// Real kubectl and skiff's cluster backend run the same commands against the same `skiff serve`:
// what a user sees (stdout, stderr, exit code) must match line for line.

interface Outcome {
  exitCode: number
  stdout: string
  stderr: string
}

let sandbox: Sandbox
let server: RunningServe
let clientEnv: Record<string, string>
let work: string

async function run(program: 'kubectl' | 'skiff', args: readonly string[]): Promise<Outcome> {
  const [file, prefix] = program === 'kubectl' ? ['kubectl', []] : ['node', [BIN]]
  const result = await execa(file, [...prefix, ...args], {
    cwd: work,
    env: clientEnv,
    extendEnv: false,
    reject: false,
    stripFinalNewline: false,
    input: '',
  })
  return {exitCode: result.exitCode ?? 1, stdout: String(result.stdout), stderr: String(result.stderr)}
}

const normalized = (outcome: Outcome): Outcome => ({
  exitCode: outcome.exitCode,
  stdout: normalizeAges(outcome.stdout),
  stderr: normalizeAges(outcome.stderr),
})

const inShop = (args: readonly string[]): string[] =>
  args.includes('-A') || args.includes('-n') ? [...args] : [...args, '-n', 'shop']

describe('skiff and kubectl against the same skiff serve', () => {
  beforeAll(async () => {
    sandbox = createSandbox()
    server = await startServe(sandbox)
    // the clients share nothing with the server but the kubeconfig: their own HOME (kubectl's cache) and
    // SKIFF_HOME (no embedded cluster chosen)
    const clientHome = join(sandbox.home, 'client')
    work = join(clientHome, 'work')
    mkdirSync(work, {recursive: true})
    clientEnv = {
      PATH: process.env['PATH'] ?? '',
      HOME: clientHome,
      SKIFF_HOME: join(clientHome, '.skiff'),
      KUBECONFIG: server.kubeconfig,
      NO_COLOR: '1',
    }
    writeFileSync(join(work, 'setup.yaml'), SETUP_MANIFEST)
    const applied = await run('kubectl', ['apply', '-f', 'setup.yaml'])
    expect(applied.stderr).toBe('')
    const ready = await run('kubectl', [
      'wait',
      '-n',
      'shop',
      'deploy/web',
      '--for=condition=Available',
      '--timeout=90s',
    ])
    expect(ready.stderr).toBe('')
  }, 180_000)

  afterAll(async () => {
    await server?.stop()
    sandbox?.dispose()
  })

  for (const args of COMPARED_COMMANDS) {
    it(args.join(' '), async () => {
      const command = inShop(args)
      const kubectl = await run('kubectl', command)
      const skiff = await run('skiff', command)
      expect(normalized(skiff)).toEqual(normalized(kubectl))
    })
  }
})
