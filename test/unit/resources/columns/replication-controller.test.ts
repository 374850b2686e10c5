import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {replicationControllerColumns} from '../../../../src/resources/columns/replication-controller.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

describe('replication controller columns', () => {
  it('prints replica counts and, wide, the containers and the selector map', () => {
    const controller: KubeObject = {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: {name: 'nginx', namespace: 'default', creationTimestamp: '2024-06-01T11:58:30Z'},
      spec: {
        replicas: 3,
        selector: {app: 'nginx'},
        template: {metadata: {labels: {app: 'nginx'}}, spec: {containers: [{name: 'nginx', image: 'nginx'}]}},
      },
      status: {replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1},
    }
    expect(replicationControllerColumns.columns.map((c) => c.name)).toEqual([
      'Name',
      'Desired',
      'Current',
      'Ready',
      'Age',
      'Containers',
      'Images',
      'Selector',
    ])
    expect(replicationControllerColumns.cells(controller, NOW)).toEqual([
      'nginx',
      3,
      3,
      3,
      '90s',
      'nginx',
      'nginx',
      'app=nginx',
    ])
  })
})
