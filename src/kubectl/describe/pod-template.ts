// The Pod Template section of workloads (kubectl: describe.go DescribePodTemplate (v1.32)).
import {describeContainers} from './containers.js'
import {printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline} from './multiline.js'
import type {PodTemplateSpec, TopologySpreadConstraint} from './pod-types.js'
import {LEVEL_0, LEVEL_1, type PrefixWriter} from './prefix-writer.js'
import {formatLabelSelector} from '../../resources/label-selector.js'
import {describeVolumes} from './volumes.js'
import {compareGoStrings} from '../../resources/go-format.js'

/** `Topology Spread Constraints:  zone:DoNotSchedule when max skew 1 is exceeded`, sorted by key. */
export function describeTopologySpreadConstraints(
  constraints: TopologySpreadConstraint[] | undefined,
  w: PrefixWriter,
  space: string,
): void {
  if (!constraints || constraints.length === 0) return
  const sorted = [...constraints].sort((a, b) => compareGoStrings(a.topologyKey ?? '', b.topologyKey ?? ''))
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`)
  sorted.forEach((constraint, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, space)
      w.write(LEVEL_0, '\t')
    }
    w.write(LEVEL_0, `${constraint.topologyKey ?? ''}:`)
    w.write(LEVEL_0, constraint.whenUnsatisfiable ?? '')
    w.write(LEVEL_0, ` when max skew ${constraint.maxSkew ?? 0} is exceeded`)
    if (constraint.labelSelector) w.write(LEVEL_0, ` for selector ${formatLabelSelector(constraint.labelSelector)}`)
    w.write(LEVEL_0, '\n')
  })
}

/** The `Pod Template:` block of a Deployment, ReplicaSet, StatefulSet, DaemonSet, Job or CronJob. */
export function describePodTemplate(template: PodTemplateSpec | undefined, w: PrefixWriter, now: number): void {
  w.write(LEVEL_0, 'Pod Template:\n')
  if (!template) {
    // kubectl writes no newline here
    w.write(LEVEL_1, '<unset>')
    return
  }
  const metadata = template.metadata ?? {}
  const spec = template.spec ?? {}
  printLabelsMultiline(w, '  Labels', metadata.labels)
  if (Object.keys(metadata.annotations ?? {}).length > 0) {
    printAnnotationsMultiline(w, '  Annotations', metadata.annotations)
  }
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`)
  if ((spec.initContainers ?? []).length > 0) {
    describeContainers('Init Containers', spec.initContainers, undefined, undefined, w, '  ')
  }
  describeContainers('Containers', spec.containers, undefined, undefined, w, '  ')
  describeVolumes(spec.volumes, w, '  ', now)
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '  ')
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`)
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector)
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations)
}
