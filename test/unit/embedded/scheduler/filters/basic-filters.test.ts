import {describe, expect, it} from 'vitest'
import {nodeAffinity} from '../../../../../src/embedded/scheduler/filters/node-affinity.js'
import {nodeName} from '../../../../../src/embedded/scheduler/filters/node-name.js'
import {nodePorts} from '../../../../../src/embedded/scheduler/filters/node-ports.js'
import {nodeResourcesFit} from '../../../../../src/embedded/scheduler/filters/node-resources-fit.js'
import {nodeUnschedulable} from '../../../../../src/embedded/scheduler/filters/node-unschedulable.js'
import {taintToleration} from '../../../../../src/embedded/scheduler/filters/taint-toleration.js'
import {infoOf, node, pod, snapshotOf} from '../fixtures.js'

describe('NodeResourcesFit', () => {
  it('passes a pod whose requests fit in what is left', () => {
    const s = snapshotOf([node('w1')], [pod('a', {cpu: '3', nodeName: 'w1'})])
    expect(nodeResourcesFit(pod('p', {cpu: '1'}), infoOf(s, 'w1'))).toBeUndefined()
  })

  it('says Insufficient cpu when the requests of the pods already there leave too little', () => {
    const s = snapshotOf([node('w1')], [pod('a', {cpu: '3500m', nodeName: 'w1'})])
    expect(nodeResourcesFit(pod('p', {cpu: '600m'}), infoOf(s, 'w1'))).toEqual({
      code: 'Unschedulable',
      reasons: ['Insufficient cpu'],
    })
  })

  it('lists every shortfall, pods first', () => {
    const full = node('w1', {})
    const status = full['status'] as {allocatable: Record<string, string>}
    status.allocatable['pods'] = '1'
    const s = snapshotOf([full], [pod('a', {nodeName: 'w1'})])
    expect(nodeResourcesFit(pod('p', {cpu: '5', memory: '9Gi'}), infoOf(s, 'w1'))?.reasons).toEqual([
      'Too many pods',
      'Insufficient cpu',
      'Insufficient memory',
    ])
  })

  it('ignores pods that have finished', () => {
    const done = {...pod('a', {cpu: '4', nodeName: 'w1'}), status: {phase: 'Succeeded'}}
    const s = snapshotOf([node('w1')], [done])
    expect(nodeResourcesFit(pod('p', {cpu: '4'}), infoOf(s, 'w1'))).toBeUndefined()
  })
})

describe('NodeName and NodeUnschedulable', () => {
  it('keeps a pod that names another node off this one', () => {
    const s = snapshotOf([node('w1')])
    expect(nodeName(pod('p', {spec: {nodeName: 'w2'}}), infoOf(s, 'w1'))?.reasons).toEqual([
      "node(s) didn't match the requested node name",
    ])
  })

  it('refuses a cordoned node unless the pod tolerates the unschedulable taint', () => {
    const s = snapshotOf([node('w1', {spec: {unschedulable: true}})])
    expect(nodeUnschedulable(pod('p'), infoOf(s, 'w1'))).toEqual({
      code: 'UnschedulableAndUnresolvable',
      reasons: ['node(s) were unschedulable'],
    })
    const tolerant = pod('p', {
      spec: {tolerations: [{key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule'}]},
    })
    expect(nodeUnschedulable(tolerant, infoOf(s, 'w1'))).toBeUndefined()
  })
})

describe('TaintToleration', () => {
  const tainted = node('cp', {spec: {taints: [{key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule'}]}})

  it('names the first untolerated taint with its key and empty value', () => {
    expect(taintToleration(pod('p'), infoOf(snapshotOf([tainted]), 'cp'))).toEqual({
      code: 'UnschedulableAndUnresolvable',
      reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'],
    })
  })

  it('lets a pod with a matching toleration through', () => {
    const tolerant = pod('p', {
      spec: {tolerations: [{key: 'node-role.kubernetes.io/control-plane', operator: 'Exists'}]},
    })
    expect(taintToleration(tolerant, infoOf(snapshotOf([tainted]), 'cp'))).toBeUndefined()
  })

  it('skips an unreachable NoExecute taint the pod tolerates for 300s and stops at the NoSchedule one', () => {
    const unreachable = node('w1', {
      spec: {
        taints: [
          {key: 'node.kubernetes.io/unreachable', effect: 'NoExecute'},
          {key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule'},
        ],
      },
    })
    const defaulted = pod('p', {
      spec: {
        tolerations: [
          {key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300},
        ],
      },
    })
    expect(taintToleration(defaulted, infoOf(snapshotOf([unreachable]), 'w1'))?.reasons).toEqual([
      'node(s) had untolerated taint {node.kubernetes.io/unreachable: }',
    ])
  })

  it('ignores PreferNoSchedule taints', () => {
    const soft = node('w1', {spec: {taints: [{key: 'k', value: 'v', effect: 'PreferNoSchedule'}]}})
    expect(taintToleration(pod('p'), infoOf(snapshotOf([soft]), 'w1'))).toBeUndefined()
  })
})

describe('NodeAffinity', () => {
  const ssd = node('w1', {labels: {disk: 'ssd', gen: '5'}})
  const reason = ["node(s) didn't match Pod's node affinity/selector"]

  it('matches the nodeSelector against the labels', () => {
    expect(
      nodeAffinity(pod('p', {spec: {nodeSelector: {disk: 'ssd'}}}), infoOf(snapshotOf([ssd]), 'w1')),
    ).toBeUndefined()
    expect(
      nodeAffinity(pod('p', {spec: {nodeSelector: {disk: 'hdd'}}}), infoOf(snapshotOf([ssd]), 'w1'))?.reasons,
    ).toEqual(reason)
  })

  it('ORs the required terms and ANDs their expressions', () => {
    const affinity = (terms: unknown[]): Record<string, unknown> => ({
      affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: terms}}},
    })
    const info = infoOf(snapshotOf([ssd]), 'w1')
    const gt = {
      matchExpressions: [
        {key: 'gen', operator: 'Gt', values: ['4']},
        {key: 'disk', operator: 'In', values: ['ssd']},
      ],
    }
    const missing = {matchExpressions: [{key: 'gpu', operator: 'Exists'}]}
    expect(nodeAffinity(pod('p', {spec: affinity([missing, gt])}), info)).toBeUndefined()
    expect(nodeAffinity(pod('p', {spec: affinity([missing])}), info)?.reasons).toEqual(reason)
    const byName = {matchFields: [{key: 'metadata.name', operator: 'In', values: ['w1']}]}
    expect(nodeAffinity(pod('p', {spec: affinity([byName])}), info)).toBeUndefined()
  })
})

describe('NodePorts', () => {
  it('refuses a node where the hostPort is taken', () => {
    const withPort = (name: string, nodeName?: string): ReturnType<typeof pod> =>
      pod(name, {
        nodeName,
        spec: {containers: [{name: 'app', image: 'nginx', ports: [{containerPort: 80, hostPort: 8080}]}]},
      })
    const s = snapshotOf([node('w1')], [withPort('a', 'w1')])
    expect(nodePorts(withPort('p'), infoOf(s, 'w1'))?.reasons).toEqual([
      "node(s) didn't have free ports for the requested pod ports",
    ])
  })
})
