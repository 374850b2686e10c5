import type {KubeObject} from '../../backend/object.js'
import {translateTimestampSince} from './age.js'
import {ageColumn, column, containerColumns, nameColumn, wideColumn, type ColumnSet} from './column-set.js'
import {layoutContainerCells, type PodTemplateFields} from './containers.js'
import {formatLabels} from '../label-selector.js'
import {desiredReplicas} from './replicas.js'

interface ReplicationControllerFields extends KubeObject {
  spec?: {replicas?: number; selector?: Record<string, string>; template?: PodTemplateFields | null}
  status?: {replicas?: number; readyReplicas?: number}
}

// kubectl: pkg/printers/internalversion/printers.go replicationControllerColumnDefinitions + printReplicationController (v1.32)
/** NAME DESIRED CURRENT READY AGE, wide CONTAINERS IMAGES SELECTOR. */
export const replicationControllerColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Desired', 'integer', 'The number of pods wanted.'),
    column('Current', 'integer', 'The number of pods that exist.'),
    column('Ready', 'integer', 'The number of ready pods.'),
    ageColumn(),
    ...containerColumns(),
    wideColumn('Selector', 'string', 'The labels of the pods.'),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const controller = object as ReplicationControllerFields
    const [names, images] = layoutContainerCells(controller.spec?.template?.spec?.containers)
    return [
      controller.metadata.name ?? '',
      desiredReplicas(controller.spec),
      controller.status?.replicas ?? 0,
      controller.status?.readyReplicas ?? 0,
      translateTimestampSince(controller.metadata.creationTimestamp, now),
      names,
      images,
      formatLabels(controller.spec?.selector),
    ]
  },
}
