import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {customResourceColumns, customResourceDefaultColumns} from '../../../../src/resources/columns/custom-resource.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

const crd: KubeObject = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: {name: 'databases.example.com'},
  spec: {
    group: 'example.com',
    names: {kind: 'Database', plural: 'databases', singular: 'database', listKind: 'DatabaseList'},
    scope: 'Namespaced',
    versions: [
      {name: 'v1alpha1', served: true, storage: false, schema: {openAPIV3Schema: {type: 'object'}}},
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: {openAPIV3Schema: {type: 'object'}},
        additionalPrinterColumns: [
          {name: 'Engine', type: 'string', jsonPath: '.spec.engine'},
          {name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas'},
          {name: 'Ready', type: 'string', jsonPath: '.status.conditions[?(@.type=="Ready")].status'},
          {name: 'Storage', type: 'number', jsonPath: '.spec.storageGiB', priority: 1, description: 'Disk size in GiB'},
          {name: 'Backups', type: 'boolean', jsonPath: '.spec.backups'},
          {name: 'Settings', type: 'string', jsonPath: '.spec.settings', priority: 1},
          {name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp'},
        ],
      },
    ],
  },
}

const database: KubeObject = {
  apiVersion: 'example.com/v1',
  kind: 'Database',
  metadata: {name: 'orders', namespace: 'default', creationTimestamp: '2024-06-01T10:00:00Z'},
  spec: {engine: 'postgres', replicas: 3, storageGiB: 20.5, backups: true, settings: {max_connections: 100, tz: 'UTC'}},
  status: {conditions: [{type: 'Ready', status: 'True'}]},
}

describe('custom resource columns', () => {
  it('builds columns from the printer columns of the version', () => {
    const columns = customResourceColumns(crd, 'v1').columns
    expect(columns.map((c) => [c.name, c.type, c.priority])).toEqual([
      ['Name', 'string', 0],
      ['Engine', 'string', 0],
      ['Replicas', 'integer', 0],
      ['Ready', 'string', 0],
      ['Storage', 'number', 1],
      ['Backups', 'boolean', 0],
      ['Settings', 'string', 1],
      ['Age', 'date', 0],
    ])
    expect(columns[1]?.description).toBe('Custom resource definition column (in JSONPath format): .spec.engine')
    expect(columns[4]?.description).toBe('Disk size in GiB')
  })

  it('fills cells with typed values and a humanized date', () => {
    expect(customResourceColumns(crd, 'v1').cells(database, NOW)).toEqual([
      'orders',
      'postgres',
      3,
      'True',
      20.5,
      true,
      '{"max_connections":100,"tz":"UTC"}',
      '120m',
    ])
  })

  it('leaves cells null for missing fields and values of the wrong type', () => {
    const sparse: KubeObject = {...database, spec: {engine: 42, replicas: '3'}, status: {}}
    expect(customResourceColumns(crd, 'v1').cells(sparse, NOW)).toEqual([
      'orders',
      '42',
      null,
      null,
      null,
      null,
      null,
      '120m',
    ])
  })

  it('writes <invalid> for a date that is not RFC 3339', () => {
    const odd: KubeObject = {...database, metadata: {...database.metadata, creationTimestamp: 'yesterday'}}
    expect(customResourceColumns(crd, 'v1').cells(odd, NOW)[7]).toBe('<invalid>')
  })

  it('serves NAME AGE for a version without printer columns', () => {
    const set = customResourceColumns(crd, 'v1alpha1')
    expect(set.columns.map((c) => [c.name, c.type])).toEqual([
      ['Name', 'string'],
      ['Age', 'date'],
    ])
    expect(set.cells(database, NOW)).toEqual(['orders', '120m'])
    expect(customResourceDefaultColumns.cells(database, NOW)).toEqual(['orders', '120m'])
  })

  it('stops at the first printer column whose path cannot be parsed', () => {
    const broken: KubeObject = {
      ...crd,
      spec: {
        versions: [
          {
            name: 'v1',
            additionalPrinterColumns: [
              {name: 'Engine', type: 'string', jsonPath: '.spec.engine'},
              {name: 'Bad', type: 'string', jsonPath: '.spec[engine'},
              {name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas'},
            ],
          },
        ],
      },
    }
    expect(customResourceColumns(broken, 'v1').columns.map((c) => c.name)).toEqual(['Name', 'Engine'])
  })
})
