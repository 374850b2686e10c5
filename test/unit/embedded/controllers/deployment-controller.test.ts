import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import type {EmbeddedBackend} from '../../../../src/embedded/embedded-backend.js'
import {coreRef, deploymentsRef, openTempCluster, type TempCluster} from '../temp-cluster.js'
import {advanceCluster} from '../../../../src/embedded/open-cluster.js'
import {
  advanceUntilRolledOut,
  deployment,
  deploymentStatus,
  isReady,
  livePods,
  podsRef,
  replicaSetsRef,
} from './workload-fixtures.js'

let cluster: TempCluster
let api: EmbeddedBackend

beforeEach(async () => {
  // cluster time is wall time plus what advanceCluster adds: freeze the wall clock so only the test moves time
  vi.useFakeTimers({toFake: ['Date']})
  cluster = await openTempCluster()
  api = cluster.backend
})

afterEach(async () => {
  await cluster.dispose()
  vi.useRealTimers()
})

async function replicaSets(): Promise<KubeObject[]> {
  return (await api.list(replicaSetsRef)).items
}

function replicasOf(rs: KubeObject): number {
  return (rs['spec'] as {replicas: number}).replicas
}

async function events(reason: string): Promise<string[]> {
  const list = await api.list(coreRef('events', 'default'))
  return list.items.filter((e) => e['reason'] === reason).map((e) => String(e['message']))
}

function revisionOf(rs: KubeObject): string {
  return rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? ''
}

/** [revision, spec.replicas] of every ReplicaSet, oldest revision first. */
async function revisions(): Promise<Array<[string, number]>> {
  return (await replicaSets())
    .map((rs): [string, number] => [revisionOf(rs), replicasOf(rs)])
    .sort((a, b) => Number(a[0]) - Number(b[0]))
}

function ownerOf(pod: KubeObject): string {
  return pod.metadata.ownerReferences?.[0]?.name ?? ''
}

function phaseOf(pod: KubeObject): string {
  return (pod['status'] as {phase?: string} | undefined)?.phase ?? ''
}

function imageOf(pod: KubeObject): string {
  return (pod['spec'] as {containers: Array<{image: string}>}).containers[0]?.image ?? ''
}

type Condition = {type: string; status: string; reason: string; message: string}

async function conditions(name = 'web'): Promise<Array<[string, string, string, string]>> {
  const d = await api.get(deploymentsRef(), name)
  const list = (d['status'] as {conditions?: Condition[]}).conditions ?? []
  return list.map((c) => [c.type, c.status, c.reason, c.message])
}

describe('a new Deployment', () => {
  it('creates one ReplicaSet named after the template hash, with three pods it controls', async () => {
    await api.create(deployment('web', 3))
    const [rs, ...others] = await replicaSets()
    expect(others).toEqual([])
    const hash = rs?.metadata.labels?.['pod-template-hash'] ?? ''
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{6,10}$/)
    expect(rs?.metadata.name).toBe(`web-${hash}`)
    expect(rs?.metadata.annotations).toMatchObject({
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    })
    expect((rs?.['spec'] as {selector: unknown}).selector).toEqual({
      matchLabels: {app: 'web', 'pod-template-hash': hash},
    })
    const pods = await livePods(api)
    expect(pods).toHaveLength(3)
    for (const pod of pods) {
      expect(pod.metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`))
      expect(pod.metadata.ownerReferences).toEqual([
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: rs?.metadata.name,
          uid: rs?.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ])
    }
    expect(await events('ScalingReplicaSet')).toEqual([`Scaled up replica set web-${hash} from 0 to 3`])
    expect(await events('SuccessfulCreate')).toContainEqual(
      expect.stringMatching(new RegExp(`^Created pod: web-${hash}-[a-z0-9]{5}$`)),
    )
  })

  it('becomes Available and completes its rollout once the kubelets report the pods ready', async () => {
    await api.create(deployment('web', 3))
    const [rs] = await replicaSets()
    const rsName = rs?.metadata.name ?? ''
    // at creation no pod has started: none is ready
    expect((await livePods(api)).filter(isReady)).toEqual([])
    expect(await deploymentStatus(api, 'web')).toEqual(
      expect.objectContaining({observedGeneration: 1, replicas: 3, updatedReplicas: 3, unavailableReplicas: 3}),
    )
    expect((await deploymentStatus(api, 'web')).readyReplicas).toBeUndefined()
    expect(await conditions()).toEqual([
      ['Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'],
      ['Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${rsName}" is progressing.`],
    ])

    const took = await advanceUntilRolledOut(api, 'web', {
      check: async () => {
        // the status counts what the kubelets report, and Available waits for all three (maxUnavailable 25% of 3 is 0)
        const ready = (await livePods(api)).filter(isReady).length
        const status = await deploymentStatus(api, 'web')
        expect(status.readyReplicas ?? 0).toBe(ready)
        expect(status.availableReplicas ?? 0).toBe(ready)
        expect(status.unavailableReplicas ?? 0).toBe(3 - ready)
        const available = (await conditions()).find(([type]) => type === 'Available')
        expect(available?.[1]).toBe(ready === 3 ? 'True' : 'False')
      },
    })
    // nginx is pulled and started within seconds
    expect(took).toBeGreaterThan(0)
    expect(took).toBeLessThanOrEqual(30_000)

    const pods = await livePods(api)
    expect(pods.map((p) => [phaseOf(p), isReady(p)])).toEqual([
      ['Running', true],
      ['Running', true],
      ['Running', true],
    ])
    const d = await api.get(deploymentsRef(), 'web')
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1')
    expect(d['status']).toMatchObject({
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
    })
    expect((d['status'] as {unavailableReplicas?: number}).unavailableReplicas).toBeUndefined()
    expect(await conditions()).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rsName}" has successfully progressed.`],
    ])
  })
})

describe('scaling a Deployment', () => {
  it('resizes its ReplicaSet and the pods follow', async () => {
    await api.create(deployment('web', 3))
    await advanceUntilRolledOut(api, 'web')
    await api.patch({...deploymentsRef(), subresource: 'scale'}, 'web', {type: 'merge', body: {spec: {replicas: 5}}})
    expect((await livePods(api)).length).toBe(5)
    expect(await deploymentStatus(api, 'web')).toMatchObject({replicas: 5, availableReplicas: 3, readyReplicas: 3})
    await advanceUntilRolledOut(api, 'web')
    expect((await livePods(api)).filter(isReady)).toHaveLength(5)

    await api.patch({...deploymentsRef(), subresource: 'scale'}, 'web', {type: 'merge', body: {spec: {replicas: 1}}})
    const [rs] = await replicaSets()
    expect(replicasOf(rs as KubeObject)).toBe(1)
    expect((await livePods(api)).length).toBe(1)
    expect(await deploymentStatus(api, 'web')).toMatchObject({replicas: 1, availableReplicas: 1, readyReplicas: 1})
    // the four pods scaled away stop within their 30s grace period and are gone
    await advanceCluster(api, 30_000)
    expect((await api.list(podsRef)).items).toHaveLength(1)
    const name = rs?.metadata.name ?? ''
    expect(await events('ScalingReplicaSet')).toEqual([
      `Scaled up replica set ${name} from 0 to 3`,
      `Scaled up replica set ${name} from 3 to 5`,
      `Scaled down replica set ${name} from 5 to 1`,
    ])
  })
})

async function changeImage(image: string): Promise<void> {
  const d = await api.get(deploymentsRef(), 'web')
  const next = structuredClone(d)
  ;(next['spec'] as {template: {spec: {containers: Array<{image: string}>}}}).template.spec.containers[0]!.image = image
  await api.update(next)
}

describe('a rolling update', () => {
  it('never has fewer available pods than replicas minus maxUnavailable, nor more pods than replicas plus maxSurge', async () => {
    await api.create(
      deployment('web', 4, {strategy: {type: 'RollingUpdate', rollingUpdate: {maxSurge: 1, maxUnavailable: 1}}}),
    )
    await advanceUntilRolledOut(api, 'web')
    await changeImage('nginx:1.28')
    // rolling.go, before any new pod runs: the new ReplicaSet is created at 1 (4 + 1 surge), the old one drops
    // to 3 (4 - 1 unavailable), and the next sync surges the new one to 2 again: 5 pods, 3 of them available
    expect(await revisions()).toEqual([
      ['1', 3],
      ['2', 2],
    ])
    const seen = {maxTotal: 0, minAvailable: Infinity}
    await advanceUntilRolledOut(api, 'web', {
      stepMs: 250,
      check: async () => {
        const sets = await replicaSets()
        const total = sets.reduce((sum, rs) => sum + replicasOf(rs), 0)
        const available = sets.reduce(
          (sum, rs) => sum + ((rs['status'] as {availableReplicas?: number}).availableReplicas ?? 0),
          0,
        )
        const live = await livePods(api)
        expect(total).toBeLessThanOrEqual(5)
        expect(live.length).toBeLessThanOrEqual(5)
        expect(available).toBeGreaterThanOrEqual(3)
        expect(live.filter(isReady).length).toBeGreaterThanOrEqual(3)
        seen.maxTotal = Math.max(seen.maxTotal, total)
        seen.minAvailable = Math.min(seen.minAvailable, available)
      },
    })
    // the rollout used both its surge and its unavailability budget
    expect(seen).toEqual({maxTotal: 5, minAvailable: 3})
    expect(await revisions()).toEqual([
      ['1', 0],
      ['2', 4],
    ])
    const d = await api.get(deploymentsRef(), 'web')
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2')
    const live = await livePods(api)
    expect(live.map(imageOf)).toEqual(['nginx:1.28', 'nginx:1.28', 'nginx:1.28', 'nginx:1.28'])
    expect(live.every(isReady)).toBe(true)
  })

  it('reuses the old ReplicaSet when the template goes back, recording the revision history', async () => {
    await api.create(deployment('web', 2))
    await advanceUntilRolledOut(api, 'web')
    const [first] = await replicaSets()
    await changeImage('nginx:1.28')
    await advanceUntilRolledOut(api, 'web')
    await changeImage('nginx:1.27')
    await advanceUntilRolledOut(api, 'web')
    const back = await api.get(replicaSetsRef, first?.metadata.name ?? '')
    expect(back.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3')
    expect(back.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1')
    expect(replicasOf(back)).toBe(2)
    expect(await revisions()).toEqual([
      ['2', 0],
      ['3', 2],
    ])
    expect((await livePods(api)).map((p) => [ownerOf(p), imageOf(p)])).toEqual([
      [first?.metadata.name, 'nginx:1.27'],
      [first?.metadata.name, 'nginx:1.27'],
    ])
  })
})

describe('a Recreate Deployment', () => {
  it('scales the old ReplicaSet to zero and creates the new one only once the old pods are gone', async () => {
    await api.create(deployment('web', 3, {strategy: {type: 'Recreate'}}))
    await advanceUntilRolledOut(api, 'web')
    const [old] = await replicaSets()
    await changeImage('nginx:1.28')
    // pods bound to a node terminate gracefully, so there is no new ReplicaSet yet
    expect(await revisions()).toEqual([['1', 0]])
    const pods = (await api.list(podsRef)).items
    expect(pods).toHaveLength(3)
    expect(pods.every((p) => p.metadata.deletionTimestamp !== undefined)).toBe(true)

    await advanceUntilRolledOut(api, 'web', {
      stepMs: 100,
      check: async () => {
        // recreate.go: no new pod while an old one has not finished
        const all = (await api.list(podsRef)).items
        const oldRunning = all.some(
          (p) => ownerOf(p) === old?.metadata.name && !['Succeeded', 'Failed'].includes(phaseOf(p)),
        )
        const fresh = all.filter((p) => ownerOf(p) !== old?.metadata.name)
        if (oldRunning) expect(fresh).toEqual([])
      },
    })
    expect(await revisions()).toEqual([
      ['1', 0],
      ['2', 3],
    ])
    const live = await livePods(api)
    expect(live.map(imageOf)).toEqual(['nginx:1.28', 'nginx:1.28', 'nginx:1.28'])
    expect(live.every(isReady)).toBe(true)
  })
})

describe('revisionHistoryLimit', () => {
  it('deletes the oldest empty ReplicaSets beyond the limit', async () => {
    await api.create(deployment('web', 1, {revisionHistoryLimit: 1}))
    await advanceUntilRolledOut(api, 'web')
    for (const image of ['nginx:1.1', 'nginx:1.2', 'nginx:1.3']) {
      await changeImage(image)
      await advanceUntilRolledOut(api, 'web')
    }
    expect(await revisions()).toEqual([
      ['3', 0],
      ['4', 1],
    ])
  })
})
