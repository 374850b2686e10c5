import {describe, expect, it} from 'vitest'
import {secretColumns} from '../../../../src/resources/columns/secret.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

describe('secret columns', () => {
  it('prints the type and the number of data keys', () => {
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {name: 'db-credentials', namespace: 'default', creationTimestamp: '2024-05-31T12:00:00Z'},
      type: 'Opaque',
      data: {username: 'YWRtaW4=', password: 'czNjcjN0'},
    }
    expect(secretColumns.columns.map((c) => c.name)).toEqual(['Name', 'Type', 'Data', 'Age'])
    expect(secretColumns.cells(secret, NOW)).toEqual(['db-credentials', 'Opaque', 2, '24h'])
  })

  it('prints a TLS secret', () => {
    const tls = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {name: 'web-tls', namespace: 'default', creationTimestamp: '2024-05-01T12:00:00Z'},
      type: 'kubernetes.io/tls',
      data: {'tls.crt': 'LS0t', 'tls.key': 'LS0t'},
    }
    expect(secretColumns.cells(tls, NOW)).toEqual(['web-tls', 'kubernetes.io/tls', 2, '31d'])
  })
})
