import {describe, expect, it} from 'vitest'
import {interPodAffinity} from '../../../../../src/embedded/scheduler/filters/inter-pod-affinity.js'
import {podTopologySpread} from '../../../../../src/embedded/scheduler/filters/pod-topology-spread.js'
import {infoOf, node, pod, snapshotOf} from '../fixtures.js'

const hostname = 'kubernetes.io/hostname'

describe('InterPodAffinity', () => {
  const antiAffine = (name: string, nodeName?: string): ReturnType<typeof pod> =>
    pod(name, {
      nodeName,
      labels: {app: 'db'},
      spec: {
        affinity: {
          podAntiAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [
              {labelSelector: {matchLabels: {app: 'db'}}, topologyKey: hostname},
            ],
          },
        },
      },
    })

  it('keeps a pod off a node that already runs a pod its anti-affinity names', () => {
    const s = snapshotOf([node('w1'), node('w2')], [antiAffine('db-0', 'w1')])
    expect(interPodAffinity(antiAffine('db-1'), infoOf(s, 'w1'), s)).toEqual({
      code: 'Unschedulable',
      reasons: ["node(s) didn't match pod anti-affinity rules"],
    })
    expect(interPodAffinity(antiAffine('db-1'), infoOf(s, 'w2'), s)).toBeUndefined()
  })

  it('honours the anti-affinity of pods already placed', () => {
    const s = snapshotOf([node('w1')], [antiAffine('db-0', 'w1')])
    expect(interPodAffinity(pod('p', {labels: {app: 'db'}}), infoOf(s, 'w1'), s)?.reasons).toEqual([
      "node(s) didn't satisfy existing pods anti-affinity rules",
    ])
  })

  it('requires a matching pod in the domain for required affinity, except for the first of a self-affine group', () => {
    const affine = pod('web', {
      labels: {app: 'web'},
      spec: {
        affinity: {
          podAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [
              {labelSelector: {matchLabels: {app: 'cache'}}, topologyKey: hostname},
            ],
          },
        },
      },
    })
    const s = snapshotOf([node('w1'), node('w2')], [pod('cache', {labels: {app: 'cache'}, nodeName: 'w2'})])
    expect(interPodAffinity(affine, infoOf(s, 'w1'), s)).toEqual({
      code: 'UnschedulableAndUnresolvable',
      reasons: ["node(s) didn't match pod affinity rules"],
    })
    expect(interPodAffinity(affine, infoOf(s, 'w2'), s)).toBeUndefined()
  })
})

describe('PodTopologySpread', () => {
  const spread = (name: string, nodeName?: string): ReturnType<typeof pod> =>
    pod(name, {
      nodeName,
      labels: {app: 'web'},
      spec: {
        topologySpreadConstraints: [
          {
            maxSkew: 1,
            topologyKey: hostname,
            whenUnsatisfiable: 'DoNotSchedule',
            labelSelector: {matchLabels: {app: 'web'}},
          },
        ],
      },
    })

  it('refuses a node that would make the skew exceed maxSkew', () => {
    const s = snapshotOf([node('w1'), node('w2')], [spread('a', 'w1')])
    expect(podTopologySpread(spread('b'), infoOf(s, 'w1'), s)).toEqual({
      code: 'Unschedulable',
      reasons: ["node(s) didn't match pod topology spread constraints"],
    })
    expect(podTopologySpread(spread('b'), infoOf(s, 'w2'), s)).toBeUndefined()
  })

  it('says the label is missing when the node lacks the topology key', () => {
    const zoned = pod('p', {
      labels: {app: 'web'},
      spec: {
        topologySpreadConstraints: [
          {
            maxSkew: 1,
            topologyKey: 'topology.kubernetes.io/zone',
            whenUnsatisfiable: 'DoNotSchedule',
            labelSelector: {matchLabels: {app: 'web'}},
          },
        ],
      },
    })
    const s = snapshotOf([node('w1')])
    expect(podTopologySpread(zoned, infoOf(s, 'w1'), s)).toEqual({
      code: 'UnschedulableAndUnresolvable',
      reasons: ["node(s) didn't match pod topology spread constraints (missing required label)"],
    })
  })
})
