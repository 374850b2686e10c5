import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import type {EmbeddedBackend} from '../../../src/embedded/embedded-backend.js'
import {LEASE_KEY} from '../../../src/embedded/leader/lease.js'
import {openEmbeddedCluster} from '../../../src/embedded/open-cluster.js'
import {deployment, podsRef} from './controllers/workload-fixtures.js'
import {openTempCluster, type TempCluster} from './temp-cluster.js'

let cluster: TempCluster
// a second process on the same cluster: its own store connection, clock and control loop
let other: EmbeddedBackend

beforeEach(async () => {
  cluster = await openTempCluster()
  other = await openEmbeddedCluster('test', {SKIFF_HOME: cluster.home})
})

afterEach(async () => {
  await other.close()
  await cluster.dispose()
})

function holder(): unknown {
  return (cluster.backend.store.get(LEASE_KEY)?.object['spec'] as {holderIdentity?: string} | undefined)?.holderIdentity
}

describe('one control loop per cluster', () => {
  it('leaves the reconciling of its writes to the process that leads, and reads without waiting for it', async () => {
    // Given a leading process (as serve, or get -w)
    const leader = cluster.backend
    await leader.settle({lead: true})
    expect(holder()).toBe(leader.controlLoop?.lease.identity)
    // When another process writes a Deployment and reads
    await other.create(deployment('web', 3))
    const seen = await other.list(podsRef)
    // Then it has not reconciled it itself
    expect(seen.items).toHaveLength(0)
    expect(holder()).toBe(leader.controlLoop?.lease.identity)
    // and the leader does, on its next look
    await leader.settle({lead: true})
    expect((await other.list(podsRef)).items).toHaveLength(3)
  })

  it('takes the lease and catches up itself when no one leads', async () => {
    await other.create(deployment('web', 2))
    expect((await other.list(podsRef)).items).toHaveLength(2)
    expect(holder()).toBe(other.controlLoop?.lease.identity)
  })

  it('takes over when the leader releases the lease on close', async () => {
    const leader = cluster.backend
    await leader.settle({lead: true})
    await other.create(deployment('web', 2))
    expect((await other.list(podsRef)).items).toHaveLength(0)
    await leader.controlLoop?.close()
    expect((await other.list(podsRef)).items).toHaveLength(2)
  })

  it('does not count its own lease renewals and releases as work for the next process', async () => {
    const leader = cluster.backend
    await leader.settle({lead: true})
    await leader.controlLoop?.close()
    const version = cluster.backend.store.get(LEASE_KEY)?.object.metadata.resourceVersion
    // a read after a release finds nothing to do, so it neither takes nor writes the lease
    await other.list(podsRef)
    expect(cluster.backend.store.get(LEASE_KEY)?.object.metadata.resourceVersion).toBe(version)
    expect(holder()).toBeUndefined()
  })
})
