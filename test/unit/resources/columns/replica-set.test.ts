import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {replicaSetColumns} from '../../../../src/resources/columns/replica-set.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

const replicaSet: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: {
    name: 'web-7d4b9c8f6d',
    namespace: 'default',
    creationTimestamp: '2024-06-01T11:00:00Z',
    labels: {app: 'web', 'pod-template-hash': '7d4b9c8f6d'},
    ownerReferences: [{apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'u1', controller: true}],
  },
  spec: {
    replicas: 3,
    selector: {matchLabels: {app: 'web', 'pod-template-hash': '7d4b9c8f6d'}},
    template: {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'nginx', image: 'nginx:1.27'}]}},
  },
  status: {replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1},
}

describe('replica set columns', () => {
  it('prints desired, current and ready replicas as integers', () => {
    expect(replicaSetColumns.columns.map((c) => [c.name, c.type, c.priority])).toEqual([
      ['Name', 'string', 0],
      ['Desired', 'integer', 0],
      ['Current', 'integer', 0],
      ['Ready', 'integer', 0],
      ['Age', 'string', 0],
      ['Containers', 'string', 1],
      ['Images', 'string', 1],
      ['Selector', 'string', 1],
    ])
    expect(replicaSetColumns.cells(replicaSet, NOW)).toEqual([
      'web-7d4b9c8f6d',
      3,
      3,
      2,
      '60m',
      'nginx',
      'nginx:1.27',
      'app=web,pod-template-hash=7d4b9c8f6d',
    ])
  })

  it('prints a scaled-down replica set with zeros', () => {
    const old = {...replicaSet, spec: {...(replicaSet['spec'] as object), replicas: 0}, status: {replicas: 0}}
    expect(replicaSetColumns.cells(old, NOW).slice(1, 4)).toEqual([0, 0, 0])
  })
})
