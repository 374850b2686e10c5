import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {persistentVolumeClaimColumns} from '../../../../src/resources/columns/persistent-volume-claim.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

function claim(spec: Record<string, unknown>, status: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {name: 'data', namespace: 'default', creationTimestamp: '2024-06-01T11:00:00Z'},
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: {requests: {storage: '5Gi'}},
      storageClassName: 'standard',
      volumeMode: 'Filesystem',
      ...spec,
    },
    status,
  }
}

describe('persistent volume claim columns', () => {
  it('names the columns as kube-apiserver does', () => {
    expect(persistentVolumeClaimColumns.columns.map((c) => c.name)).toEqual([
      'Name',
      'Status',
      'Volume',
      'Capacity',
      'Access Modes',
      'StorageClass',
      'VolumeAttributesClass',
      'Age',
      'VolumeMode',
    ])
  })

  it('prints a bound claim with the capacity of its volume', () => {
    const bound = claim(
      {volumeName: 'pvc-0b4f0c9e-1d6f-4f7e-9d3c-5e0a1b2c3d4e'},
      {phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: {storage: '8Gi'}},
    )
    expect(persistentVolumeClaimColumns.cells(bound, NOW)).toEqual([
      'data',
      'Bound',
      'pvc-0b4f0c9e-1d6f-4f7e-9d3c-5e0a1b2c3d4e',
      '8Gi',
      'RWO',
      'standard',
      '<unset>',
      '60m',
      'Filesystem',
    ])
  })

  it('leaves capacity and access modes empty while pending', () => {
    expect(persistentVolumeClaimColumns.cells(claim({}, {phase: 'Pending'}), NOW).slice(1, 6)).toEqual([
      'Pending',
      '',
      '',
      '',
      'standard',
    ])
  })

  it('prints an empty storage class when none is set, and Terminating once deleted', () => {
    const classless = claim({storageClassName: undefined}, {phase: 'Pending'})
    classless.metadata.deletionTimestamp = '2024-06-01T11:59:00Z'
    const cells = persistentVolumeClaimColumns.cells(classless, NOW)
    expect([cells[1], cells[5]]).toEqual(['Terminating', ''])
  })
})
