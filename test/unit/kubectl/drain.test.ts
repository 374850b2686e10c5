import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../src/backend/object.js'
import type {EmbeddedBackend} from '../../../src/embedded/embedded-backend.js'
import {planDrain, setUnschedulable} from '../../../src/kubectl/drain.js'
import {openTempCluster, type TempCluster} from '../embedded/temp-cluster.js'

function pod(name: string, extra: {owner?: string; emptyDir?: boolean; phase?: string} = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      ...(extra.owner
        ? {ownerReferences: [{apiVersion: 'apps/v1', kind: extra.owner, name: 'o', uid: 'u', controller: true}]}
        : {}),
    },
    spec: {containers: [{name: 'c', image: 'i'}], ...(extra.emptyDir ? {volumes: [{name: 'v', emptyDir: {}}]} : {})},
    status: {phase: extra.phase ?? 'Running'},
  }
}

const policy = {force: false, ignoreDaemonSets: false, deleteEmptyDirData: false}

describe('planDrain', () => {
  it('evicts pods that have a controller', () => {
    const plan = planDrain([pod('web-1', {owner: 'ReplicaSet'})], policy)
    expect(plan).toEqual({evict: [pod('web-1', {owner: 'ReplicaSet'})], errors: [], warnings: ''})
  })

  it("refuses bare pods, DaemonSet pods and emptyDir pods with kubectl's words", () => {
    const plan = planDrain(
      [pod('bare'), pod('agent', {owner: 'DaemonSet'}), pod('cache', {owner: 'ReplicaSet', emptyDir: true})],
      policy,
    )
    expect(plan.errors).toEqual([
      'cannot delete Pods declare no controller (use --force to override): default/bare',
      'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/agent',
      'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache',
    ])
  })

  it('turns refusals into warnings with --force, --ignore-daemonsets and --delete-emptydir-data', () => {
    const plan = planDrain(
      [pod('bare'), pod('agent', {owner: 'DaemonSet'}), pod('cache', {owner: 'ReplicaSet', emptyDir: true})],
      {force: true, ignoreDaemonSets: true, deleteEmptyDirData: true},
    )
    expect(plan.errors).toEqual([])
    expect(plan.evict.map((p) => p.metadata.name)).toEqual(['bare', 'cache'])
    expect(plan.warnings).toBe(
      'deleting Pods that declare no controller: default/bare; ignoring DaemonSet-managed Pods: default/agent; deleting Pods with local storage: default/cache',
    )
  })

  it('evicts finished bare pods without --force', () => {
    expect(planDrain([pod('done', {phase: 'Succeeded'})], policy).errors).toEqual([])
  })
})

describe('setUnschedulable', () => {
  let cluster: TempCluster
  let backend: EmbeddedBackend
  beforeEach(async () => {
    cluster = await openTempCluster()
    backend = cluster.backend
  })
  afterEach(async () => cluster.dispose())

  it('cordons, then says already cordoned, then uncordons', async () => {
    const first = await setUnschedulable(backend, 'test-worker', {unschedulable: true, dryRun: 'none'})
    expect(first.result).toBe('cordoned')
    expect((first.node['spec'] as {unschedulable?: boolean}).unschedulable).toBe(true)
    expect((await setUnschedulable(backend, 'test-worker', {unschedulable: true, dryRun: 'none'})).result).toBe(
      'already cordoned',
    )
    const back = await setUnschedulable(backend, 'test-worker', {unschedulable: false, dryRun: 'none'})
    expect(back.result).toBe('uncordoned')
    expect((back.node['spec'] as {unschedulable?: boolean}).unschedulable).toBeUndefined()
  })
})
