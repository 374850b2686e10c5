import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {BUILTIN_RESOURCES} from '../../../../src/resources/builtin.js'
import {buildTable, columnsFor} from '../../../../src/resources/columns/index.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

describe('columnsFor', () => {
  it('gives every built-in kind a row as long as its columns', () => {
    for (const info of BUILTIN_RESOURCES) {
      const set = columnsFor(info.group, info.kind)
      const object: KubeObject = {
        apiVersion: info.group === '' ? info.version : `${info.group}/${info.version}`,
        kind: info.kind,
        metadata: {name: 'x', creationTimestamp: '2024-06-01T11:00:00Z'},
      }
      expect(set.cells(object, NOW), `${info.group}/${info.kind}`).toHaveLength(set.columns.length)
    }
  })

  it('picks the printer of each kind', () => {
    expect(columnsFor('', 'Pod').columns[1]?.name).toBe('Ready')
    expect(columnsFor('apps', 'Deployment').columns[2]?.name).toBe('Up-to-date')
    expect(columnsFor('events.k8s.io', 'Event')).toBe(columnsFor('', 'Event'))
  })

  it('serves NAME CREATED AT for built-in kinds without a printer', () => {
    for (const [group, kind] of [
      ['rbac.authorization.k8s.io', 'Role'],
      ['rbac.authorization.k8s.io', 'ClusterRole'],
      ['', 'LimitRange'],
      ['apiextensions.k8s.io', 'CustomResourceDefinition'],
    ] as const) {
      expect(columnsFor(group, kind).columns.map((c) => c.name)).toEqual(['Name', 'Created At'])
    }
  })

  it('serves NAME AGE for kinds it does not know', () => {
    expect(columnsFor('example.com', 'Database').columns.map((c) => c.name)).toEqual(['Name', 'Age'])
  })
})

describe('buildTable', () => {
  it('builds a meta.k8s.io Table whose rows carry their objects', () => {
    const namespace: KubeObject = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {name: 'default', creationTimestamp: '2024-05-01T12:00:00Z'},
      status: {phase: 'Active'},
    }
    const table = buildTable([namespace], columnsFor('', 'Namespace'), NOW)
    expect(table.kind).toBe('Table')
    expect(table.apiVersion).toBe('meta.k8s.io/v1')
    expect(table.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Status', 'Age'])
    expect(table.rows).toEqual([{cells: ['default', 'Active', '31d'], object: namespace}])
  })

  it('gives each table its own column definitions', () => {
    const table = buildTable([], columnsFor('', 'Pod'), NOW)
    table.columnDefinitions[0]!.name = 'changed'
    expect(columnsFor('', 'Pod').columns[0]?.name).toBe('Name')
    expect(table.rows).toEqual([])
  })
})
