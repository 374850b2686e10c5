import type {KubeObject} from '../../../backend/object.js'
import {createdMs} from './owner.js'
import {isPodActive, isPodReady, podNodeName, podStatus, readySinceMs} from './pod-state.js'

// controller.podPhaseToOrdinal (v1.32): Pending < Unknown < Running
const PHASE_ORDINAL: Readonly<Record<string, number>> = {Pending: 0, Unknown: 1, Running: 2}
// the pod-deletion-cost annotation (apps/v1, v1.32)
const DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost'

interface RankedPod {
  pod: KubeObject
  rank: number
}

/**
 * replica_set.go getPodsToDelete (v1.32): the `count` pods a scale-down removes first, ranked as
 * controller.ActivePodsWithRanks orders them; rank is how many related pods share the pod's node.
 */
export function podsToDelete(
  pods: readonly KubeObject[],
  relatedPods: readonly KubeObject[],
  count: number,
  nowMs: number,
): KubeObject[] {
  const onNode = new Map<string, number>()
  for (const pod of relatedPods) {
    if (isPodActive(pod)) onNode.set(podNodeName(pod), (onNode.get(podNodeName(pod)) ?? 0) + 1)
  }
  const ranked: RankedPod[] = pods.map((pod) => ({pod, rank: onNode.get(podNodeName(pod)) ?? 0}))
  ranked.sort((a, b) => compareForDeletion(a, b, nowMs))
  return ranked.slice(0, count).map((r) => r.pod)
}

// negative when `a` should go before `b`
function compareForDeletion(a: RankedPod, b: RankedPod, nowMs: number): number {
  const [p, q] = [a.pod, b.pod]
  const [nodeP, nodeQ] = [podNodeName(p), podNodeName(q)]
  // 1. unassigned before assigned
  if (nodeP !== nodeQ && (nodeP === '' || nodeQ === '')) return nodeP === '' ? -1 : 1
  // 2. Pending < Unknown < Running
  const phaseP = PHASE_ORDINAL[podStatus(p).phase ?? ''] ?? 0
  const phaseQ = PHASE_ORDINAL[podStatus(q).phase ?? ''] ?? 0
  if (phaseP !== phaseQ) return phaseP - phaseQ
  // 3. not ready before ready
  if (isPodReady(p) !== isPodReady(q)) return isPodReady(p) ? 1 : -1
  // 4. lower deletion cost first
  if (deletionCost(p) !== deletionCost(q)) return deletionCost(p) - deletionCost(q)
  // 5. doubled up (more related pods on the node) first
  if (a.rank !== b.rank) return b.rank - a.rank
  // 6. ready for less time first, in logarithmic buckets (LogarithmicScaleDown, GA)
  if (isPodReady(p) && isPodReady(q)) {
    const byReady = compareRecentFirst(readySinceMs(p), readySinceMs(q), nowMs, a, b)
    if (byReady !== 0) return byReady
  }
  // 7. more container restarts first
  if (maxRestarts(p) !== maxRestarts(q)) return maxRestarts(q) - maxRestarts(p)
  // 8. newer first, in logarithmic buckets
  return compareRecentFirst(createdMs(p), createdMs(q), nowMs, a, b)
}

function compareRecentFirst(
  first: number | undefined,
  second: number | undefined,
  nowMs: number,
  a: RankedPod,
  b: RankedPod,
): number {
  if (first === second) return 0
  // an unknown time counts as the most recent (afterOrZero)
  if (first === undefined || first === 0) return -1
  if (second === undefined || second === 0) return 1
  const diff = logBucket(nowMs - first) - logBucket(nowMs - second)
  if (diff !== 0) return diff
  const [uidA, uidB] = [a.pod.metadata.uid ?? '', b.pod.metadata.uid ?? '']
  return uidA < uidB ? -1 : uidA > uidB ? 1 : 0
}

// logarithmicRankDiff works on nanosecond durations
function logBucket(ageMs: number): number {
  return ageMs > 0 ? Math.floor(Math.log2(ageMs * 1e6)) : -1
}

function deletionCost(pod: KubeObject): number {
  const value = Number(pod.metadata.annotations?.[DELETION_COST_ANNOTATION] ?? '0')
  return Number.isFinite(value) ? value : 0
}

function maxRestarts(pod: KubeObject): number {
  return Math.max(0, ...(podStatus(pod).containerStatuses ?? []).map((s) => s.restartCount ?? 0))
}
