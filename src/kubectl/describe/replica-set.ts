// kubectl: pkg/describe/describe.go ReplicaSetDescriber, ReplicationControllerDescriber (v1.32)
import type {KubeObject} from '../../backend/object.js'
import {isStatusError} from '../../backend/status.js'
import {controllerOf, eventsFor, type DescribeContext} from './context.js'
import {podStatusForController, writePodsStatus, type PodPhaseCounts} from './controlled-pods.js'
import {writeConditions} from './deployment.js'
import {describeEvents} from './events.js'
import {printAnnotationsMultiline, printLabelsMultiline} from './multiline.js'
import {describePodTemplate} from './pod-template.js'
import type {PodTemplateSpec} from './pod-types.js'
import {LEVEL_0, tabbedString} from './prefix-writer.js'
import {formatLabels, formatLabelSelector, labelSelectorSpecString} from '../../resources/label-selector.js'
import type {ReplicaSet} from './workload-types.js'

/** Describes a ReplicaSet: replicas, how its pods are doing, its template and events. */
export async function describeReplicaSet(object: KubeObject, context: DescribeContext): Promise<string> {
  const rs = object as ReplicaSet
  let counts: PodPhaseCounts | undefined
  let podError = ''
  try {
    counts = await podStatusForController(context, rs, labelSelectorSpecString(rs.spec?.selector) ?? '')
  } catch (error) {
    // kubectl prints the error in place of the pod counts
    if (!isStatusError(error)) throw error
    podError = error.message
  }
  const events = await eventsFor(context, rs)
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`)
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`)
    printLabelsMultiline(w, 'Labels', rs.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations)
    const controlledBy = controllerOf(rs)
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`)
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`)
    w.write(LEVEL_0, 'Pods Status:\t')
    if (counts) {
      w.write(
        LEVEL_0,
        `${counts.running} Running / ${counts.waiting} Waiting / ${counts.succeeded} Succeeded / ${counts.failed} Failed\n`,
      )
    } else {
      w.write(LEVEL_0, `error in fetching pods: ${podError}\n`)
    }
    describePodTemplate(rs.spec?.template, w, context.now)
    writeConditions(w, rs.status?.conditions)
    if (events) describeEvents(events, w, context.now)
  })
}

/** The core/v1 ReplicationController fields describe reads. */
interface ReplicationController extends KubeObject {
  spec?: {replicas?: number; selector?: Record<string, string>; template?: PodTemplateSpec}
  status?: ReplicaSet['status']
}

/** Describes a ReplicationController like a ReplicaSet with a map selector. */
export async function describeReplicationController(object: KubeObject, context: DescribeContext): Promise<string> {
  const rc = object as ReplicationController
  const selector = formatLabels(rc.spec?.selector)
  const counts = await podStatusForController(context, rc, selector === '<none>' ? '' : selector)
  const events = await eventsFor(context, rc)
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rc.metadata.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${rc.metadata.namespace ?? ''}\n`)
    w.write(LEVEL_0, `Selector:\t${selector}\n`)
    printLabelsMultiline(w, 'Labels', rc.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', rc.metadata.annotations)
    w.write(LEVEL_0, `Replicas:\t${rc.status?.replicas ?? 0} current / ${rc.spec?.replicas ?? 1} desired\n`)
    writePodsStatus(w, counts)
    describePodTemplate(rc.spec?.template, w, context.now)
    writeConditions(w, rc.status?.conditions)
    if (events) describeEvents(events, w, context.now)
  })
}
