// kubectl: pkg/describe/describe.go PodDisruptionBudgetDescriber, PriorityClassDescriber,
// RoleBindingDescriber, ClusterRoleBindingDescriber (v1.32)
import type {KubeObject} from '../../backend/object.js'
import {eventsFor, type DescribeContext} from './context.js'
import {describeEvents} from './events.js'
import {printAnnotationsMultiline, printLabelsMultiline} from './multiline.js'
import type {IntOrString} from './pod-types.js'
import {LEVEL_0, LEVEL_1, LEVEL_2, tabbedString} from './prefix-writer.js'
import {formatLabels, formatLabelSelector, type LabelSelectorSpec} from '../../resources/label-selector.js'

interface PodDisruptionBudget extends KubeObject {
  spec?: {minAvailable?: IntOrString; maxUnavailable?: IntOrString; selector?: LabelSelectorSpec}
  status?: {disruptionsAllowed?: number; currentHealthy?: number; desiredHealthy?: number; expectedPods?: number}
}

/** Describes a PodDisruptionBudget. */
export async function describePodDisruptionBudget(object: KubeObject, context: DescribeContext): Promise<string> {
  const pdb = object as PodDisruptionBudget
  const events = await eventsFor(context, pdb)
  const spec = pdb.spec ?? {}
  const status = pdb.status ?? {}
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pdb.metadata.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${pdb.metadata.namespace ?? ''}\n`)
    if (spec.minAvailable !== undefined && spec.minAvailable !== null) {
      w.write(LEVEL_0, `Min available:\t${String(spec.minAvailable)}\n`)
    } else if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) {
      w.write(LEVEL_0, `Max unavailable:\t${String(spec.maxUnavailable)}\n`)
    }
    w.write(LEVEL_0, `Selector:\t${spec.selector ? formatLabelSelector(spec.selector) : '<unset>'}\n`)
    w.write(LEVEL_0, 'Status:\n')
    w.write(LEVEL_2, `Allowed disruptions:\t${status.disruptionsAllowed ?? 0}\n`)
    w.write(LEVEL_2, `Current:\t${status.currentHealthy ?? 0}\n`)
    w.write(LEVEL_2, `Desired:\t${status.desiredHealthy ?? 0}\n`)
    w.write(LEVEL_2, `Total:\t${status.expectedPods ?? 0}\n`)
    if (events) describeEvents(events, w, context.now)
  })
}

interface PriorityClass extends KubeObject {
  value?: number
  globalDefault?: boolean
  preemptionPolicy?: string
  description?: string
}

/** Describes a PriorityClass. */
export async function describePriorityClass(object: KubeObject, context: DescribeContext): Promise<string> {
  const pc = object as PriorityClass
  const events = await eventsFor(context, pc)
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pc.metadata.name ?? ''}\n`)
    w.write(LEVEL_0, `Value:\t${pc.value ?? 0}\n`)
    w.write(LEVEL_0, `GlobalDefault:\t${pc.globalDefault === true}\n`)
    w.write(LEVEL_0, `PreemptionPolicy:\t${pc.preemptionPolicy ?? ''}\n`)
    w.write(LEVEL_0, `Description:\t${pc.description ?? ''}\n`)
    w.write(LEVEL_0, `Annotations:\t${formatLabels(pc.metadata.annotations)}\n`)
    if (events) describeEvents(events, w, context.now)
  })
}

interface RoleBinding extends KubeObject {
  roleRef?: {kind?: string; name?: string}
  subjects?: {kind?: string; name?: string; namespace?: string}[]
}

/** Describes a RoleBinding or ClusterRoleBinding: the role and the subjects it binds. */
export async function describeRoleBinding(object: KubeObject): Promise<string> {
  const binding = object as RoleBinding
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${binding.metadata.name ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', binding.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', binding.metadata.annotations)
    w.write(LEVEL_0, 'Role:\n')
    w.write(LEVEL_1, `Kind:\t${binding.roleRef?.kind ?? ''}\n`)
    w.write(LEVEL_1, `Name:\t${binding.roleRef?.name ?? ''}\n`)
    w.write(LEVEL_0, 'Subjects:\n')
    w.write(LEVEL_1, 'Kind\tName\tNamespace\n')
    w.write(LEVEL_1, '----\t----\t---------\n')
    for (const s of binding.subjects ?? []) w.write(LEVEL_1, `${s.kind ?? ''}\t${s.name ?? ''}\t${s.namespace ?? ''}\n`)
  })
}
