import {describe, expect, it} from 'vitest'
import {configMapColumns} from '../../../../src/resources/columns/config-map.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

describe('config map columns', () => {
  it('counts data and binaryData keys', () => {
    const configMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {name: 'app-config', namespace: 'default', creationTimestamp: '2024-06-01T11:00:00Z'},
      data: {'app.properties': 'color=blue\n', LOG_LEVEL: 'debug'},
      binaryData: {'logo.png': 'iVBORw0KGgo='},
    }
    expect(configMapColumns.columns.map((c) => c.name)).toEqual(['Name', 'Data', 'Age'])
    expect(configMapColumns.cells(configMap, NOW)).toEqual(['app-config', 3, '60m'])
  })

  it('counts zero for an empty config map', () => {
    const empty = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {name: 'kube-root-ca.crt', creationTimestamp: '2024-06-01T11:59:00Z'},
    }
    expect(configMapColumns.cells(empty, NOW)).toEqual(['kube-root-ca.crt', 0, '60s'])
  })
})
