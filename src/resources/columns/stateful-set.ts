import type {KubeObject} from '../../backend/object.js'
import {translateTimestampSince} from './age.js'
import {ageColumn, column, containerColumns, nameColumn, type ColumnSet} from './column-set.js'
import {layoutContainerCells, type PodTemplateFields} from './containers.js'
import {desiredReplicas} from './replicas.js'

interface StatefulSetFields extends KubeObject {
  spec?: {replicas?: number; template?: PodTemplateFields}
  status?: {readyReplicas?: number}
}

// kubectl: pkg/printers/internalversion/printers.go statefulSetColumnDefinitions + printStatefulSet (v1.32)
/** NAME READY AGE, wide CONTAINERS IMAGES. */
export const statefulSetColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Ready', 'string', 'Ready pods out of the desired replicas.'),
    ageColumn(),
    ...containerColumns(),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const statefulSet = object as StatefulSetFields
    const [names, images] = layoutContainerCells(statefulSet.spec?.template?.spec?.containers)
    return [
      statefulSet.metadata.name ?? '',
      `${statefulSet.status?.readyReplicas ?? 0}/${desiredReplicas(statefulSet.spec)}`,
      translateTimestampSince(statefulSet.metadata.creationTimestamp, now),
      names,
      images,
    ]
  },
}
