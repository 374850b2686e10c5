import {describe, expect, it} from 'vitest'
import {serviceAccountColumns} from '../../../../src/resources/columns/service-account.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

describe('service account columns', () => {
  it('counts the secrets a service account lists', () => {
    const account = {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: {name: 'default', namespace: 'default', creationTimestamp: '2024-06-01T00:00:00Z'},
    }
    expect(serviceAccountColumns.columns.map((c) => c.name)).toEqual(['Name', 'Secrets', 'Age'])
    expect(serviceAccountColumns.cells(account, NOW)).toEqual(['default', 0, '12h'])
    expect(serviceAccountColumns.cells({...account, secrets: [{name: 'builder-token'}]}, NOW)[1]).toBe(1)
  })
})
