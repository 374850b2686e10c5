import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {execa} from 'execa'
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest'
import {BIN, createSandbox, type CliResult, type Sandbox} from './support/cli.js'
import {startServe, type RunningServe} from './support/serve.js'

// The edges of what -f reads: files with no objects, a broken document among good ones, nesting deep
// enough to overflow a recursive reader. Wording and exit codes are kubectl 1.32's, checked against real
// kubectl on the same files in the last block.

const cm = (name: string, extra = ''): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${extra}`
const BROKEN = `${cm('one')}---\n${cm('two')}  labels: [a, b\n---\n${cm('three')}`
const PARSE_ERROR =
  "error: error parsing broken.yaml: error converting YAML to JSON: yaml: line 5: did not find expected ',' or ']'\n"
const deepJson = (levels: number): string =>
  `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"data":{"a":${'['.repeat(levels)}${']'.repeat(levels)}}}`

describe('manifest edges on the embedded cluster', () => {
  let sandbox: Sandbox
  beforeEach(() => {
    sandbox = createSandbox()
  })
  afterEach(() => {
    sandbox.dispose()
  })

  it('refuses to apply or create a manifest with no objects, and deletes nothing without an error', async () => {
    // Given files with nothing in them but comments and separators
    const files = [
      sandbox.write('empty.yaml', ''),
      sandbox.write('comments.yaml', '# only a comment\n'),
      sandbox.write('dashes.yaml', '---\n---\n'),
    ]
    for (const file of files) {
      expect(await sandbox.run(['apply', '-f', file])).toEqual({
        exitCode: 1,
        stdout: '',
        stderr: 'error: no objects passed to apply\n',
      })
      expect(await sandbox.run(['create', '-f', file])).toEqual({
        exitCode: 1,
        stdout: '',
        stderr: 'error: no objects passed to create\n',
      })
      expect(await sandbox.run(['delete', '-f', file])).toEqual({
        exitCode: 0,
        stdout: 'No resources found\n',
        stderr: '',
      })
    }
    // and empty standard input
    expect(await sandbox.run(['apply', '-f', '-'], {input: ''})).toMatchObject({
      exitCode: 1,
      stderr: 'error: no objects passed to apply\n',
    })
    expect(await sandbox.run(['create', '-f', '-'])).toMatchObject({
      exitCode: 1,
      stderr: 'error: no objects passed to create\n',
    })
  })

  it('counts objects the selector leaves out as not passed, for apply, create and delete', async () => {
    const file = sandbox.write('web.yaml', cm('web', '  labels: {app: web}\n'))
    expect(await sandbox.run(['apply', '-f', file, '-l', 'app=db'])).toMatchObject({
      exitCode: 1,
      stderr: 'error: no objects passed to apply\n',
    })
    expect(await sandbox.run(['create', '-f', file, '-l', 'app=db'])).toMatchObject({
      exitCode: 1,
      stderr: 'error: no objects passed to create\n',
    })
    expect(await sandbox.run(['apply', '-f', file])).toMatchObject({exitCode: 0})
    // the selector filters what the file names before anything is deleted
    expect(await sandbox.run(['delete', '-f', file, '-l', 'app=db'])).toEqual({
      exitCode: 0,
      stdout: 'No resources found\n',
      stderr: '',
    })
    expect((await sandbox.run(['get', 'cm', 'web', '-o', 'name'])).stdout).toBe('configmap/web\n')
  })

  it('applies the documents before a broken one and stops there, going on with the next file', async () => {
    // Given a file whose second document does not parse, and another file
    sandbox.write('broken.yaml', BROKEN)
    sandbox.write('next.yaml', cm('four'))
    const result = await sandbox.run(['apply', '-f', 'broken.yaml', '-f', 'next.yaml'])
    expect(result).toEqual({
      exitCode: 1,
      stdout: 'configmap/one created\nconfigmap/four created\n',
      stderr: PARSE_ERROR,
    })
    expect((await sandbox.run(['get', 'cm', '-o', 'name'])).stdout).toBe('configmap/four\nconfigmap/one\n')
    // delete reads the file the same way
    expect(await sandbox.run(['delete', '-f', 'broken.yaml', '-f', 'next.yaml'])).toEqual({
      exitCode: 1,
      stdout: 'configmap "one" deleted\nconfigmap "four" deleted\n',
      stderr: PARSE_ERROR,
    })
  })

  it('goes on after a document that parses but is no object, and stops at one --validate refuses', async () => {
    const file = sandbox.write(
      'nokind.yaml',
      `${cm('one')}---\napiVersion: v1\nmetadata:\n  name: two\n---\n${cm('three')}`,
    )
    expect(await sandbox.run(['create', '-f', file, '--validate=false'])).toEqual({
      exitCode: 1,
      stdout: 'configmap/one created\nconfigmap/three created\n',
      stderr: `error: unable to decode "${file}": Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"two"}}'\n`,
    })
    expect(await sandbox.run(['delete', 'cm', 'one', 'three'])).toMatchObject({exitCode: 0})
    expect(await sandbox.run(['create', '-f', file])).toEqual({
      exitCode: 1,
      stdout: 'configmap/one created\n',
      stderr: `error: error validating "${file}": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n`,
    })
  })

  it('refuses deeply nested input in kubectl’s words, naming standard input, without a stack trace', async () => {
    const deep = await sandbox.run(['apply', '-f', '-', '--dry-run=client', '-o', 'name'], {input: deepJson(100_000)})
    expect(deep).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: "error: error parsing STDIN: json: offset 10073: invalid character '[' exceeded max depth\n",
    })
    const flow = sandbox.write('flow.yaml', cm('x', `data:\n  a: ${'['.repeat(100_000)}\n`))
    expect(await sandbox.run(['create', '-f', flow])).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: `error: error parsing ${flow}: error converting YAML to JSON: yaml: line 6: exceeded max depth of 10000\n`,
    })
    // within skiff's limit the object goes through every step, and one level more is refused the same way
    expect(await sandbox.run(['apply', '-f', '-', '--dry-run=client', '-o', 'name'], {input: deepJson(498)})).toEqual({
      exitCode: 0,
      stdout: 'configmap/x\n',
      stderr: '',
    })
    expect(await sandbox.run(['apply', '-f', '-', '-o', 'name'], {input: deepJson(499)})).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: "error: error parsing STDIN: json: offset 573: invalid character '[' exceeded max depth of 500\n",
    })
  })
})

interface Outcome {
  exitCode: number
  stdout: string
  stderr: string
}

describe('manifest edges: skiff and kubectl against the same skiff serve', () => {
  let sandbox: Sandbox
  let server: RunningServe
  let work: string
  let clientEnv: Record<string, string>

  beforeAll(async () => {
    sandbox = createSandbox()
    server = await startServe(sandbox)
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
    writeFileSync(join(work, 'empty.yaml'), '')
    writeFileSync(join(work, 'dashes.yaml'), '---\n# nothing\n---\n')
    writeFileSync(join(work, 'broken.yaml'), BROKEN)
    writeFileSync(join(work, 'separator.yaml'), `${cm('one')}---\n${cm('two')}--- {a: 1}\n${cm('three')}`)
    writeFileSync(
      join(work, 'order.yaml'),
      `${cm('one')}---\n${cm('f').replace('ConfigMap', 'Foo')}---\n${cm('three')}`,
    )
    writeFileSync(join(work, 'deep.json'), deepJson(100_000))
    writeFileSync(join(work, 'deep.yaml'), cm('x', `data:\n  a:\n  ${'- '.repeat(20_000)}x\n`))
    expect(await run('skiff', ['create', 'namespace', 'cmp'])).toMatchObject({exitCode: 0})
  })

  afterAll(async () => {
    await server.stop()
    sandbox.dispose()
  })

  async function run(program: 'kubectl' | 'skiff', args: readonly string[], input = ''): Promise<CliResult> {
    const [file, prefix] = program === 'kubectl' ? ['kubectl', []] : ['node', [BIN]]
    const result = await execa(file, [...prefix, ...args], {
      cwd: work,
      env: clientEnv,
      extendEnv: false,
      reject: false,
      stripFinalNewline: false,
      input,
    })
    return {exitCode: result.exitCode ?? 1, stdout: String(result.stdout), stderr: String(result.stderr)}
  }

  // both start from an empty namespace: what one created is deleted before the other runs
  async function both(args: readonly string[], input = ''): Promise<{kubectl: Outcome; skiff: Outcome}> {
    const clear = async (): Promise<void> => {
      expect(await run('kubectl', ['delete', 'cm', '--all', '-n', 'cmp'])).toMatchObject({exitCode: 0})
    }
    const kubectl = await run('kubectl', [...args, '-n', 'cmp'], input)
    await clear()
    const skiff = await run('skiff', [...args, '-n', 'cmp'], input)
    await clear()
    return {kubectl, skiff}
  }

  it.each([
    'apply -f empty.yaml',
    'create -f dashes.yaml',
    'delete -f empty.yaml',
    'rollout status -f dashes.yaml',
    'apply -f broken.yaml',
    'create -f separator.yaml',
    'delete -f broken.yaml -f order.yaml',
    'create -f order.yaml -f broken.yaml',
    'apply -f order.yaml -f broken.yaml --server-side',
    'apply -f deep.json --dry-run=client -o name',
    'create -f deep.yaml',
  ])('%s prints what kubectl prints', async (line) => {
    const {kubectl, skiff} = await both(line.split(' '))
    expect(skiff).toEqual(kubectl)
  })

  it('reads empty and deep standard input as kubectl does', async () => {
    const empty = await both(['create', '-f', '-'])
    expect(empty.skiff).toEqual(empty.kubectl)
    const deep = await both(['apply', '-f', '-', '--dry-run=client', '-o', 'name'], deepJson(100_000))
    expect(deep.skiff).toEqual(deep.kubectl)
  })
})
