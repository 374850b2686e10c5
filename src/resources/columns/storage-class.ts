import type {KubeObject} from '../../backend/object.js'
import {translateTimestampSince} from './age.js'
import {ageColumn, column, nameColumn, type ColumnSet} from './column-set.js'

interface StorageClassFields extends KubeObject {
  provisioner?: string
  reclaimPolicy?: string | null
  volumeBindingMode?: string | null
  allowVolumeExpansion?: boolean | null
}

// kubectl: pkg/apis/storage/util IsDefaultStorageClassAnnotation and its beta form (v1.32)
const DEFAULT_CLASS_ANNOTATIONS = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
]
// kube-apiserver: the defaults printStorageClass shows for unset fields (v1.32)
const DEFAULT_RECLAIM_POLICY = 'Delete'
const DEFAULT_VOLUME_BINDING_MODE = 'Immediate'

// kubectl: pkg/printers/internalversion/printers.go storageClassColumnDefinitions + printStorageClass (v1.32)
/** NAME PROVISIONER RECLAIMPOLICY VOLUMEBINDINGMODE ALLOWVOLUMEEXPANSION AGE; the default class reads `name (default)`. */
export const storageClassColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Provisioner', 'string', 'The volume plugin that provisions volumes of the class.'),
    column('ReclaimPolicy', 'string', 'The reclaim policy of provisioned volumes.'),
    column('VolumeBindingMode', 'string', 'When volumes are provisioned and bound.'),
    column('AllowVolumeExpansion', 'string', 'Whether volumes of the class can be expanded.'),
    ageColumn(),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const storageClass = object as StorageClassFields
    const annotations = storageClass.metadata.annotations ?? {}
    const isDefault = DEFAULT_CLASS_ANNOTATIONS.some((key) => annotations[key] === 'true')
    const name = storageClass.metadata.name ?? ''
    return [
      isDefault ? `${name} (default)` : name,
      storageClass.provisioner ?? '',
      storageClass.reclaimPolicy ?? DEFAULT_RECLAIM_POLICY,
      storageClass.volumeBindingMode ?? DEFAULT_VOLUME_BINDING_MODE,
      storageClass.allowVolumeExpansion ?? false,
      translateTimestampSince(storageClass.metadata.creationTimestamp, now),
    ]
  },
}
