import {describe, expect, it} from 'vitest'
import {leaseColumns} from '../../../../src/resources/columns/lease.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

describe('lease columns', () => {
  it('prints the holder identity, empty when the lease is free', () => {
    const lease = {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: {name: 'kube-scheduler', namespace: 'kube-system', creationTimestamp: '2024-05-30T12:00:00Z'},
      spec: {
        holderIdentity: 'control-plane_7b0c7d1e-9a0f-4a55-b1d3-2f6e8c9a0b1c',
        leaseDurationSeconds: 15,
        acquireTime: '2024-05-30T12:00:00.000000Z',
        renewTime: '2024-06-01T11:59:58.000000Z',
        leaseTransitions: 0,
      },
    }
    expect(leaseColumns.columns.map((c) => c.name)).toEqual(['Name', 'Holder', 'Age'])
    expect(leaseColumns.cells(lease, NOW)).toEqual([
      'kube-scheduler',
      'control-plane_7b0c7d1e-9a0f-4a55-b1d3-2f6e8c9a0b1c',
      '2d',
    ])
    expect(leaseColumns.cells({...lease, spec: {}}, NOW)[1]).toBe('')
  })
})
