import type {KubeObject} from '../../../backend/object.js'
import {podRequests} from '../pod-requests.js'
import {MAX_NODE_SCORE, type NodeInfo, type ScorePlugin} from '../types.js'

/** How evenly cpu and memory would be used: 100 × (1 − the spread of their fractions) (balanced_allocation.go, v1.32). */
export function balancedAllocationScore(pod: KubeObject, node: NodeInfo): number {
  const request = podRequests(pod)
  const fractions: number[] = []
  const pairs: Array<[number, number]> = [
    [node.requested.milliCpu + request.milliCpu, node.allocatable.milliCpu],
    [node.requested.memory + request.memory, node.allocatable.memory],
  ]
  for (const [requested, allocatable] of pairs) {
    if (allocatable === 0) continue
    fractions.push(Math.min(1, requested / allocatable))
  }
  let std = 0
  if (fractions.length === 2) std = Math.abs(((fractions[0] ?? 0) - (fractions[1] ?? 0)) / 2)
  return Math.trunc((1 - std) * MAX_NODE_SCORE)
}

/** NodeResourcesBalancedAllocation; skipped for pods that request nothing (PreScore's Skip). */
export const balancedAllocationPlugin: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  applies(pod) {
    const request = podRequests(pod)
    return request.milliCpu !== 0 || request.memory !== 0
  },
  score: (pod, node) => balancedAllocationScore(pod, node),
}
