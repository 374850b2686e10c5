import type {KubeObject} from '../../../backend/object.js'
import {countMatchingPods, hasAllTopologyKeys, nodeIncluded, scoringConstraints} from '../topology-spread.js'
import {MAX_NODE_SCORE, schedulingSpec, type NodeInfo, type ScorePlugin, type Snapshot} from '../types.js'

const HOSTNAME = 'kubernetes.io/hostname'

// nodes without every topology key are left out only for the pod's own constraints, not for the system defaults
function requireAll(pod: KubeObject): boolean {
  return (schedulingSpec(pod).topologySpreadConstraints ?? []).length > 0
}

/**
 * The spreading score before normalisation: for each constraint, the matching pods in the node's domain,
 * weighted by log(domains + 2), plus maxSkew − 1 (podtopologyspread/scoring.go, v1.32). Lower is better.
 */
export function topologySpreadRawScore(
  pod: KubeObject,
  node: NodeInfo,
  snapshot: Snapshot,
  feasible: readonly NodeInfo[],
): number {
  const constraints = scoringConstraints(pod, snapshot)
  if (requireAll(pod) && !hasAllTopologyKeys(node, constraints)) return 0
  const namespace = pod.metadata.namespace ?? ''
  const considered = feasible.filter((n) => !requireAll(pod) || hasAllTopologyKeys(n, constraints))
  let score = 0
  for (const constraint of constraints) {
    const value = node.labels[constraint.topologyKey]
    if (value === undefined) continue
    let domains: number
    let count: number
    if (constraint.topologyKey === HOSTNAME) {
      domains = considered.length
      count = countMatchingPods(node, constraint.selectors, namespace)
    } else {
      const values = new Set(considered.map((n) => n.labels[constraint.topologyKey] ?? ''))
      domains = values.size
      count = 0
      for (const other of snapshot.nodes) {
        if (!nodeIncluded(pod, other) || (requireAll(pod) && !hasAllTopologyKeys(other, constraints))) continue
        if ((other.labels[constraint.topologyKey] ?? '') === value)
          count += countMatchingPods(other, constraint.selectors, namespace)
      }
    }
    score += count * Math.log(domains + 2) + (constraint.maxSkew - 1)
  }
  return Math.round(score)
}

/** PodTopologySpread's score: ScheduleAnyway constraints, or the system defaults that spread a workload's pods. */
export const podTopologySpreadScore: ScorePlugin = {
  name: 'PodTopologySpread',
  weight: 2,
  applies: (pod, snapshot) => scoringConstraints(pod, snapshot).length > 0,
  score: topologySpreadRawScore,
  normalize(scores, feasible, pod, snapshot) {
    // ignored nodes (missing a key the pod's own constraints need) get 0; the rest map min..max to 100..lower
    const constraints = scoringConstraints(pod, snapshot)
    const ignored = feasible.map((node) => requireAll(pod) && !hasAllTopologyKeys(node, constraints))
    let min = Number.POSITIVE_INFINITY
    let max = 0
    scores.forEach((s, i) => {
      if (ignored[i]) return
      min = Math.min(min, s)
      max = Math.max(max, s)
    })
    return scores.map((s, i) => {
      if (ignored[i]) return 0
      if (max === 0) return MAX_NODE_SCORE
      return Math.trunc((MAX_NODE_SCORE * (max + min - s)) / max)
    })
  },
}
