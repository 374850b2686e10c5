import type {KubeObject} from '../../../backend/object.js'
import {matchesLabels} from '../../../resources/label-selector.js'
import {
  countMatchingPods,
  hasAllTopologyKeys,
  nodeIncluded,
  podConstraints,
  type SpreadConstraint,
} from '../topology-spread.js'
import {failure, type FilterFailure, type NodeInfo, type Snapshot} from '../types.js'

// podtopologyspread error reasons (pkg/scheduler/framework/plugins/podtopologyspread/filtering.go, v1.32)
export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints"
export const ERR_REASON_NODE_LABEL_NOT_MATCH = `${ERR_REASON_CONSTRAINTS_NOT_MATCH} (missing required label)`

/** Matching pods per topology value of a constraint, over the nodes that take part (PreFilter's TpPairToMatchNum). */
function domainCounts(
  pod: KubeObject,
  constraint: SpreadConstraint,
  all: readonly SpreadConstraint[],
  snapshot: Snapshot,
): Map<string, number> {
  const counts = new Map<string, number>()
  const namespace = pod.metadata.namespace ?? ''
  for (const node of snapshot.nodes) {
    if (!nodeIncluded(pod, node) || !hasAllTopologyKeys(node, all)) continue
    const value = node.labels[constraint.topologyKey] ?? ''
    counts.set(value, (counts.get(value) ?? 0) + countMatchingPods(node, constraint.selectors, namespace))
  }
  return counts
}

/** PodTopologySpread: DoNotSchedule constraints; placing the pod must keep each skew within maxSkew. */
export function podTopologySpread(pod: KubeObject, node: NodeInfo, snapshot: Snapshot): FilterFailure | undefined {
  const constraints = podConstraints(pod, 'DoNotSchedule')
  if (constraints.length === 0) return undefined
  for (const constraint of constraints) {
    const value = node.labels[constraint.topologyKey]
    if (value === undefined) return failure('UnschedulableAndUnresolvable', ERR_REASON_NODE_LABEL_NOT_MATCH)
    const counts = domainCounts(pod, constraint, constraints, snapshot)
    // fewer domains than minDomains: the global minimum is taken as zero
    const minMatch = counts.size < constraint.minDomains ? 0 : Math.min(...counts.values())
    const selfMatch = constraint.selectors.every((s) => matchesLabels(s, pod.metadata.labels)) ? 1 : 0
    const skew = (counts.get(value) ?? 0) + selfMatch - minMatch
    if (skew > constraint.maxSkew) return failure('Unschedulable', ERR_REASON_CONSTRAINTS_NOT_MATCH)
  }
  return undefined
}
