import {spawnSync} from 'node:child_process'
import {hostname} from 'node:os'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {addClockOffset} from '../../../../src/embedded/clock/stored-offset.js'
import {LEASE_KEY, LeaderLease} from '../../../../src/embedded/leader/lease.js'
import type {Controller} from '../../../../src/embedded/controllers/controller.js'
import {EmbeddedBackend} from '../../../../src/embedded/embedded-backend.js'
import {newControlLoop, openEmbeddedCluster} from '../../../../src/embedded/open-cluster.js'
import {coreRef, openTempCluster, type TempCluster} from '../temp-cluster.js'

let cluster: TempCluster

beforeEach(async () => {
  cluster = await openTempCluster()
  // the bootstrap objects reconciled by the real controllers first; then the lease is free for the test's loop
  await cluster.backend.settle()
  await cluster.backend.controlLoop?.lease.release()
})

afterEach(async () => {
  await cluster.dispose()
})

/** A backend over the test cluster's store whose control loop runs only `controller`. */
function runningOnly(controller: Controller): EmbeddedBackend {
  const api = new EmbeddedBackend(cluster.backend.store, cluster.backend.clock)
  api.attachControlLoop(newControlLoop(api, async () => [controller]))
  return api
}

// for each new ConfigMap `trigger-*`: writes a ConfigMap, a record beside it and a timer, or fails on `trigger-bad`
const recordingController: Controller = {
  name: 'recorder',
  keysFor(change) {
    return change.resource === '/configmaps' && change.name.startsWith('trigger-') && change.type === 'ADDED'
      ? [{resource: change.resource, namespace: change.namespace, name: change.name}]
      : []
  },
  async reconcile(key, ctx) {
    await ctx.api.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {name: `made-by-${key.name}`, namespace: key.namespace},
    })
    ctx.state.transaction(() => ctx.state.writeMeta(`recorder.${key.name}`, 'seen'))
    if (key.name === 'trigger-bad') throw new Error('the reconcile failed half way')
    return {requeueAfterMs: 60_000}
  },
}

async function names(api: EmbeddedBackend): Promise<string[]> {
  return (await api.list(coreRef('configmaps', 'default'))).items.map((c) => c.metadata.name ?? '').sort()
}

describe('the catch-up', () => {
  it('commits a reconcile’s writes, its records and its requeue timer together', async () => {
    const api = runningOnly(recordingController)
    await api.create({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'trigger-good', namespace: 'default'}})
    await api.settle()
    expect(await names(api)).toContain('made-by-trigger-good')
    expect(api.store.readMeta('recorder.trigger-good')).toBe('seen')
    expect(api.store.nextTimerDue()).toBeGreaterThan(api.clock.now())
    await api.controlLoop?.close()
  })

  it('keeps none of a round’s writes, records or timers when the round fails half way', async () => {
    const api = runningOnly(recordingController)
    await api.create({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'trigger-good', namespace: 'default'}})
    await api.create({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'trigger-bad', namespace: 'default'}})
    await expect(api.settle()).rejects.toThrow('the reconcile failed half way')
    // the round held both triggers: neither one's work was committed
    expect((await names(cluster.backend)).filter((name) => name.startsWith('made-by-'))).toEqual([])
    expect(api.store.readMeta('recorder.trigger-good')).toBeUndefined()
    expect(api.store.nextTimerDue()).toBeUndefined()
  })
})

describe('the resync after a takeover', () => {
  it('wakes a pod whose kubelet record lost its timer when the last leader died', async () => {
    // Given a pod the kubelet has started on, whose wake-up timer was lost (a store from before timers
    // committed with their records, killed in between)
    const leader = cluster.backend
    await leader.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {name: 'stuck', namespace: 'default'},
      spec: {nodeName: 'test-worker', containers: [{name: 'nginx', image: 'nginx:1.27'}]},
    })
    await leader.settle()
    leader.store.transaction(() => leader.store.statement('DELETE FROM timers').run())
    // and a leader that died holding the lease
    const gone = spawnSync(process.execPath, ['-e', '0']).pid
    await leader.controlLoop?.lease.release()
    const dead = new LeaderLease(
      {
        read: () => leader.store.get(LEASE_KEY)?.object,
        create: (object, options) => leader.create(object, options),
        update: (object, options) => leader.update(object, options),
      },
      leader.clock,
      `${hostname()}_${gone}_0b4f6c2e-2c53-4a0e-9a4b-2f1b8e3d6c71`,
    )
    await dead.tryAcquireOrRenew()
    // When another process takes over, a minute later
    const next = await openEmbeddedCluster('test', {SKIFF_HOME: cluster.home})
    try {
      next.clock.catchUpOffset(addClockOffset(next.store, 60_000))
      const pod = await next.get(coreRef('pods', 'default'), 'stuck')
      // Then its resync finds the pod, and the kubelet carries it on to Running
      expect((pod['status'] as {phase?: string}).phase).toBe('Running')
    } finally {
      await next.close()
    }
  })
})
