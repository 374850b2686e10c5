import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {createSandbox, type Sandbox} from './support/cli.js'

describe('the skiff command line', () => {
  let sandbox: Sandbox
  beforeEach(() => {
    sandbox = createSandbox()
  })
  afterEach(() => sandbox.dispose())

  it('prints its client version', async () => {
    const result = await sandbox.run(['version', '--client'])
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toMatch(/^Client Version: v\d+\.\d+\.\d+\n$/)
    const json = JSON.parse((await sandbox.run(['version', '--client', '-o', 'json'])).stdout) as {
      clientVersion: {gitVersion: string}
    }
    expect(json.clientVersion.gitVersion).toMatch(/^v\d/)
  })

  it('groups commands in its help as kubectl does', async () => {
    const result = await sandbox.run(['--help'])
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toMatch(
      /Basic Commands \(Beginner\):\n {2}create +Create a resource from a file or from stdin/,
    )
    expect(result.stdout).toMatch(
      /Basic Commands \(Intermediate\):\n(?: {2}.*\n)* {2}get +Display one or many resources/,
    )
    expect(result.stdout).toMatch(
      /Advanced Commands:\n(?: {2}.*\n)* {2}apply +Apply a configuration to a resource by file name or stdin/,
    )
    const get = await sandbox.run(['get', '--help'])
    expect(get.exitCode).toBe(0)
    expect(get.stdout).toContain('--selector')
  })

  it('says what each topic is in its help, not what one of its commands does', async () => {
    // kubectl's Short of the group commands; skiff's own words for its cluster topics
    const topics: Array<[string[], string]> = [
      [['cluster'], 'Manage embedded clusters, their clock and their nodes'],
      [['cluster', 'node'], 'Add, crash and restore the nodes of the embedded cluster'],
      [['rollout'], 'Manage the rollout of a resource'],
      [['config'], 'Modify kubeconfig files'],
      [['set'], 'Set specific features on objects'],
      [['auth'], 'Inspect authorization'],
      [['certificate'], 'Modify certificate resources'],
      [['create', 'secret'], 'Create a secret using a specified subcommand'],
    ]
    for (const [topic, description] of topics) {
      const result = await sandbox.run([...topic, '--help'])
      expect(result.exitCode).toBe(0)
      expect(result.stdout.split('\n')[0]).toBe(description)
    }
    const root = await sandbox.run(['--help'])
    expect(root.stdout).toMatch(/\n {2}cluster +Manage embedded clusters, their clock and their nodes\n/)
    expect(root.stdout).toMatch(/\n {2}rollout +Manage the rollout of a resource\n/)
  })

  it('rejects an unknown flag in kubectl words with exit code 1 and no banner', async () => {
    const result = await sandbox.run(['get', 'pods', '--nope'])
    expect(result).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: "Error: unknown flag: --nope\nSee 'skiff get --help' for usage.\n",
    })
  })

  it('suggests a command for a typo', async () => {
    const result = await sandbox.run(['gt', 'pods'])
    expect(result.exitCode).toBe(1)
    // kubectl 1.32 suggests set, get and cp: every command within two edits, in its help's order
    expect(result.stderr).toBe('Error: unknown command "gt" for "skiff"\n\nDid you mean this?\n\tset\n\tget\n\n')
    const far = await sandbox.run(['dashboard'])
    expect(far).toEqual({exitCode: 1, stdout: '', stderr: 'Error: unknown command "dashboard" for "skiff"\n'})
  })

  it('words flag values pflag cannot parse as kubectl does', async () => {
    expect((await sandbox.run(['get', 'pods', '--chunk-size=abc'])).stderr).toBe(
      'Error: invalid argument "abc" for "--chunk-size" flag: strconv.ParseInt: parsing "abc": invalid syntax\n' +
        "See 'skiff get --help' for usage.\n",
    )
    expect((await sandbox.run(['get', 'pods', '--watch=maybe'])).stderr).toBe(
      'Error: invalid argument "maybe" for "-w, --watch" flag: strconv.ParseBool: parsing "maybe": invalid syntax\n' +
        "See 'skiff get --help' for usage.\n",
    )
    expect((await sandbox.run(['get', 'pods', '-n'])).stderr).toBe(
      "Error: flag needs an argument: 'n' in -n\nSee 'skiff get --help' for usage.\n",
    )
  })

  it('asks for a resource type when get has none', async () => {
    const result = await sandbox.run(['get'])
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toContain('You must specify the type of resource to get.')
    expect(result.stderr).toContain(
      'error: Required resource not specified.\nUse "skiff explain <resource>" for a detailed description of that resource (e.g. skiff explain pods).\nSee \'skiff get -h\' for help and examples\n',
    )
  })

  it('rejects an unknown output format with kubectl words', async () => {
    const result = await sandbox.run(['get', 'pods', '-o', 'bogus'])
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toMatch(
      /^error: unable to match a printer suitable for the output format "bogus", allowed formats are: /,
    )
  })

  it('accepts kubectl spellings of flags: -ojson, -o=name, --ignore-not-found=true', async () => {
    expect((await sandbox.run(['get', 'ns', 'default', '-o=name'])).stdout).toBe('namespace/default\n')
    expect(JSON.parse((await sandbox.run(['get', 'ns', 'default', '-ojson'])).stdout)).toMatchObject({
      kind: 'Namespace',
    })
    expect((await sandbox.run(['get', 'ns', 'nope', '--ignore-not-found=true'])).exitCode).toBe(0)
  })

  it('lets a later option override an earlier one, as pflag does', async () => {
    await sandbox.run(['create', 'namespace', 'team'])
    await sandbox.run(['create', 'configmap', 'app', '-n', 'team'])
    const result = await sandbox.run(['get', 'cm', 'app', '-n', 'default', '-o', 'json', '-n', 'team', '-o', 'name'])
    expect(result).toEqual({exitCode: 0, stdout: 'configmap/app\n', stderr: ''})
    const described = await sandbox.run(['delete', 'cm', 'app', '-n', 'default', '--namespace=team'])
    expect(described).toEqual({exitCode: 0, stdout: 'configmap "app" deleted\n', stderr: ''})
  })

  it('reads -f - from stdin in every verb that takes files, never as a positional argument', async () => {
    const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: piped}\n'
    expect((await sandbox.run(['apply', '-f', '-'], {input: manifest})).exitCode).toBe(0)
    expect(await sandbox.run(['describe', '-f', '-'], {input: manifest})).toMatchObject({exitCode: 0, stderr: ''})
    expect(await sandbox.run(['delete', '-f', '-'], {input: manifest})).toEqual({
      exitCode: 0,
      stdout: 'configmap "piped" deleted\n',
      stderr: '',
    })
  })

  it('never shows a stack trace', async () => {
    const result = await sandbox.run(['apply', '-f', 'does-not-exist.yaml'])
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toBe('error: the path "does-not-exist.yaml" does not exist\n')
  })

  it('quietly stops when the reader of its output goes away', async () => {
    const result = await sandbox.shell('node "$SKIFF_BIN" get ns -o name | head -n 1')
    expect(result).toEqual({exitCode: 0, stdout: 'namespace/default\n', stderr: ''})
  })
})
