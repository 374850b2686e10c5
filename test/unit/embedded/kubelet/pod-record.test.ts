import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {allocatePodIP, releasePodIP} from '../../../../src/embedded/kubelet/pod-record.js'
import {openTempCluster, type TempCluster} from '../temp-cluster.js'

let cluster: TempCluster
const node: KubeObject = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {name: 'test-worker'},
  spec: {podCIDR: '10.244.1.0/24'},
}

beforeEach(async () => {
  cluster = await openTempCluster()
})

afterEach(async () => {
  await cluster.dispose()
})

describe("a node's pod addresses (host-local IPAM)", () => {
  it('gives a pod that already holds an address the same one again, and never frees it for another pod', () => {
    // Given a pod that holds an address
    const store = cluster.backend.store
    const first = allocatePodIP(store, node, 'uid-a')
    // When a second process allocates for the same pod, then for another one
    const again = allocatePodIP(store, node, 'uid-a')
    const other = allocatePodIP(store, node, 'uid-b')
    // Then the pod keeps its address and the other pod gets a different one
    expect(first).toBe('10.244.1.2')
    expect(again).toBe(first)
    expect(other).toBe('10.244.1.3')
  })

  it('hands a released address to the next pod, and none once the /24 is full', () => {
    const store = cluster.backend.store
    for (let i = 0; i < 253; i++) expect(allocatePodIP(store, node, `uid-${i}`)).toBe(`10.244.1.${i + 2}`)
    expect(allocatePodIP(store, node, 'uid-late')).toBeUndefined()
    releasePodIP(store, 'test-worker', 'uid-7')
    expect(allocatePodIP(store, node, 'uid-late')).toBe('10.244.1.9')
  })
})
