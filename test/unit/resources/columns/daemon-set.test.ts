import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {daemonSetColumns} from '../../../../src/resources/columns/daemon-set.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

function daemonSet(nodeSelector?: Record<string, string>): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: {name: 'fluentd', namespace: 'kube-system', creationTimestamp: '2024-06-01T06:00:00Z'},
    spec: {
      selector: {matchLabels: {name: 'fluentd'}},
      template: {
        metadata: {labels: {name: 'fluentd'}},
        spec: {containers: [{name: 'fluentd', image: 'fluent/fluentd:v1.16'}], ...(nodeSelector ? {nodeSelector} : {})},
      },
      updateStrategy: {type: 'RollingUpdate'},
    },
    status: {
      currentNumberScheduled: 3,
      numberMisscheduled: 0,
      desiredNumberScheduled: 3,
      numberReady: 2,
      observedGeneration: 1,
      updatedNumberScheduled: 3,
      numberAvailable: 2,
      numberUnavailable: 1,
    },
  }
}

describe('daemon set columns', () => {
  it('names the columns as kube-apiserver does', () => {
    expect(daemonSetColumns.columns.map((c) => c.name)).toEqual([
      'Name',
      'Desired',
      'Current',
      'Ready',
      'Up-to-date',
      'Available',
      'Node Selector',
      'Age',
      'Containers',
      'Images',
      'Selector',
    ])
  })

  it('prints node counts, the node selector and, wide, the pod selector', () => {
    expect(daemonSetColumns.cells(daemonSet({'kubernetes.io/os': 'linux'}), NOW)).toEqual([
      'fluentd',
      3,
      3,
      2,
      3,
      2,
      'kubernetes.io/os=linux',
      '6h',
      'fluentd',
      'fluent/fluentd:v1.16',
      'name=fluentd',
    ])
  })

  it('prints <none> for a daemon set without a node selector', () => {
    expect(daemonSetColumns.cells(daemonSet(), NOW)[6]).toBe('<none>')
  })
})
