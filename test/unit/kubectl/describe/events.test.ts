import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {describeEvents, eventFieldSelector} from '../../../../src/kubectl/describe/events.js'
import {LEVEL_0, tabbedString} from '../../../../src/kubectl/describe/prefix-writer.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

function event(fields: Record<string, unknown>): KubeObject {
  return {apiVersion: 'v1', kind: 'Event', metadata: {name: 'e', namespace: 'default'}, ...fields}
}

describe('eventFieldSelector', () => {
  it('selects by name, namespace, kind and uid', () => {
    const selector = eventFieldSelector({name: 'web', namespace: 'default', kind: 'Deployment', uid: 'u-1'})

    expect(selector).toBe(
      'involvedObject.name=web,involvedObject.namespace=default,involvedObject.kind=Deployment,involvedObject.uid=u-1',
    )
  })

  it('keeps an empty namespace for cluster-scoped objects and drops an unknown kind', () => {
    expect(eventFieldSelector({name: 'node-1', namespace: '', uid: 'node-1'})).toBe(
      'involvedObject.name=node-1,involvedObject.namespace=,involvedObject.uid=node-1',
    )
  })
})

describe('describeEvents', () => {
  it('writes Events: <none> aligned with the lines before it', () => {
    const output = tabbedString((w) => {
      w.write(LEVEL_0, 'Session Affinity:\tNone\n')
      describeEvents([], w, NOW)
    })

    expect(output).toBe('Session Affinity:  None\nEvents:            <none>\n')
  })

  it('sorts by last timestamp, unset first, and writes repeats and series as kubectl', () => {
    const events = [
      event({
        type: 'Normal',
        reason: 'Pulled',
        message: 'pulled',
        source: {component: 'kubelet'},
        firstTimestamp: '2024-06-01T11:00:00Z',
        lastTimestamp: '2024-06-01T11:58:00Z',
        count: 4,
      }),
      event({
        type: 'Warning',
        reason: 'FailedScheduling',
        message: '0/3 nodes are available: 3 Insufficient cpu.  ',
        reportingComponent: 'default-scheduler',
        eventTime: '2024-06-01T11:50:00.000000Z',
        series: {count: 5, lastObservedTime: '2024-06-01T11:59:30.000000Z'},
      }),
      event({type: 'Normal', reason: 'Created', source: {component: 'kubelet'}, lastTimestamp: '2024-06-01T11:30:00Z'}),
    ]

    const output = tabbedString((w) => {
      w.write(LEVEL_0, 'A much longer label than any event column:\tx\n')
      describeEvents(events, w, NOW)
    })

    expect(output).toBe(
      [
        'A much longer label than any event column:  x',
        'Events:',
        '  Type     Reason            Age                From               Message',
        '  ----     ------            ----               ----               -------',
        '  Warning  FailedScheduling  30s (x5 over 10m)  default-scheduler  0/3 nodes are available: 3 Insufficient cpu.',
        '  Normal   Created           <unknown>          kubelet            ',
        '  Normal   Pulled            2m (x4 over 60m)   kubelet            pulled',
        '',
      ].join('\n'),
    )
  })
})
