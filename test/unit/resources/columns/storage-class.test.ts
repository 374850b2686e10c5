import {describe, expect, it} from 'vitest'
import {storageClassColumns} from '../../../../src/resources/columns/storage-class.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

describe('storage class columns', () => {
  it('marks the default class and prints its policies', () => {
    const standard = {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: {
        name: 'standard',
        creationTimestamp: '2024-05-01T12:00:00Z',
        annotations: {'storageclass.kubernetes.io/is-default-class': 'true'},
      },
      provisioner: 'rancher.io/local-path',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
    }
    expect(storageClassColumns.columns.map((c) => c.name)).toEqual([
      'Name',
      'Provisioner',
      'ReclaimPolicy',
      'VolumeBindingMode',
      'AllowVolumeExpansion',
      'Age',
    ])
    expect(storageClassColumns.cells(standard, NOW)).toEqual([
      'standard (default)',
      'rancher.io/local-path',
      'Delete',
      'WaitForFirstConsumer',
      false,
      '31d',
    ])
  })

  it('fills unset policies with their defaults and honours the beta default annotation', () => {
    const fast = {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: {
        name: 'fast',
        creationTimestamp: '2024-06-01T11:00:00Z',
        annotations: {'storageclass.beta.kubernetes.io/is-default-class': 'true'},
      },
      provisioner: 'pd.csi.storage.gke.io',
      allowVolumeExpansion: true,
    }
    expect(storageClassColumns.cells(fast, NOW)).toEqual([
      'fast (default)',
      'pd.csi.storage.gke.io',
      'Delete',
      'Immediate',
      true,
      '60m',
    ])
  })
})
