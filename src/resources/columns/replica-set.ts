import type {KubeObject} from '../../backend/object.js'
import {translateTimestampSince} from './age.js'
import {ageColumn, column, containerColumns, nameColumn, wideColumn, type ColumnSet} from './column-set.js'
import {layoutContainerCells, type PodTemplateFields} from './containers.js'
import {formatLabelSelector, type LabelSelectorSpec} from '../label-selector.js'
import {desiredReplicas} from './replicas.js'

interface ReplicaSetFields extends KubeObject {
  spec?: {replicas?: number; selector?: LabelSelectorSpec; template?: PodTemplateFields}
  status?: {replicas?: number; readyReplicas?: number}
}

// kubectl: pkg/printers/internalversion/printers.go replicaSetColumnDefinitions + printReplicaSet (v1.32)
/** NAME DESIRED CURRENT READY AGE, wide CONTAINERS IMAGES SELECTOR. */
export const replicaSetColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Desired', 'integer', 'The number of pods wanted.'),
    column('Current', 'integer', 'The number of pods that exist.'),
    column('Ready', 'integer', 'The number of ready pods.'),
    ageColumn(),
    ...containerColumns(),
    wideColumn('Selector', 'string', 'The label selector of the pods.'),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const replicaSet = object as ReplicaSetFields
    const [names, images] = layoutContainerCells(replicaSet.spec?.template?.spec?.containers)
    return [
      replicaSet.metadata.name ?? '',
      desiredReplicas(replicaSet.spec),
      replicaSet.status?.replicas ?? 0,
      replicaSet.status?.readyReplicas ?? 0,
      translateTimestampSince(replicaSet.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(replicaSet.spec?.selector),
    ]
  },
}
