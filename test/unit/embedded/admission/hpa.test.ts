import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {errorString} from '../../../../src/embedded/admission/field-error.js'
import {validateHorizontalPodAutoscaler} from '../../../../src/embedded/admission/hpa.js'

function hpa(spec: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: {name: 'web', namespace: 'default'},
    spec,
  }
}

const TARGET = {apiVersion: 'apps/v1', kind: 'Deployment', name: 'web'}

describe('HorizontalPodAutoscaler validation', () => {
  it('accepts a CPU utilization target', () => {
    const metrics = [{type: 'Resource', resource: {name: 'cpu', target: {type: 'Utilization', averageUtilization: 50}}}]
    expect(
      validateHorizontalPodAutoscaler(hpa({minReplicas: 1, maxReplicas: 5, scaleTargetRef: TARGET, metrics})),
    ).toEqual([])
  })

  it('checks the replica bounds and the scale target', () => {
    expect(
      validateHorizontalPodAutoscaler(hpa({minReplicas: 0, maxReplicas: 0, scaleTargetRef: {}})).map(errorString),
    ).toEqual([
      'spec.minReplicas: Invalid value: 0: must be greater than or equal to 1',
      'spec.maxReplicas: Invalid value: 0: must be greater than 0',
      'spec.scaleTargetRef.kind: Required value',
      'spec.scaleTargetRef.name: Required value',
    ])
    expect(
      validateHorizontalPodAutoscaler(hpa({minReplicas: 7, maxReplicas: 5, scaleTargetRef: TARGET})).map(errorString),
    ).toEqual(['spec.maxReplicas: Invalid value: 5: must be greater than or equal to `minReplicas`'])
  })

  it('checks resource metric targets', () => {
    const metrics = [{type: 'Resource', resource: {name: 'cpu', target: {type: 'Utilization', averageUtilization: 0}}}]
    expect(
      validateHorizontalPodAutoscaler(hpa({minReplicas: 1, maxReplicas: 5, scaleTargetRef: TARGET, metrics})).map(
        errorString,
      ),
    ).toEqual(['spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0'])
  })
})
