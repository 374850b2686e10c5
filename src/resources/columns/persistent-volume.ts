import type {KubeObject} from '../../backend/object.js'
import {translateTimestampSince} from './age.js'
import {ageColumn, column, nameColumn, wideColumn, type ColumnSet} from './column-set.js'
import {quantityString} from '../quantity.js'
import {accessModesString, storageClassOf} from './storage-helpers.js'

interface PersistentVolumeFields extends KubeObject {
  spec?: {
    capacity?: Record<string, string>
    accessModes?: string[]
    persistentVolumeReclaimPolicy?: string
    claimRef?: {namespace?: string; name?: string}
    storageClassName?: string
    volumeAttributesClassName?: string
    volumeMode?: string
  }
  status?: {phase?: string; reason?: string}
}

// kubectl: pkg/printers/internalversion/printers.go persistentVolumeColumnDefinitions + printPersistentVolume (v1.32)
/** NAME CAPACITY ACCESS MODES RECLAIM POLICY STATUS CLAIM STORAGECLASS VOLUMEATTRIBUTESCLASS REASON AGE, wide VOLUMEMODE. */
export const persistentVolumeColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Capacity', 'string', 'The storage capacity of the volume.'),
    column('Access Modes', 'string', 'The ways the volume can be mounted.'),
    column('Reclaim Policy', 'string', 'What happens to the volume when its claim is released.'),
    column('Status', 'string', 'The phase of the volume.'),
    column('Claim', 'string', 'The claim bound to the volume, as namespace/name.'),
    column('StorageClass', 'string', 'The storage class of the volume.'),
    column('VolumeAttributesClass', 'string', 'The volume attributes class of the volume.'),
    column('Reason', 'string', 'Why the volume is in its phase.'),
    ageColumn(),
    wideColumn('VolumeMode', 'string', 'Whether the volume is a filesystem or a raw block device.'),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const volume = object as PersistentVolumeFields
    const spec = volume.spec ?? {}
    const claim = spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : ''
    return [
      volume.metadata.name ?? '',
      quantityString(spec.capacity?.['storage']),
      accessModesString(spec.accessModes),
      spec.persistentVolumeReclaimPolicy ?? '',
      volume.metadata.deletionTimestamp ? 'Terminating' : (volume.status?.phase ?? ''),
      claim,
      storageClassOf(volume.metadata.annotations, spec.storageClassName),
      spec.volumeAttributesClassName ?? '<unset>',
      volume.status?.reason ?? '',
      translateTimestampSince(volume.metadata.creationTimestamp, now),
      spec.volumeMode ?? '<unset>',
    ]
  },
}
