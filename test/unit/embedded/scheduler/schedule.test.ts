import {describe, expect, it} from 'vitest'
import {schedulePod} from '../../../../src/embedded/scheduler/schedule.js'
import {node, pod, snapshotOf} from './fixtures.js'

const controlPlane = node('skiff-control-plane', {
  spec: {taints: [{key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule'}]},
})
const workers = [node('skiff-worker'), node('skiff-worker2'), node('skiff-worker3')]

describe('schedulePod', () => {
  it('picks the least loaded worker', () => {
    const s = snapshotOf(
      [controlPlane, ...workers],
      [pod('a', {cpu: '1', nodeName: 'skiff-worker'}), pod('b', {cpu: '1', nodeName: 'skiff-worker3'})],
    )
    expect(schedulePod(pod('p', {cpu: '1'}), s)).toEqual({nodeName: 'skiff-worker2'})
  })

  it('gives the same node for the same state every time', () => {
    const s = snapshotOf([controlPlane, ...workers])
    const first = schedulePod(pod('p'), s)
    for (let i = 0; i < 5; i++) expect(schedulePod(pod('p'), s)).toEqual(first)
  })

  it('words a pod too big for every node as kube-scheduler v1.32 does', () => {
    const result = schedulePod(pod('p', {cpu: '5'}), snapshotOf([controlPlane, ...workers]))
    expect(result.nodeName).toBeUndefined()
    expect('message' in result && result.message).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. ' +
        'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    )
  })

  it('says preemption is not helpful when every node fails for a reason it cannot fix', () => {
    const result = schedulePod(pod('p', {spec: {nodeSelector: {disk: 'ssd'}}}), snapshotOf(workers))
    expect('message' in result && result.message).toBe(
      "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    )
  })

  it('reports a pod that may not preempt', () => {
    const result = schedulePod(pod('p', {cpu: '5', spec: {preemptionPolicy: 'Never'}}), snapshotOf(workers))
    expect('message' in result && result.message).toBe(
      '0/3 nodes are available: 3 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.',
    )
  })

  it('reports a cluster without nodes', () => {
    expect(schedulePod(pod('p'), snapshotOf([]))).toMatchObject({message: 'no nodes available to schedule pods'})
  })
})
