import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {delimiter, join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {openBackend, resolveNamespace, resolveTarget} from '../../../src/cli/context.js'

let root: string
let env: NodeJS.ProcessEnv

/** Writes a kubeconfig file (its content does not matter to resolveTarget) and returns its path. */
function kubeconfig(path: string): string {
  const file = join(root, path)
  mkdirSync(join(file, '..'), {recursive: true})
  writeFileSync(file, 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n')
  return file
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
    expect(resolveTarget({}, env)).toEqual({kind: 'kubeconfig', files: [file], context: undefined})
  })

  it('prefers $KUBECONFIG, a list in order, keeping only the files that exist and each once', () => {
    kubeconfig('home/.kube/config')
    const a = kubeconfig('a.yaml')
    const b = kubeconfig('b.yaml')
    const list = [a, join(root, 'missing.yaml'), b, a].join(delimiter)
    expect(resolveTarget({context: 'prod'}, {...env, KUBECONFIG: list})).toEqual({
      kind: 'kubeconfig',
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
    expect(resolveTarget({}, {...env, KUBECONFIG: ''})).toEqual({kind: 'kubeconfig', files: [file], context: undefined})
  })

  it('prefers --kubeconfig over $KUBECONFIG and ~/.kube/config', () => {
    kubeconfig('home/.kube/config')
    const fromEnv = kubeconfig('env.yaml')
    const flag = kubeconfig('flag.yaml')
    expect(resolveTarget({kubeconfig: flag}, {...env, KUBECONFIG: fromEnv})).toEqual({
      kind: 'kubeconfig',
      files: [flag],
      context: undefined,
    })
  })

  it('picks an existing embedded cluster named by --context over any kubeconfig', () => {
    const file = kubeconfig('home/.kube/config')
    embeddedCluster('lab')
    expect(resolveTarget({context: 'lab'}, env)).toEqual({kind: 'embedded', cluster: 'lab'})
    expect(resolveTarget({context: 'lab', kubeconfig: file}, env)).toEqual({kind: 'embedded', cluster: 'lab'})
    expect(resolveTarget({context: 'prod'}, env)).toEqual({kind: 'kubeconfig', files: [file], context: 'prod'})
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

  it('refuses a kubeconfig target while the cluster backend does not exist, naming the files', async () => {
    await expect(openBackend({kind: 'kubeconfig', files: ['/k/a', '/k/b']})).rejects.toThrow(
      'the kubeconfig /k/a, /k/b names a real cluster',
    )
  })
})

describe('resolveNamespace', () => {
  it('takes -n first, then $SKIFF_NAMESPACE, then default', () => {
    vi.stubEnv('SKIFF_NAMESPACE', '')
    expect(resolveNamespace({})).toBe('default')
    expect(resolveNamespace({namespace: 'shop'})).toBe('shop')
    vi.stubEnv('SKIFF_NAMESPACE', 'from-env')
    expect(resolveNamespace({})).toBe('from-env')
    expect(resolveNamespace({namespace: 'shop'})).toBe('shop')
  })
})
