import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {kubeconfigFor} from '../../../../src/embedded/server/kubeconfig.js'

describe('kubeconfigFor', () => {
  it('names one cluster, user and context after the embedded cluster, with the CA and the token', () => {
    const ca = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'
    const config = parse(kubeconfigFor('default', {server: 'https://127.0.0.1:6443', token: 'abc', caCertificate: ca}))
    expect(config).toEqual({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        {
          name: 'skiff-default',
          cluster: {server: 'https://127.0.0.1:6443', 'certificate-authority-data': Buffer.from(ca).toString('base64')},
        },
      ],
      users: [{name: 'skiff-default', user: {token: 'abc'}}],
      contexts: [
        {name: 'skiff-default', context: {cluster: 'skiff-default', user: 'skiff-default', namespace: 'default'}},
      ],
      'current-context': 'skiff-default',
      preferences: {},
    })
  })

  it('leaves the CA out for plain HTTP', () => {
    const config = parse(kubeconfigFor('dev', {server: 'http://127.0.0.1:8080', token: 't'})) as {
      clusters: {cluster: object}[]
    }
    expect(config.clusters[0]?.cluster).toEqual({server: 'http://127.0.0.1:8080'})
  })
})
