import type {KubeObject} from '../../backend/object.js'
import {translateTimestampSince} from './age.js'
import {ageColumn, column, containerColumns, nameColumn, wideColumn, type ColumnSet} from './column-set.js'
import {layoutContainerCells, type PodTemplateFields} from './containers.js'
import {formatLabelSelector, formatLabels, type LabelSelectorSpec} from '../label-selector.js'

interface DaemonSetFields extends KubeObject {
  spec?: {selector?: LabelSelectorSpec; template?: PodTemplateFields}
  status?: {
    desiredNumberScheduled?: number
    currentNumberScheduled?: number
    numberReady?: number
    updatedNumberScheduled?: number
    numberAvailable?: number
  }
}

// kubectl: pkg/printers/internalversion/printers.go daemonSetColumnDefinitions + printDaemonSet (v1.32)
/** NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE, wide CONTAINERS IMAGES SELECTOR. */
export const daemonSetColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Desired', 'integer', 'Nodes that should run the daemon pod.'),
    column('Current', 'integer', 'Nodes that run at least one daemon pod.'),
    column('Ready', 'integer', 'Nodes whose daemon pod is ready.'),
    column('Up-to-date', 'integer', 'Nodes that run the latest pod template.'),
    column('Available', 'integer', 'Nodes whose daemon pod is available.'),
    column('Node Selector', 'string', 'The node selector of the pod template.'),
    ageColumn(),
    ...containerColumns(),
    wideColumn('Selector', 'string', 'The label selector of the pods.'),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const daemonSet = object as DaemonSetFields
    const status = daemonSet.status ?? {}
    const podSpec = daemonSet.spec?.template?.spec
    const [names, images] = layoutContainerCells(podSpec?.containers)
    return [
      daemonSet.metadata.name ?? '',
      status.desiredNumberScheduled ?? 0,
      status.currentNumberScheduled ?? 0,
      status.numberReady ?? 0,
      status.updatedNumberScheduled ?? 0,
      status.numberAvailable ?? 0,
      formatLabels(podSpec?.nodeSelector),
      translateTimestampSince(daemonSet.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(daemonSet.spec?.selector),
    ]
  },
}
