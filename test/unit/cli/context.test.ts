import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {delimiter, join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {
  connectionFlagsAfterCommand,
  currentContextName,
  openBackend,
  resolveNamespace,
  resolveTarget,
  servedCluster,
  setContext,
  useContext,
  type Target,
} from '../../../src/cli/context.js'

let root: string
let env: NodeJS.ProcessEnv

/** Writes a kubeconfig file whose current context (named after the file) has namespace `ns-<context>`. */
function kubeconfig(path: string, current = path.replace(/\W/g, '-')): string {
  const file = join(root, path)
  mkdirSync(join(file, '..'), {recursive: true})
  writeFileSync(
    file,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters: [{name: c, cluster: {server: "https://127.0.0.1:6443"}}]',
      'users: [{name: u, user: {token: t}}]',
      `contexts: [{name: ${current}, context: {cluster: c, user: u, namespace: ns-${current}}}, {name: prod, context: {cluster: c, user: u}}]`,
      `current-context: ${current}`,
      '',
    ].join('\n'),
  )
  return file
}

/** The kubeconfig target's files and context name, the parts a test compares. */
function kubeconfigTarget(target: ReturnType<typeof resolveTarget>): {files: string[]; context: string} | Target {
  return target.kind === 'kubeconfig' ? {files: target.files, context: target.selection.contextName} : target
}

/** Creates an embedded cluster's directory under SKIFF_HOME, as a first use would. */
function embeddedCluster(name: string): void {
  mkdirSync(join(root, 'skiff-home', 'clusters', name), {recursive: true})
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'skiff-context-'))
  mkdirSync(join(root, 'home'))
  // Given: a user with no kubeconfig anywhere
  env = {HOME: join(root, 'home'), SKIFF_HOME: join(root, 'skiff-home')}
})

afterEach(() => {
  vi.unstubAllEnvs()
  rmSync(root, {recursive: true, force: true})
})

describe('resolveTarget', () => {
  it('uses the embedded default cluster when there is no kubeconfig at all', () => {
    expect(resolveTarget({}, env)).toEqual({kind: 'embedded', cluster: 'default'})
  })

  it('uses $SKIFF_CLUSTER as the embedded cluster when there is no kubeconfig', () => {
    expect(resolveTarget({}, {...env, SKIFF_CLUSTER: 'lab'})).toEqual({kind: 'embedded', cluster: 'lab'})
  })

  it('uses --context as the embedded cluster name when there is no kubeconfig, even one not created yet', () => {
    expect(resolveTarget({context: 'fresh'}, env)).toEqual({kind: 'embedded', cluster: 'fresh'})
  })

  it('uses ~/.kube/config when it exists', () => {
    const file = kubeconfig('home/.kube/config')
    expect(kubeconfigTarget(resolveTarget({}, env))).toEqual({files: [file], context: 'home--kube-config'})
  })

  it('prefers $KUBECONFIG, a list in order, keeping only the files that exist and each once', () => {
    kubeconfig('home/.kube/config')
    const a = kubeconfig('a.yaml')
    const b = kubeconfig('b.yaml')
    const list = [a, join(root, 'missing.yaml'), b, a].join(delimiter)
    expect(kubeconfigTarget(resolveTarget({context: 'prod'}, {...env, KUBECONFIG: list}))).toEqual({
      files: [a, b],
      context: 'prod',
    })
  })

  it('does not fall back to ~/.kube/config when $KUBECONFIG names only missing files, as clientcmd does', () => {
    kubeconfig('home/.kube/config')
    expect(resolveTarget({}, {...env, KUBECONFIG: join(root, 'missing.yaml')})).toEqual({
      kind: 'embedded',
      cluster: 'default',
    })
  })

  it('treats an empty $KUBECONFIG as unset', () => {
    const file = kubeconfig('home/.kube/config')
    expect(kubeconfigTarget(resolveTarget({}, {...env, KUBECONFIG: ''}))).toEqual({
      files: [file],
      context: 'home--kube-config',
    })
  })

  it('prefers --kubeconfig over $KUBECONFIG and ~/.kube/config', () => {
    kubeconfig('home/.kube/config')
    const fromEnv = kubeconfig('env.yaml')
    const flag = kubeconfig('flag.yaml')
    expect(kubeconfigTarget(resolveTarget({kubeconfig: flag}, {...env, KUBECONFIG: fromEnv}))).toEqual({
      files: [flag],
      context: 'flag-yaml',
    })
  })

  it('picks an existing embedded cluster named by --context over any kubeconfig', () => {
    const file = kubeconfig('home/.kube/config')
    embeddedCluster('lab')
    expect(resolveTarget({context: 'lab'}, env)).toEqual({kind: 'embedded', cluster: 'lab'})
    expect(resolveTarget({context: 'lab', kubeconfig: file}, env)).toEqual({kind: 'embedded', cluster: 'lab'})
    expect(kubeconfigTarget(resolveTarget({context: 'prod'}, env))).toEqual({files: [file], context: 'prod'})
  })
})

describe('openBackend', () => {
  it('opens (and on first use creates) the embedded cluster under $SKIFF_HOME', async () => {
    vi.stubEnv('SKIFF_HOME', env['SKIFF_HOME'])
    const backend = await openBackend({kind: 'embedded', cluster: 'lab'})
    try {
      const namespaces = await backend.list({group: '', version: 'v1', resource: 'namespaces'})
      expect(namespaces.items.map((ns) => ns.metadata.name)).toContain('default')
    } finally {
      await backend.close()
    }
    expect(existsSync(join(root, 'skiff-home', 'clusters', 'lab', 'store.db'))).toBe(true)
  })

  it('opens the cluster backend for a kubeconfig target, which says so when nothing listens', async () => {
    vi.stubEnv('SKIFF_HOME', env['SKIFF_HOME'])
    const file = kubeconfig('refused.yaml')
    const backend = await openBackend(resolveTarget({kubeconfig: file}, env))
    try {
      await expect(backend.discover()).rejects.toThrow(
        'The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?',
      )
    } finally {
      await backend.close()
    }
  })
})

describe('resolveNamespace', () => {
  it('takes the namespace of the kubeconfig context in use, unless -n says otherwise', () => {
    const file = kubeconfig('home/.kube/config', 'team')
    expect(resolveNamespace({}, env)).toBe('ns-team')
    expect(resolveNamespace({namespace: 'shop'}, env)).toBe('shop')
    expect(resolveNamespace({context: 'prod'}, env)).toBe('default')
    expect(resolveNamespace({kubeconfig: file}, env)).toBe('ns-team')
  })

  it('takes -n first, then $SKIFF_NAMESPACE, then default', () => {
    expect(resolveNamespace({}, env)).toBe('default')
    expect(resolveNamespace({namespace: 'shop'}, env)).toBe('shop')
    expect(resolveNamespace({}, {...env, SKIFF_NAMESPACE: 'from-env'})).toBe('from-env')
    expect(resolveNamespace({namespace: 'shop'}, {...env, SKIFF_NAMESPACE: 'from-env'})).toBe('shop')
  })
})

describe('switching contexts', () => {
  it('switches between an embedded cluster and a kubeconfig context with one command each way', async () => {
    // Given: a kubeconfig whose current context is `team`, and an embedded cluster `lab`
    const file = kubeconfig('home/.kube/config', 'team')
    embeddedCluster('lab')
    expect(currentContextName({}, env)).toBe('team')
    // When: the embedded cluster is chosen, it is current, and the kubeconfig is left alone
    await useContext('lab', {}, env)
    expect(resolveTarget({}, env)).toEqual({kind: 'embedded', cluster: 'lab'})
    expect(readFileSync(file, 'utf8')).toContain('current-context: team')
    // When: a kubeconfig context is chosen, the kubeconfig says so and decides again
    await useContext('prod', {}, env)
    expect(currentContextName({}, env)).toBe('prod')
    expect(readFileSync(file, 'utf8')).toContain('current-context: prod')
    await expect(useContext('nope', {}, env)).rejects.toThrow('no context exists with the name: "nope"')
  })

  it('sets the namespace of the current context, kubeconfig or embedded', async () => {
    kubeconfig('home/.kube/config', 'team')
    await expect(setContext({current: true}, {namespace: 'shop'}, {}, env)).resolves.toEqual({
      name: 'team',
      created: false,
    })
    expect(resolveNamespace({}, env)).toBe('shop')
    await useContext('default', {}, env)
    expect(resolveNamespace({}, env)).toBe('default')
    await setContext({current: true}, {namespace: 'lab-ns'}, {}, env)
    expect(resolveNamespace({}, env)).toBe('lab-ns')
    await expect(setContext({name: 'fresh', current: false}, {namespace: 'x'}, {}, env)).resolves.toEqual({
      name: 'fresh',
      created: true,
    })
  })
})

describe('connectionFlagsAfterCommand', () => {
  it('moves kubectl’s global flags from before the command to after it', () => {
    expect(connectionFlagsAfterCommand(['--context', 'prod', '-n=shop', 'get', 'pods'])).toEqual([
      'get',
      'pods',
      '--context',
      'prod',
      '-n=shop',
    ])
    expect(connectionFlagsAfterCommand(['--kubeconfig=/k', 'config', 'view'])).toEqual([
      'config',
      'view',
      '--kubeconfig=/k',
    ])
  })

  it('keeps them before a `--` and leaves anything else alone', () => {
    expect(connectionFlagsAfterCommand(['-n', 'a', 'logs', 'p', '--', 'x'])).toEqual([
      'logs',
      'p',
      '-n',
      'a',
      '--',
      'x',
    ])
    expect(connectionFlagsAfterCommand(['get', 'pods', '--context', 'x'])).toEqual(['get', 'pods', '--context', 'x'])
    expect(connectionFlagsAfterCommand(['--help'])).toEqual(['--help'])
    expect(connectionFlagsAfterCommand(['--context'])).toEqual(['--context'])
  })
})

describe('servedCluster', () => {
  it('serves the current embedded cluster even when the kubeconfig’s current context is a real cluster', () => {
    const file = kubeconfig('home/serve.kubeconfig')
    const withKubeconfig = {...env, KUBECONFIG: file}
    expect(servedCluster({}, withKubeconfig)).toBe('default')
    embeddedCluster('lab')
    expect(servedCluster({}, {...withKubeconfig, SKIFF_CLUSTER: 'lab'})).toBe('lab')
    expect(servedCluster({context: 'lab'}, withKubeconfig)).toBe('lab')
  })

  it('refuses a --context that names a kubeconfig context, and takes a new name as an embedded cluster', () => {
    const file = kubeconfig('home/.kube/config')
    expect(() => servedCluster({context: 'prod'}, env)).toThrow(
      `context "prod" names a cluster from ${file}, not an embedded cluster: serve serves embedded clusters only`,
    )
    expect(servedCluster({context: 'fresh'}, env)).toBe('fresh')
  })
})
