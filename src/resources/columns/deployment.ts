import type {KubeObject} from '../../backend/object.js'
import {translateTimestampSince} from './age.js'
import {ageColumn, column, containerColumns, nameColumn, wideColumn, type ColumnSet} from './column-set.js'
import {layoutContainerCells, type PodTemplateFields} from './containers.js'
import {labelSelectorSpecString, type LabelSelectorSpec} from '../label-selector.js'
import {desiredReplicas} from './replicas.js'

interface DeploymentFields extends KubeObject {
  spec?: {replicas?: number; selector?: LabelSelectorSpec; template?: PodTemplateFields}
  status?: {readyReplicas?: number; updatedReplicas?: number; availableReplicas?: number}
}

// kubectl: pkg/printers/internalversion/printers.go deploymentColumnDefinitions + printDeployment (v1.32)
/** NAME READY UP-TO-DATE AVAILABLE AGE, wide CONTAINERS IMAGES SELECTOR. */
export const deploymentColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Ready', 'string', 'Ready pods out of the desired replicas.'),
    column('Up-to-date', 'string', 'Pods that run the latest pod template.'),
    column('Available', 'string', 'Pods that have been ready for at least minReadySeconds.'),
    ageColumn(),
    ...containerColumns(),
    wideColumn('Selector', 'string', 'The label selector of the pods.'),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const deployment = object as DeploymentFields
    const status = deployment.status ?? {}
    const [names, images] = layoutContainerCells(deployment.spec?.template?.spec?.containers)
    return [
      deployment.metadata.name ?? '',
      `${status.readyReplicas ?? 0}/${desiredReplicas(deployment.spec)}`,
      status.updatedReplicas ?? 0,
      status.availableReplicas ?? 0,
      translateTimestampSince(deployment.metadata.creationTimestamp, now),
      names,
      images,
      // printDeployment prints the selector itself: '' when it selects everything, never <none>
      labelSelectorSpecString(deployment.spec?.selector) ?? '<invalid>',
    ]
  },
}
