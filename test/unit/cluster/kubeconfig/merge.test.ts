import {describe, expect, it} from 'vitest'
import {KubeconfigLoadError, mergeKubeconfigs} from '../../../../src/cluster/kubeconfig/merge.js'

const fileA = {
  path: '/k/a.yaml',
  content: {
    clusters: [{name: 'shared', cluster: {server: 'https://a'}}],
    users: [{name: 'ua', user: {token: 'ta'}}],
    contexts: [{name: 'ctx', context: {cluster: 'shared', user: 'ua', namespace: 'from-a'}}],
  },
}
const fileB = {
  path: '/k/b.yaml',
  content: {
    'current-context': 'ctx-b',
    clusters: [
      {name: 'shared', cluster: {server: 'https://b'}},
      {name: 'only-b', cluster: {server: 'https://only-b'}},
    ],
    contexts: [
      {name: 'ctx', context: {cluster: 'only-b'}},
      {name: 'ctx-b', context: {cluster: 'only-b', user: 'ua'}},
    ],
  },
}

describe('mergeKubeconfigs', () => {
  it('keeps the first file’s entry for a name every file defines, as clientcmd does', () => {
    const merged = mergeKubeconfigs([fileA, fileB])
    expect(merged.clusters.map((c) => [c.name, c.value.server, c.file])).toEqual([
      ['shared', 'https://a', '/k/a.yaml'],
      ['only-b', 'https://only-b', '/k/b.yaml'],
    ])
    expect(merged.contexts.find((c) => c.name === 'ctx')?.value.namespace).toBe('from-a')
  })

  it('takes current-context from the first file that sets one', () => {
    expect(mergeKubeconfigs([fileA, fileB]).currentContext).toBe('ctx-b')
    const first = {path: '/k/c.yaml', content: {'current-context': 'ctx'}}
    expect(mergeKubeconfigs([first, fileB]).currentContext).toBe('ctx')
  })

  it('reads an empty file as an empty kubeconfig', () => {
    expect(mergeKubeconfigs([{path: '/k/empty', content: null}]).contexts).toEqual([])
  })

  it('refuses a list entry without a name, naming the file', () => {
    expect(() => mergeKubeconfigs([{path: '/k/bad', content: {users: [{user: {}}]}}])).toThrow(KubeconfigLoadError)
    expect(() => mergeKubeconfigs([{path: '/k/bad', content: {users: [{user: {}}]}}])).toThrow(
      'error loading config file "/k/bad"',
    )
  })
})
