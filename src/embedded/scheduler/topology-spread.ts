import type {KubeObject} from '../../backend/object.js'
import {labelSelectorFromSpec, matchesLabels, type LabelSelector} from '../../resources/label-selector.js'
import {matchesRequiredNodeAffinity} from './filters/node-affinity.js'
import {schedulingSpec, type NodeInfo, type Snapshot, type TopologySpreadConstraint} from './types.js'

/** A spread constraint with its selectors read (podtopologyspread.topologySpreadConstraint). */
export interface SpreadConstraint {
  maxSkew: number
  topologyKey: string
  minDomains: number
  /** ANDed; empty means the constraint counts nothing */
  selectors: LabelSelector[]
}

// the cluster-level defaults kube-scheduler applies to pods without constraints (podtopologyspread, v1.32)
const SYSTEM_DEFAULT_CONSTRAINTS: ReadonlyArray<{topologyKey: string; maxSkew: number}> = [
  {topologyKey: 'kubernetes.io/hostname', maxSkew: 3},
  {topologyKey: 'topology.kubernetes.io/zone', maxSkew: 5},
]

/** The pod's own constraints with one whenUnsatisfiable, matchLabelKeys folded into the selector. */
export function podConstraints(pod: KubeObject, action: 'DoNotSchedule' | 'ScheduleAnyway'): SpreadConstraint[] {
  const labels = pod.metadata.labels ?? {}
  return (schedulingSpec(pod).topologySpreadConstraints ?? [])
    .filter((c: TopologySpreadConstraint) => c.whenUnsatisfiable === action)
    .map((c) => {
      const matchLabels: Record<string, string> = {}
      for (const key of c.matchLabelKeys ?? []) if (labels[key] !== undefined) matchLabels[key] = labels[key] ?? ''
      const selectors = [safeSelector(c.labelSelector)]
      if (Object.keys(matchLabels).length > 0) selectors.push(labelSelectorFromSpec({matchLabels}))
      return {maxSkew: c.maxSkew, topologyKey: c.topologyKey, minDomains: c.minDomains ?? 1, selectors}
    })
}

function safeSelector(spec: TopologySpreadConstraint['labelSelector']): LabelSelector {
  try {
    return labelSelectorFromSpec(spec)
  } catch {
    return {requirements: [], matchesNothing: true}
  }
}

/**
 * The selector of the Services selecting the pod and of its controlling ReplicationController, ReplicaSet
 * or StatefulSet (helper.DefaultSelector, v1.32); empty when there is none.
 */
export function defaultSelectors(pod: KubeObject, snapshot: Snapshot): LabelSelector[] {
  const namespace = pod.metadata.namespace ?? ''
  const labels = pod.metadata.labels ?? {}
  const selectors: LabelSelector[] = []
  for (const service of snapshot.services) {
    if (service.namespace !== namespace || Object.keys(service.selector).length === 0) continue
    const selector = labelSelectorFromSpec({matchLabels: service.selector})
    if (matchesLabels(selector, labels)) selectors.push(selector)
  }
  const owner = (pod.metadata.ownerReferences ?? []).find((ref) => ref.controller === true)
  if (owner) {
    const spec = snapshot.controllers.get(`${owner.kind}/${namespace}/${owner.name}`)
    if (spec) selectors.push(safeSelector(spec))
  }
  return selectors.filter((s) => s.requirements.length > 0 || s.matchesNothing)
}

/** The ScheduleAnyway constraints to score with: the pod's own, or the system defaults with the default selector. */
export function scoringConstraints(pod: KubeObject, snapshot: Snapshot): SpreadConstraint[] {
  if ((schedulingSpec(pod).topologySpreadConstraints ?? []).length > 0) return podConstraints(pod, 'ScheduleAnyway')
  const selectors = defaultSelectors(pod, snapshot)
  if (selectors.length === 0) return []
  return SYSTEM_DEFAULT_CONSTRAINTS.map((c) => ({...c, minDomains: 1, selectors}))
}

/** Pods of a node in the namespace that match the selectors, terminating ones left out (countPodsMatchSelector). */
export function countMatchingPods(node: NodeInfo, selectors: readonly LabelSelector[], namespace: string): number {
  if (selectors.length === 0) return 0
  let count = 0
  for (const pod of node.pods) {
    if (pod.metadata.deletionTimestamp !== undefined || pod.metadata.namespace !== namespace) continue
    if (selectors.every((s) => matchesLabels(s, pod.metadata.labels))) count++
  }
  return count
}

/** Whether a node takes part in spreading for this pod (nodeInclusionPolicy: node affinity honoured, taints ignored). */
export function nodeIncluded(pod: KubeObject, node: NodeInfo): boolean {
  return matchesRequiredNodeAffinity(pod, node.name, node.labels)
}

/** Whether a node has every constraint's topology label. */
export function hasAllTopologyKeys(node: NodeInfo, constraints: readonly SpreadConstraint[]): boolean {
  return constraints.every((c) => node.labels[c.topologyKey] !== undefined)
}
