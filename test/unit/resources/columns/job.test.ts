import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {jobColumns} from '../../../../src/resources/columns/job.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

function job(spec: Record<string, unknown>, status: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {name: 'pi', namespace: 'default', creationTimestamp: '2024-06-01T11:50:00Z'},
    spec: {
      parallelism: 1,
      completions: 1,
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      suspend: false,
      selector: {matchLabels: {'batch.kubernetes.io/controller-uid': '3f1c2e4a-7b9d-4e0f-8a6b-2c5d1e9f0a7b'}},
      template: {spec: {containers: [{name: 'pi', image: 'perl:5.34.0'}], restartPolicy: 'Never'}},
      ...spec,
    },
    status,
  }
}

describe('job columns', () => {
  it('names the columns as kube-apiserver v1.32 does, STATUS included', () => {
    expect(jobColumns.columns.map((c) => [c.name, c.priority])).toEqual([
      ['Name', 0],
      ['Status', 0],
      ['Completions', 0],
      ['Duration', 0],
      ['Age', 0],
      ['Containers', 1],
      ['Images', 1],
      ['Selector', 1],
    ])
  })

  it('prints a completed job with the time it took', () => {
    const status = {
      startTime: '2024-06-01T11:50:00Z',
      completionTime: '2024-06-01T11:50:42Z',
      succeeded: 1,
      ready: 0,
      terminating: 0,
      uncountedTerminatedPods: {},
      conditions: [
        {type: 'SuccessCriteriaMet', status: 'True', reason: 'CompletionsReached'},
        {type: 'Complete', status: 'True', reason: 'CompletionsReached'},
      ],
    }
    expect(jobColumns.cells(job({}, status), NOW)).toEqual([
      'pi',
      'Complete',
      '1/1',
      '42s',
      '10m',
      'pi',
      'perl:5.34.0',
      'batch.kubernetes.io/controller-uid=3f1c2e4a-7b9d-4e0f-8a6b-2c5d1e9f0a7b',
    ])
  })

  it('prints a running job with the time since it started', () => {
    const status = {startTime: '2024-06-01T11:55:00Z', active: 1, ready: 1, terminating: 0}
    expect(jobColumns.cells(job({}, status), NOW).slice(1, 4)).toEqual(['Running', '0/1', '5m'])
  })

  it('leaves the duration empty before the job started', () => {
    expect(jobColumns.cells(job({}, {}), NOW).slice(1, 4)).toEqual(['Running', '0/1', ''])
  })

  it('prints Failed, Suspended, FailureTarget and Terminating from conditions and deletion', () => {
    const failed = job({}, {conditions: [{type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded'}], failed: 7})
    const suspended = job({suspend: true}, {conditions: [{type: 'Suspended', status: 'True', reason: 'JobSuspended'}]})
    const failing = job({}, {conditions: [{type: 'FailureTarget', status: 'True', reason: 'BackoffLimitExceeded'}]})
    const deleting = job({}, {active: 1})
    deleting.metadata.deletionTimestamp = '2024-06-01T11:59:00Z'
    expect(jobColumns.cells(failed, NOW)[1]).toBe('Failed')
    expect(jobColumns.cells(suspended, NOW)[1]).toBe('Suspended')
    expect(jobColumns.cells(failing, NOW)[1]).toBe('FailureTarget')
    expect(jobColumns.cells(deleting, NOW)[1]).toBe('Terminating')
  })

  it('ignores a condition that is not True', () => {
    const resumed = job({}, {conditions: [{type: 'Suspended', status: 'False', reason: 'JobResumed'}]})
    expect(jobColumns.cells(resumed, NOW)[1]).toBe('Running')
  })

  it('writes completions of a work queue job from its parallelism', () => {
    const queue = job({completions: undefined, parallelism: 3}, {succeeded: 1, active: 2})
    const single = job({completions: undefined, parallelism: 1}, {succeeded: 0})
    const indexed = job({completions: 5, parallelism: 2}, {succeeded: 2})
    expect(jobColumns.cells(queue, NOW)[2]).toBe('1/1 of 3')
    expect(jobColumns.cells(single, NOW)[2]).toBe('0/1')
    expect(jobColumns.cells(indexed, NOW)[2]).toBe('2/5')
  })
})
