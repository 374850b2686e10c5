// kubectl: pkg/describe/describe.go PodDescriber (v1.32)
import type {KubeObject} from '../../backend/object.js'
import {describeContainers, describeResources, envValueRetriever} from './containers.js'
import {controllerOf, eventsFor, type DescribeContext} from './context.js'
import {describeEvents, eventTargetOf} from './events.js'
import {printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline} from './multiline.js'
import {describeTopologySpreadConstraints} from './pod-template.js'
import type {Pod} from './pod-types.js'
import {LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter} from './prefix-writer.js'
import {describedQOSClass} from './qos.js'
import {translateTimestampSince} from '../../resources/columns/age.js'
import {formatRFC1123Z} from './time.js'
import {describeVolumes} from './volumes.js'

// core/v1 MirrorPodAnnotationKey: a static pod's mirror carries the uid its events are about
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror'

/** Describes a pod, with the events about it. */
export async function describePod(object: KubeObject, context: DescribeContext): Promise<string> {
  const pod = object as Pod
  // kubectl drops the kind from a pod's event reference, and uses the mirror uid for static pods
  const target = eventTargetOf(pod, context.info.kind)
  delete target.kind
  const mirrorUID = pod.metadata.annotations?.[MIRROR_POD_ANNOTATION]
  if (mirrorUID !== undefined) target.uid = mirrorUID
  const events = await eventsFor(context, pod, target)
  return tabbedString((w) => {
    writePod(pod, w, context.now)
    if (events) describeEvents(events, w, context.now)
  })
}

function writePod(pod: Pod, w: PrefixWriter, now: number): void {
  const spec = pod.spec ?? {}
  const status = pod.status ?? {}
  w.write(LEVEL_0, `Name:\t${pod.metadata.name ?? ''}\n`)
  w.write(LEVEL_0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`)
  if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`)
  if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`)
  if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`)
  if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`)
  w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n')
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${formatRFC1123Z(status.startTime)}\n`)
  printLabelsMultiline(w, 'Labels', pod.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', pod.metadata.annotations)
  const deleted = pod.metadata.deletionTimestamp
  if (deleted && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${translateTimestampSince(deleted, now)})\n`)
    w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`)
  } else {
    w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`)
  }
  if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`)
  if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`)
  const seccomp = spec.securityContext?.seccompProfile
  if (seccomp) {
    w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type ?? ''}\n`)
    if (seccomp.type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`)
  }
  w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`)
  describePodIPs(pod, w)
  const controlledBy = controllerOf(pod)
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`)
  if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`)
  if (spec.resources) {
    w.write(LEVEL_0, 'Resources:\n')
    describeResources(spec.resources, w, LEVEL_1)
  }
  const resolver = envValueRetriever(pod)
  if ((spec.initContainers ?? []).length > 0) {
    describeContainers('Init Containers', spec.initContainers, status.initContainerStatuses, resolver, w, '')
  }
  describeContainers('Containers', spec.containers, status.containerStatuses, resolver, w, '')
  if ((spec.ephemeralContainers ?? []).length > 0) {
    describeContainers(
      'Ephemeral Containers',
      spec.ephemeralContainers,
      status.ephemeralContainerStatuses,
      resolver,
      w,
      '',
    )
  }
  describeReadinessGates(pod, w)
  const conditions = status.conditions ?? []
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n')
    for (const c of conditions) w.write(LEVEL_1, `${c.type ?? ''} \t${c.status ?? ''} \n`)
  }
  describeVolumes(spec.volumes, w, '', now)
  w.write(LEVEL_0, `QoS Class:\t${describedQOSClass(pod)}\n`)
  printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector)
  printTolerationsMultiline(w, 'Tolerations', spec.tolerations)
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '')
}

function describePodIPs(pod: Pod, w: PrefixWriter): void {
  const ips = pod.status?.podIPs ?? []
  if (ips.length === 0) {
    w.write(LEVEL_0, 'IPs:\t<none>\n')
    return
  }
  w.write(LEVEL_0, 'IPs:\n')
  for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip ?? ''}\n`)
}

function describeReadinessGates(pod: Pod, w: PrefixWriter): void {
  const gates = pod.spec?.readinessGates ?? []
  if (gates.length === 0) return
  w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n')
  for (const gate of gates) {
    const condition = pod.status?.conditions?.find((c) => c.type === gate.conditionType)
    w.write(LEVEL_1, `${gate.conditionType ?? ''} \t${condition ? (condition.status ?? '') : '<none>'} \n`)
  }
}
