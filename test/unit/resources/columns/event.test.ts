import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {eventColumns} from '../../../../src/resources/columns/event.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

function coreEvent(fields: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name: 'web-7d4b9c8f6d-x2x9k.17d4a1b2c3d4e5f6',
      namespace: 'default',
      creationTimestamp: '2024-06-01T11:55:00Z',
    },
    involvedObject: {
      kind: 'Pod',
      namespace: 'default',
      name: 'web-7d4b9c8f6d-x2x9k',
      uid: '5c1e6f0a-2b1d-4c36-9a43-1f0b5a7d2e11',
      apiVersion: 'v1',
      resourceVersion: '1234',
      fieldPath: 'spec.containers{nginx}',
    },
    reason: 'Pulled',
    message: 'Successfully pulled image "nginx:1.27" in 1.2s (1.2s including waiting)\n',
    source: {component: 'kubelet', host: 'node-1'},
    firstTimestamp: '2024-06-01T11:55:00Z',
    lastTimestamp: '2024-06-01T11:58:00Z',
    count: 3,
    type: 'Normal',
    eventTime: null,
    reportingComponent: 'kubelet',
    reportingInstance: 'node-1',
    ...fields,
  }
}

describe('event columns', () => {
  it('orders the columns as kube-apiserver does, wide ones in between', () => {
    expect(eventColumns.columns.map((c) => [c.name, c.priority])).toEqual([
      ['Last Seen', 0],
      ['Type', 0],
      ['Reason', 0],
      ['Object', 0],
      ['Subobject', 1],
      ['Source', 1],
      ['Message', 0],
      ['First Seen', 1],
      ['Count', 1],
      ['Name', 1],
    ])
  })

  it('prints a kubelet event with its count and trimmed message', () => {
    expect(eventColumns.cells(coreEvent({}), NOW)).toEqual([
      '2m',
      'Normal',
      'Pulled',
      'pod/web-7d4b9c8f6d-x2x9k',
      'spec.containers{nginx}',
      'kubelet, node-1',
      'Successfully pulled image "nginx:1.27" in 1.2s (1.2s including waiting)',
      '5m',
      3,
      'web-7d4b9c8f6d-x2x9k.17d4a1b2c3d4e5f6',
    ])
  })

  it('uses the event time and a count of one for a new-style singleton event', () => {
    const event = coreEvent({
      firstTimestamp: null,
      lastTimestamp: null,
      count: undefined,
      eventTime: '2024-06-01T11:59:30.123456Z',
      source: {},
      reportingComponent: 'default-scheduler',
      reportingInstance: '',
      reason: 'Scheduled',
      message: 'Successfully assigned default/web-7d4b9c8f6d-x2x9k to node-1',
      involvedObject: {kind: 'Pod', namespace: 'default', name: 'web-7d4b9c8f6d-x2x9k'},
    })
    // 29.877s ago: HumanDuration truncates to whole seconds
    expect(eventColumns.cells(event, NOW)).toEqual([
      '29s',
      'Normal',
      'Scheduled',
      'pod/web-7d4b9c8f6d-x2x9k',
      '',
      'default-scheduler',
      'Successfully assigned default/web-7d4b9c8f6d-x2x9k to node-1',
      '29s',
      1,
      'web-7d4b9c8f6d-x2x9k.17d4a1b2c3d4e5f6',
    ])
  })

  it('takes the last seen time and count from an event series', () => {
    const event = coreEvent({series: {count: 12, lastObservedTime: '2024-06-01T11:59:50.000000Z'}})
    const cells = eventColumns.cells(event, NOW)
    expect([cells[0], cells[8]]).toEqual(['10s', 12])
  })

  it('writes only the kind when the object has no name', () => {
    const event = coreEvent({involvedObject: {kind: 'Node'}, type: 'Warning', reason: 'Rebooted'})
    expect(eventColumns.cells(event, NOW)[3]).toBe('node')
  })

  it('prints an events.k8s.io event through the same printer', () => {
    const event: KubeObject = {
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: {name: 'web.17d4a1b2c3d4e5f7', namespace: 'default', creationTimestamp: '2024-06-01T11:50:00Z'},
      eventTime: null,
      reportingController: 'deployment-controller',
      reportingInstance: '',
      action: '',
      reason: 'ScalingReplicaSet',
      regarding: {kind: 'Deployment', namespace: 'default', name: 'web', apiVersion: 'apps/v1'},
      note: 'Scaled up replica set web-7d4b9c8f6d to 3',
      type: 'Normal',
      deprecatedSource: {component: 'deployment-controller'},
      deprecatedFirstTimestamp: '2024-06-01T11:50:00Z',
      deprecatedLastTimestamp: '2024-06-01T11:50:00Z',
      deprecatedCount: 1,
    }
    expect(eventColumns.cells(event, NOW)).toEqual([
      '10m',
      'Normal',
      'ScalingReplicaSet',
      'deployment/web',
      '',
      'deployment-controller',
      'Scaled up replica set web-7d4b9c8f6d to 3',
      '10m',
      1,
      'web.17d4a1b2c3d4e5f7',
    ])
  })
})
