// kubectl: pkg/describe/describe.go StatefulSetDescriber, DaemonSetDescriber (v1.32)
import type {KubeObject} from '../../backend/object.js'
import {eventsFor, type DescribeContext} from './context.js'
import {podStatusForController, writePodsStatus} from './controlled-pods.js'
import {describeEvents} from './events.js'
import {printAnnotationsMultiline, printLabelsMultiline, printLabelsMultilineWithIndent} from './multiline.js'
import {describePodTemplate} from './pod-template.js'
import {LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter} from './prefix-writer.js'
import {quantityString} from '../../resources/quantity.js'
import {formatLabels, labelSelectorSpecString} from '../../resources/label-selector.js'
import {storageClassOf} from '../../resources/columns/storage-helpers.js'
import {goStringList, type PersistentVolumeClaim} from './storage.js'
import {formatRFC1123Z} from './time.js'
import {intOrString, type DaemonSet, type StatefulSet} from './workload-types.js'

function describeVolumeClaimTemplates(templates: PersistentVolumeClaim[] | undefined, w: PrefixWriter): void {
  if (!templates || templates.length === 0) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n')
    return
  }
  w.write(LEVEL_0, 'Volume Claims:\n')
  for (const claim of templates) {
    w.write(LEVEL_1, `Name:\t${claim.metadata.name ?? ''}\n`)
    w.write(LEVEL_1, `StorageClass:\t${storageClassOf(claim.metadata.annotations, claim.spec?.storageClassName)}\n`)
    printLabelsMultilineWithIndent(w, '  ', 'Labels', '\t', claim.metadata.labels)
    printLabelsMultilineWithIndent(w, '  ', 'Annotations', '\t', claim.metadata.annotations)
    const storage = claim.spec?.resources?.requests?.['storage']
    w.write(LEVEL_1, `Capacity:\t${storage === undefined ? '<default>' : quantityString(storage)}\n`)
    w.write(LEVEL_1, `Access Modes:\t${goStringList(claim.spec?.accessModes)}\n`)
  }
}

/** Describes a StatefulSet: replicas, update strategy, pods, template, claim templates and events. */
export async function describeStatefulSet(object: KubeObject, context: DescribeContext): Promise<string> {
  const sts = object as StatefulSet
  const selector = labelSelectorSpecString(sts.spec?.selector) ?? ''
  const counts = await podStatusForController(context, sts, selector)
  const events = await eventsFor(context, sts)
  const spec = sts.spec ?? {}
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sts.metadata.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${sts.metadata.namespace ?? ''}\n`)
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(sts.metadata.creationTimestamp)}\n`)
    w.write(LEVEL_0, `Selector:\t${selector}\n`)
    printLabelsMultiline(w, 'Labels', sts.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', sts.metadata.annotations)
    w.write(LEVEL_0, `Replicas:\t${spec.replicas ?? 1} desired | ${sts.status?.replicas ?? 0} total\n`)
    w.write(LEVEL_0, `Update Strategy:\t${spec.updateStrategy?.type ?? ''}\n`)
    const rollingUpdate = spec.updateStrategy?.rollingUpdate
    if (rollingUpdate?.partition !== undefined && rollingUpdate.partition !== null) {
      w.write(LEVEL_1, `Partition:\t${rollingUpdate.partition}\n`)
      if (rollingUpdate.maxUnavailable !== undefined && rollingUpdate.maxUnavailable !== null) {
        w.write(LEVEL_1, `MaxUnavailable:\t${intOrString(rollingUpdate.maxUnavailable)}\n`)
      }
    }
    writePodsStatus(w, counts)
    describePodTemplate(spec.template, w, context.now)
    describeVolumeClaimTemplates(spec.volumeClaimTemplates, w)
    if (events) describeEvents(events, w, context.now)
  })
}

/** Describes a DaemonSet: scheduling numbers, pods, template and events. */
export async function describeDaemonSet(object: KubeObject, context: DescribeContext): Promise<string> {
  const ds = object as DaemonSet
  const selector = labelSelectorSpecString(ds.spec?.selector) ?? ''
  const counts = await podStatusForController(context, ds, selector)
  const events = await eventsFor(context, ds)
  const status = ds.status ?? {}
  return tabbedString((w) => {
    // kubectl v1.32 prints no Namespace line for DaemonSets
    w.write(LEVEL_0, `Name:\t${ds.metadata.name ?? ''}\n`)
    w.write(LEVEL_0, `Selector:\t${selector}\n`)
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`)
    printLabelsMultiline(w, 'Labels', ds.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', ds.metadata.annotations)
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${status.desiredNumberScheduled ?? 0}\n`)
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${status.currentNumberScheduled ?? 0}\n`)
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${status.updatedNumberScheduled ?? 0}\n`)
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${status.numberAvailable ?? 0}\n`)
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${status.numberMisscheduled ?? 0}\n`)
    writePodsStatus(w, counts)
    describePodTemplate(ds.spec?.template, w, context.now)
    if (events) describeEvents(events, w, context.now)
  })
}
