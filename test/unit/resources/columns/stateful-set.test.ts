import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {statefulSetColumns} from '../../../../src/resources/columns/stateful-set.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

describe('stateful set columns', () => {
  it('prints ready out of desired replicas and, wide, the containers', () => {
    const statefulSet: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: {name: 'db', namespace: 'default', creationTimestamp: '2024-05-30T12:00:00Z'},
      spec: {
        replicas: 3,
        serviceName: 'db',
        selector: {matchLabels: {app: 'db'}},
        template: {
          metadata: {labels: {app: 'db'}},
          spec: {
            containers: [
              {name: 'postgres', image: 'postgres:16'},
              {name: 'metrics', image: 'prom/postgres-exporter'},
            ],
          },
        },
        podManagementPolicy: 'OrderedReady',
        updateStrategy: {type: 'RollingUpdate', rollingUpdate: {partition: 0}},
      },
      status: {replicas: 2, readyReplicas: 1, currentReplicas: 2, updatedReplicas: 2, availableReplicas: 1},
    }
    expect(statefulSetColumns.columns.map((c) => c.name)).toEqual(['Name', 'Ready', 'Age', 'Containers', 'Images'])
    expect(statefulSetColumns.cells(statefulSet, NOW)).toEqual([
      'db',
      '1/3',
      '2d',
      'postgres,metrics',
      'postgres:16,prom/postgres-exporter',
    ])
  })
})
