import {describe, expect, it} from 'vitest'
import {kubeconfigDocument} from '../../../../src/cluster/kubeconfig/document.js'
import {mergeKubeconfigs} from '../../../../src/cluster/kubeconfig/merge.js'
import {printYaml} from '../../../../src/output/yaml.js'

const config = mergeKubeconfigs([
  {
    path: '/k',
    content: {
      'current-context': 'a',
      clusters: [
        {name: 'cb', cluster: {server: 'https://b'}},
        {name: 'ca', cluster: {server: 'https://a', 'certificate-authority-data': 'Zm9v'}},
      ],
      users: [
        {name: 'ua', user: {token: 'secret-token', 'client-key-data': 'YmFy'}},
        {name: 'ub', user: {username: 'admin', password: 'pw', exec: {command: 'x', apiVersion: 'v1'}}},
      ],
      contexts: [
        {name: 'b', context: {cluster: 'cb', user: 'ub'}},
        {name: 'a', context: {cluster: 'ca', user: 'ua', namespace: 'n'}},
      ],
    },
  },
])

describe('kubeconfigDocument', () => {
  it('redacts secrets as `kubectl config view` does and keeps them with raw', () => {
    const text = printYaml(kubeconfigDocument(config))
    expect(text).not.toContain('secret-token')
    expect(text).not.toContain('pw')
    expect(text).toContain('token: REDACTED')
    expect(text).toContain('password: REDACTED')
    expect(text).toContain('certificate-authority-data: DATA+OMITTED')
    expect(text).toContain('client-key-data: DATA+OMITTED')
    expect(printYaml(kubeconfigDocument(config, {raw: true}))).toContain('token: secret-token')
  })

  it('sorts entries by name and writes the Go structs’ always-present fields', () => {
    const document = kubeconfigDocument(config, {raw: true})
    expect((document['contexts'] as {name: string}[]).map((c) => c.name)).toEqual(['a', 'b'])
    const ub = (document['users'] as {name: string; user: {exec: Record<string, unknown>}}[])[1]
    expect(ub?.user.exec).toEqual({command: 'x', args: null, env: null, apiVersion: 'v1', provideClusterInfo: false})
  })

  it('keeps only the current context’s parts with minify, and refuses to minify without one', () => {
    const document = kubeconfigDocument(config, {minify: true})
    expect((document['clusters'] as {name: string}[]).map((c) => c.name)).toEqual(['ca'])
    expect((document['users'] as {name: string}[]).map((c) => c.name)).toEqual(['ua'])
    expect(() => kubeconfigDocument({...config, currentContext: ''}, {minify: true})).toThrow(
      'current-context must exist in order to minify',
    )
  })
})
