import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {horizontalPodAutoscalerColumns} from '../../../../src/resources/columns/horizontal-pod-autoscaler.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

function hpa(spec: Record<string, unknown>, status: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: {name: 'web', namespace: 'default', creationTimestamp: '2024-06-01T11:00:00Z'},
    spec: {scaleTargetRef: {apiVersion: 'apps/v1', kind: 'Deployment', name: 'web'}, maxReplicas: 10, ...spec},
    status,
  }
}

const cpu80 = {type: 'Resource', resource: {name: 'cpu', target: {type: 'Utilization', averageUtilization: 80}}}

describe('horizontal pod autoscaler columns', () => {
  it('names the columns as kube-apiserver does', () => {
    expect(horizontalPodAutoscalerColumns.columns.map((c) => c.name)).toEqual([
      'Name',
      'Reference',
      'Targets',
      'MinPods',
      'MaxPods',
      'Replicas',
      'Age',
    ])
  })

  it('prints a CPU utilization target with its current value', () => {
    const status = {
      currentReplicas: 2,
      desiredReplicas: 2,
      currentMetrics: [
        {type: 'Resource', resource: {name: 'cpu', current: {averageUtilization: 45, averageValue: '45m'}}},
      ],
    }
    expect(horizontalPodAutoscalerColumns.cells(hpa({minReplicas: 1, metrics: [cpu80]}, status), NOW)).toEqual([
      'web',
      'Deployment/web',
      'cpu: 45%/80%',
      '1',
      10,
      2,
      '60m',
    ])
  })

  it('writes <unknown> before metrics are collected and <unset> without minReplicas', () => {
    const cells = horizontalPodAutoscalerColumns.cells(
      hpa({metrics: [cpu80]}, {currentReplicas: 0, desiredReplicas: 0}),
      NOW,
    )
    expect(cells.slice(2, 4)).toEqual(['cpu: <unknown>/80%', '<unset>'])
  })

  it('writes value, average and pods metrics, and counts those past two', () => {
    const metrics = [
      {type: 'Resource', resource: {name: 'memory', target: {type: 'AverageValue', averageValue: '200Mi'}}},
      {type: 'Pods', pods: {metric: {name: 'packets-per-second'}, target: {type: 'AverageValue', averageValue: '1k'}}},
      {type: 'Object', object: {metric: {name: 'requests-per-second'}, target: {type: 'Value', value: '10k'}}},
      {
        type: 'External',
        external: {metric: {name: 'queue_messages'}, target: {type: 'AverageValue', averageValue: '30'}},
      },
    ]
    const status = {
      currentReplicas: 3,
      currentMetrics: [
        {type: 'Resource', resource: {name: 'memory', current: {averageValue: '120Mi'}}},
        {type: 'Pods', pods: {metric: {name: 'packets-per-second'}, current: {averageValue: '900'}}},
      ],
    }
    const cells = horizontalPodAutoscalerColumns.cells(hpa({minReplicas: 2, metrics}, status), NOW)
    expect(cells[2]).toBe('memory: 120Mi/200Mi, 900/1k + 2 more...')
  })

  it('writes object and external metrics by value or average', () => {
    const metrics = [
      {type: 'Object', object: {target: {type: 'Value', value: '10k'}}},
      {type: 'External', external: {target: {type: 'AverageValue', averageValue: '30'}}},
    ]
    const status = {currentMetrics: [{type: 'Object', object: {current: {value: '8k'}}}]}
    expect(horizontalPodAutoscalerColumns.cells(hpa({metrics}, status), NOW)[2]).toBe('8k/10k, <unknown>/30 (avg)')
  })

  it('writes <none> when no metric is set', () => {
    expect(horizontalPodAutoscalerColumns.cells(hpa({}, {}), NOW)[2]).toBe('<none>')
  })
})
