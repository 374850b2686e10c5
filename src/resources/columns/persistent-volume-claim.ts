import type {KubeObject} from '../../backend/object.js'
import {translateTimestampSince} from './age.js'
import {ageColumn, column, nameColumn, wideColumn, type ColumnSet} from './column-set.js'
import {quantityString} from '../quantity.js'
import {accessModesString, storageClassOf} from './storage-helpers.js'

interface PersistentVolumeClaimFields extends KubeObject {
  spec?: {
    volumeName?: string
    storageClassName?: string | null
    volumeAttributesClassName?: string
    volumeMode?: string
  }
  status?: {phase?: string; accessModes?: string[]; capacity?: Record<string, string>}
}

// kubectl: pkg/printers/internalversion/printers.go persistentVolumeClaimColumnDefinitions + printPersistentVolumeClaim (v1.32)
/** NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS VOLUMEATTRIBUTESCLASS AGE, wide VOLUMEMODE. */
export const persistentVolumeClaimColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Status', 'string', 'The phase of the claim.'),
    column('Volume', 'string', 'The volume bound to the claim.'),
    column('Capacity', 'string', 'The capacity of the bound volume.'),
    column('Access Modes', 'string', 'The access modes of the bound volume.'),
    column('StorageClass', 'string', 'The storage class of the claim.'),
    column('VolumeAttributesClass', 'string', 'The volume attributes class of the claim.'),
    ageColumn(),
    wideColumn('VolumeMode', 'string', 'Whether the claim asks for a filesystem or a raw block device.'),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const claim = object as PersistentVolumeClaimFields
    const spec = claim.spec ?? {}
    // capacity and access modes show only once the claim names its volume
    const bound = (spec.volumeName ?? '') !== ''
    return [
      claim.metadata.name ?? '',
      claim.metadata.deletionTimestamp ? 'Terminating' : (claim.status?.phase ?? ''),
      spec.volumeName ?? '',
      bound ? quantityString(claim.status?.capacity?.['storage']) : '',
      bound ? accessModesString(claim.status?.accessModes) : '',
      storageClassOf(claim.metadata.annotations, spec.storageClassName),
      spec.volumeAttributesClassName ?? '<unset>',
      translateTimestampSince(claim.metadata.creationTimestamp, now),
      spec.volumeMode ?? '<unset>',
    ]
  },
}
