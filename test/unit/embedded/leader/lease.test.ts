import {spawnSync} from 'node:child_process'
import {hostname} from 'node:os'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {addClockOffset} from '../../../../src/embedded/clock/stored-offset.js'
import type {EmbeddedBackend} from '../../../../src/embedded/embedded-backend.js'
import {newHolderIdentity} from '../../../../src/embedded/leader/holder-identity.js'
import {LEASE_KEY, LeaderLease} from '../../../../src/embedded/leader/lease.js'
import {openTempCluster, type TempCluster} from '../temp-cluster.js'

let cluster: TempCluster
let api: EmbeddedBackend
const START = Date.parse('2026-03-01T10:00:00Z')

beforeEach(async () => {
  vi.useFakeTimers({toFake: ['Date']})
  vi.setSystemTime(START)
  cluster = await openTempCluster()
  api = cluster.backend
})

afterEach(async () => {
  await cluster.dispose()
  vi.useRealTimers()
})

/** A process's side of the election, over the test cluster's API. */
function candidate(identity = newHolderIdentity()): LeaderLease {
  return new LeaderLease(
    {
      read: () => api.store.get(LEASE_KEY)?.object,
      create: (object, options) => api.create(object, options),
      update: (object, options) => api.update(object, options),
    },
    api.clock,
    identity,
  )
}

function leaseSpec(): Record<string, unknown> {
  return (api.store.get(LEASE_KEY)?.object['spec'] ?? {}) as Record<string, unknown>
}

function leaseObject(): KubeObject | undefined {
  return api.store.get(LEASE_KEY)?.object
}

describe('the control loop lease', () => {
  it('goes to the first process, as a Lease in kube-system with the 15 s duration, and not to a second one', async () => {
    // Given two processes
    const first = candidate()
    const second = candidate()
    // When both try, one after the other
    expect(await first.tryAcquireOrRenew()).toBe(true)
    expect(await second.tryAcquireOrRenew()).toBe(false)
    // Then the first holds it and the second sees it led
    expect(leaseSpec()).toEqual({
      holderIdentity: first.identity,
      leaseDurationSeconds: 15,
      acquireTime: '2026-03-01T10:00:00.000000Z',
      renewTime: '2026-03-01T10:00:00.000000Z',
      leaseTransitions: 0,
    })
    expect(first.isLeading).toBe(true)
    expect(second.isLeading).toBe(false)
    expect(second.otherLeader()).toBe(first.identity)
  })

  it('is renewed by its holder once per retry period, not on every look', async () => {
    const leader = candidate()
    await leader.tryAcquireOrRenew()
    const version = leaseObject()?.metadata.resourceVersion
    vi.setSystemTime(START + 1_000)
    expect(await leader.tryAcquireOrRenew()).toBe(true)
    expect(leaseObject()?.metadata.resourceVersion).toBe(version)
    vi.setSystemTime(START + 2_000)
    expect(await leader.tryAcquireOrRenew()).toBe(true)
    expect(leaseSpec()['renewTime']).toBe('2026-03-01T10:00:02.000000Z')
    expect(leaseSpec()['acquireTime']).toBe('2026-03-01T10:00:00.000000Z')
  })

  it('passes to another process once it expired unrenewed, and the old holder knows it lost it', async () => {
    const first = candidate()
    const second = candidate()
    await first.tryAcquireOrRenew()
    vi.setSystemTime(START + 14_999)
    expect(await second.tryAcquireOrRenew()).toBe(false)
    // past the renew deadline the holder no longer counts itself leader, even before anyone took over
    expect(first.isLeading).toBe(false)
    vi.setSystemTime(START + 15_000)
    expect(await second.tryAcquireOrRenew()).toBe(true)
    expect(leaseSpec()).toMatchObject({holderIdentity: second.identity, leaseTransitions: 1})
    expect(await first.tryAcquireOrRenew()).toBe(false)
  })

  it('is free at once when its holder releases it', async () => {
    const first = candidate()
    const second = candidate()
    await first.tryAcquireOrRenew()
    await first.release()
    expect(leaseSpec()).toEqual({
      leaseDurationSeconds: 1,
      acquireTime: '2026-03-01T10:00:00.000000Z',
      renewTime: '2026-03-01T10:00:00.000000Z',
      leaseTransitions: 0,
    })
    expect(first.isLeading).toBe(false)
    expect(await second.tryAcquireOrRenew()).toBe(true)
    expect(leaseSpec()).toMatchObject({holderIdentity: second.identity, leaseTransitions: 1})
  })

  it('is taken over at once from a holder whose process on this machine is gone (kill -9)', async () => {
    // a process that has exited: its pid names no process now
    const gone = spawnSync(process.execPath, ['-e', '0']).pid
    const dead = candidate(`${hostname()}_${gone}_0b4f6c2e-2c53-4a0e-9a4b-2f1b8e3d6c71`)
    await dead.tryAcquireOrRenew()
    const next = candidate()
    expect(await next.tryAcquireOrRenew()).toBe(true)
  })

  it('keeps a holder elsewhere (another machine) until its lease expires', async () => {
    const remote = candidate('another-machine_1_0b4f6c2e-2c53-4a0e-9a4b-2f1b8e3d6c71')
    await remote.tryAcquireOrRenew()
    expect(await candidate().tryAcquireOrRenew()).toBe(false)
  })

  it('does not expire when the cluster clock is advanced: leases run on real time', async () => {
    const first = candidate()
    await first.tryAcquireOrRenew()
    api.clock.catchUpOffset(addClockOffset(api.store, 24 * 3600_000))
    expect(await candidate().tryAcquireOrRenew()).toBe(false)
    expect(first.isLeading).toBe(true)
  })
})
