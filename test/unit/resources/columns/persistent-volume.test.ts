import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {persistentVolumeColumns} from '../../../../src/resources/columns/persistent-volume.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

function volume(spec: Record<string, unknown>, status: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {name: 'pv-data', creationTimestamp: '2024-06-01T10:00:00Z', finalizers: ['kubernetes.io/pv-protection']},
    spec: {
      capacity: {storage: '10Gi'},
      hostPath: {path: '/mnt/data', type: ''},
      accessModes: ['ReadWriteMany', 'ReadWriteOnce'],
      persistentVolumeReclaimPolicy: 'Retain',
      storageClassName: 'manual',
      volumeMode: 'Filesystem',
      ...spec,
    },
    status,
  }
}

describe('persistent volume columns', () => {
  it('names the columns as kube-apiserver does', () => {
    expect(persistentVolumeColumns.columns.map((c) => [c.name, c.priority])).toEqual([
      ['Name', 0],
      ['Capacity', 0],
      ['Access Modes', 0],
      ['Reclaim Policy', 0],
      ['Status', 0],
      ['Claim', 0],
      ['StorageClass', 0],
      ['VolumeAttributesClass', 0],
      ['Reason', 0],
      ['Age', 0],
      ['VolumeMode', 1],
    ])
  })

  it('prints a bound volume with its claim and access modes in kubectl order', () => {
    const bound = volume(
      {claimRef: {kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data', uid: 'c1'}},
      {phase: 'Bound', lastPhaseTransitionTime: '2024-06-01T10:00:05Z'},
    )
    expect(persistentVolumeColumns.cells(bound, NOW)).toEqual([
      'pv-data',
      '10Gi',
      'RWO,RWX',
      'Retain',
      'Bound',
      'default/data',
      'manual',
      '<unset>',
      '',
      '120m',
      'Filesystem',
    ])
  })

  it('prints a failed volume with its reason, and Terminating once deleted', () => {
    const failed = volume({}, {phase: 'Failed', reason: 'VolumeFailedDelete'})
    expect(persistentVolumeColumns.cells(failed, NOW).slice(4, 9)).toEqual([
      'Failed',
      '',
      'manual',
      '<unset>',
      'VolumeFailedDelete',
    ])
    const deleting = volume({}, {phase: 'Available'})
    deleting.metadata.deletionTimestamp = '2024-06-01T11:59:00Z'
    expect(persistentVolumeColumns.cells(deleting, NOW)[4]).toBe('Terminating')
  })

  it('prefers the beta storage class annotation', () => {
    const annotated = volume({volumeMode: undefined}, {phase: 'Available'})
    annotated.metadata.annotations = {'volume.beta.kubernetes.io/storage-class': 'slow'}
    const cells = persistentVolumeColumns.cells(annotated, NOW)
    expect([cells[6], cells[10]]).toEqual(['slow', '<unset>'])
  })
})
