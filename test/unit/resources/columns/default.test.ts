import {describe, expect, it} from 'vitest'
import {defaultColumns} from '../../../../src/resources/columns/default.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

describe('default columns', () => {
  it('prints NAME and CREATED AT as an RFC 3339 date in UTC', () => {
    const role = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: {name: 'admin', creationTimestamp: '2024-05-01T10:11:12Z'},
      rules: [],
    }
    expect(defaultColumns.columns.map((c) => [c.name, c.type, c.format])).toEqual([
      ['Name', 'string', 'name'],
      ['Created At', 'date', ''],
    ])
    expect(defaultColumns.cells(role, NOW)).toEqual(['admin', '2024-05-01T10:11:12Z'])
  })

  it('writes offsets in UTC and the zero time for a missing timestamp', () => {
    const offset = {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: {name: 'limits', creationTimestamp: '2024-05-01T12:00:00.5+02:00'},
    }
    expect(defaultColumns.cells(offset, NOW)[1]).toBe('2024-05-01T10:00:00Z')
    expect(defaultColumns.cells({apiVersion: 'v1', kind: 'LimitRange', metadata: {name: 'x'}}, NOW)[1]).toBe(
      '0001-01-01T00:00:00Z',
    )
  })
})
