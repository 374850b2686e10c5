import {describe, expect, it} from 'vitest'
import {balancedAllocationScore} from '../../../../../src/embedded/scheduler/scores/balanced-allocation.js'
import {nodeAffinityScore} from '../../../../../src/embedded/scheduler/scores/node-affinity.js'
import {leastAllocatedScore} from '../../../../../src/embedded/scheduler/scores/node-resources-fit.js'
import {podTopologySpreadScore} from '../../../../../src/embedded/scheduler/scores/pod-topology-spread.js'
import {taintTolerationScore} from '../../../../../src/embedded/scheduler/scores/taint-toleration.js'
import {infoOf, node, pod, snapshotOf} from '../fixtures.js'

describe('NodeResourcesFit LeastAllocated', () => {
  it('scores the free share of cpu and memory, counting 100m/200Mi for a pod that asks for nothing', () => {
    const s = snapshotOf([node('w1')])
    // cpu (4000-100)/4000 → 97, memory (8Gi-200Mi)/8Gi → 97
    expect(leastAllocatedScore(pod('p'), infoOf(s, 'w1'))).toBe(97)
    expect(leastAllocatedScore(pod('p', {cpu: '2', memory: '4Gi'}), infoOf(s, 'w1'))).toBe(50)
  })
})

describe('NodeResourcesBalancedAllocation', () => {
  it('is 100 when cpu and memory are used alike and drops with the difference', () => {
    const s = snapshotOf([node('w1')])
    expect(balancedAllocationScore(pod('p', {cpu: '2', memory: '4Gi'}), infoOf(s, 'w1'))).toBe(100)
    expect(balancedAllocationScore(pod('p', {cpu: '2'}), infoOf(s, 'w1'))).toBe(75)
  })
})

describe('TaintToleration score', () => {
  it('prefers nodes with fewer untolerated PreferNoSchedule taints', () => {
    const s = snapshotOf([node('w1', {spec: {taints: [{key: 'a', effect: 'PreferNoSchedule'}]}}), node('w2')])
    const raw = s.nodes.map((n) => taintTolerationScore.score(pod('p'), n, s, s.nodes))
    expect(raw).toEqual([1, 0])
    expect(taintTolerationScore.normalize?.(raw, s.nodes, pod('p'), s)).toEqual([0, 100])
  })
})

describe('NodeAffinity score', () => {
  it('sums the weights of matching preferred terms and scales them to 100', () => {
    const s = snapshotOf([node('w1', {labels: {disk: 'ssd'}}), node('w2')])
    const p = pod('p', {
      spec: {
        affinity: {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              {weight: 20, preference: {matchExpressions: [{key: 'disk', operator: 'In', values: ['ssd']}]}},
            ],
          },
        },
      },
    })
    const raw = s.nodes.map((n) => nodeAffinityScore.score(p, n, s, s.nodes))
    expect(nodeAffinityScore.normalize?.(raw, s.nodes, p, s)).toEqual([100, 0])
  })
})

describe('PodTopologySpread score with the system defaults', () => {
  it('prefers the node with fewer pods of the same ReplicaSet', () => {
    const rs = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {name: 'web-1', namespace: 'default'},
      spec: {selector: {matchLabels: {app: 'web'}}},
    }
    const owned = (name: string, nodeName?: string): ReturnType<typeof pod> => {
      const p = pod(name, {labels: {app: 'web'}, nodeName})
      p.metadata.ownerReferences = [
        {apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: 'rs', controller: true},
      ]
      return p
    }
    const s = snapshotOf([node('w1'), node('w2')], [owned('a', 'w1')], [rs])
    const incoming = owned('b')
    expect(podTopologySpreadScore.applies?.(incoming, s)).toBe(true)
    const raw = s.nodes.map((n) => podTopologySpreadScore.score(incoming, n, s, s.nodes))
    // 1 × ln(4) + 2 → 3; 0 + 2 → 2
    expect(raw).toEqual([3, 2])
    expect(podTopologySpreadScore.normalize?.(raw, s.nodes, incoming, s)).toEqual([66, 100])
  })

  it('has nothing to say about a pod no workload selects', () => {
    const s = snapshotOf([node('w1')])
    expect(podTopologySpreadScore.applies?.(pod('p', {labels: {app: 'web'}}), s)).toBe(false)
  })
})
