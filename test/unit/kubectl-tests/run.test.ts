import {chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {execa} from 'execa'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

const RUNNER = resolve(dirname(fileURLToPath(import.meta.url)), '../../kubectl-tests/run.mjs')

// A stand-in for kubectl: records each call in $HOME/calls.jsonl and answers a few made-up verbs.
const FAKE_KUBECTL = `
import {appendFileSync, existsSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import process from 'node:process'
const args = process.argv.slice(2)
let input = ''
for await (const chunk of process.stdin) input += chunk
const home = process.env.HOME || process.env.WORK
if (home) appendFileSync(join(home, 'calls.jsonl'), JSON.stringify({args, input, env: {
  SKIFF_HOME: process.env.SKIFF_HOME, SKIFF_NAMESPACE: process.env.SKIFF_NAMESPACE,
  KUBECONFIG: process.env.KUBECONFIG, PWD: process.env.PWD, cwd: process.cwd()}}) + '\\n')
const [verb, ...rest] = args
const say = (text) => process.stdout.write(text + '\\n')
if (verb === 'echo') say(rest.join('\\n'))
else if (verb === 'fail') { process.stderr.write('error: ' + rest.join(' ') + '\\n'); process.exitCode = 1 }
else if (verb === 'printenv') say(rest.map((name) => name + '=' + (process.env[name] ?? '<unset>')).join('\\n'))
else if (verb === 'cat') process.stdout.write(readFileSync(rest[0], 'utf8'))
else if (verb === 'delete') say(args.join(' '))
else if (verb === 'get') {
  const file = join(process.env.WORK, 'counter')
  const n = existsSync(file) ? Number(readFileSync(file, 'utf8')) + 1 : 1
  writeFileSync(file, String(n))
  say(' ' + n + ' ')
} else if (verb === 'config' && rest[0] === 'view') say('apiVersion: v1\\nkind: Config')
else if (verb === 'config') {}
else if (verb === 'create' && rest[0] === 'serviceaccount' && process.env.SKIFF_HOME) { process.stderr.write('error: unknown\\n'); process.exitCode = 1 }
else if (verb === 'create' || verb === 'apply') say(rest.join(' ') + ' created')
else { process.stderr.write('unknown command "' + verb + '"\\n'); process.exitCode = 1 }
`

const PASSING = `# Quoting, expansion and the env built-in
kubectl echo 'a b' c'd'e 'it''s' $IMAGE_PERL '$WORK' \${/}x
stdout '^a b$'
stdout '^cde$'
stdout '^it''s$'
stdout '^registry\\.k8s\\.io/perl$'
stdout '^\\$WORK$'
stdout '^/x$'
! stdout '^y'
env MY_VAR=hello
kubectl printenv MY_VAR HOME KUBECTL_PLUGINS_PATH
stdout '^MY_VAR=hello$'
stdout 'KUBECTL_PLUGINS_PATH=$'

# Fixtures resolve from KUBE_ROOT, embedded files live in WORK
kubectl cat hack/fixture.yaml
stdout 'fixture: yes'
kubectl cat $WORK/embedded.yaml
cp stdout copy.yaml
cmp copy.yaml embedded.yaml

# Failures, delete's --wait=false, kube-retry
! kubectl fail boom
stderr 'error: boom'
! stdout .
kubectl delete pod x
stdout 'delete pod x --wait=false'
kubectl delete pod x --wait=true
stdout 'x --wait=true$'
kubectl echo before
kube-retry 'pods -n nsb' '{.items}' '3'
stdout '^before$'
-- embedded.yaml --
kind: Thing
`

const FAILING = `# first
kubectl echo one

# the failing phase
kubectl echo two
stdout 'three'
kubectl echo never
`

interface Run {
  exitCode: number
  stdout: string
  stderr: string
}

// these spawn the runner, which spawns its fake kubectl: allow for a loaded machine
describe('run.mjs', {timeout: 60_000}, () => {
  let root: string
  let testdata: string
  let kubeRoot: string
  let fake: string

  const run = async (args: string[], env: Record<string, string> = {}): Promise<Run> => {
    const result = await execa('node', [RUNNER, '--dir', testdata, ...args], {
      reject: false,
      env: {KUBECTL_TESTS_DIR: kubeRoot, ...env},
    })
    return {exitCode: result.exitCode ?? 1, stdout: String(result.stdout), stderr: String(result.stderr)}
  }
  const calls = (work: string): {args: string[]; input: string; env: Record<string, string | undefined>}[] =>
    readFileSync(join(work, 'calls.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as {args: string[]; input: string; env: Record<string, string | undefined>})
  const workDir = (stdout: string): string => /work: (\S+)/.exec(stdout)?.[1] ?? ''

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'kubectl-tests-runner-'))
    testdata = join(root, 'testdata')
    kubeRoot = join(root, 'kube-root')
    mkdirSync(testdata)
    mkdirSync(join(kubeRoot, 'hack'), {recursive: true})
    writeFileSync(join(kubeRoot, 'hack', 'fixture.yaml'), 'fixture: yes\n')
    writeFileSync(join(testdata, 'passing.txtar'), PASSING)
    writeFileSync(join(testdata, 'failing.txtar'), FAILING)
    fake = join(root, 'fake-kubectl.mjs')
    writeFileSync(fake, FAKE_KUBECTL)
    // a fake skiff checkout: bin/run.js beside a dist/main.js
    mkdirSync(join(root, 'skiff', 'bin'), {recursive: true})
    mkdirSync(join(root, 'skiff', 'dist'))
    writeFileSync(join(root, 'skiff', 'bin', 'run.js'), FAKE_KUBECTL)
    writeFileSync(join(root, 'skiff', 'dist', 'main.js'), '')
    chmodSync(fake, 0o755)
  })

  afterAll(() => {
    rmSync(root, {recursive: true, force: true})
  })

  it('reports PASS, and FAIL with the line, its phase, the output and the progress, then the summary', async () => {
    // Given one passing and one failing script, When they run with a kubectl-compatible binary
    const result = await run(['--kubectl', fake, '--no-setup'])

    // Then each script has its verdict and the last line counts scripts
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain('PASS passing (27 of 27 lines passed')
    expect(result.stdout).toContain('FAIL failing at line 6 of failing.txtar: 2 of 4 lines passed before it')
    expect(result.stdout).toContain(
      "    # the failing phase\n    > stdout 'three'\n    no match for `three` found in stdout",
    )
    expect(result.stdout).toContain('    $ kubectl echo two  (exit 0)\n    [stdout]\n      two\n')
    expect(result.stdout).toContain('1 of 2 scripts passed (1 failing); 29 of 31 script lines passed')
    expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(/: 1 of 2 scripts passed \(1 failing\); /)
  })

  it('exits 1 with --strict when a script fails, and 0 when the filtered ones pass', async () => {
    expect((await run(['--kubectl', fake, '--no-setup', '--strict'])).exitCode).toBe(1)
    const filtered = await run(['--kubectl', fake, '--no-setup', '--strict', '--filter', '^pass'])
    expect(filtered.exitCode).toBe(0)
    expect(filtered.stdout).not.toContain('FAIL')
    expect(filtered.stdout.trimEnd().split('\n').at(-1)).toMatch(/: 1 of 1 scripts passed \(0 failing\); /)
  })

  it('creates the namespace and ServiceAccount, and points the kubeconfig copy at the namespace', async () => {
    const result = await run(['--kubectl', fake, '--filter', 'failing', '--keep'])
    const made = calls(workDir(result.stdout))
    const namespace = made[1]?.args[2] ?? ''

    expect(namespace).toMatch(/^namespace-\d+-\d+$/)
    expect(made.slice(0, 3).map((call) => call.args)).toEqual([
      ['config', 'set-context', '--current', `--namespace=${namespace}`],
      ['create', 'namespace', namespace],
      ['create', 'serviceaccount', 'default', '-n', namespace],
    ])
    expect(made[3]?.env['KUBECONFIG']).toMatch(/kubeconfig$/)
    rmSync(dirname(dirname(workDir(result.stdout))), {recursive: true, force: true})
  })

  it('runs skiff with its own SKIFF_HOME and the namespace in SKIFF_NAMESPACE, from KUBE_ROOT', async () => {
    // Given a skiff whose `create serviceaccount` fails (the fake fails it whenever SKIFF_HOME is set)
    const result = await run(['--skiff', join(root, 'skiff', 'bin', 'run.js'), '--filter', 'failing', '--keep'])
    const made = calls(workDir(result.stdout))
    const namespace = made[0]?.args[2] ?? ''

    // the ServiceAccount falls back to apply -f - when `create serviceaccount` fails
    expect(made[2]?.args).toEqual(['apply', '-f', '-'])
    expect(made[2]?.input).toContain(`kind: ServiceAccount\nmetadata:\n  name: default\n  namespace: ${namespace}\n`)
    expect(made[3]?.args).toEqual(['echo', 'one'])
    expect(made[3]?.env).toMatchObject({SKIFF_NAMESPACE: namespace, KUBECONFIG: '', PWD: kubeRoot, cwd: kubeRoot})
    expect(made[3]?.env['SKIFF_HOME']).toMatch(/skiff-home$/)
    rmSync(dirname(dirname(workDir(result.stdout))), {recursive: true, force: true})
  })

  it('refuses unknown options with the usage text and exit code 2', async () => {
    const result = await run(['--bogus'])
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toContain('Usage: node test/kubectl-tests/run.mjs')
  })
})
