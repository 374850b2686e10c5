import type {KubeObject} from '../../../backend/object.js'
import {podRequests} from '../pod-requests.js'
import {MAX_NODE_SCORE, type NodeInfo, type ScorePlugin} from '../types.js'

// integer division as Go's int64 does it
const div = (a: number, b: number): number => Math.trunc(a / b)

function leastRequested(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0
  return div((capacity - requested) * MAX_NODE_SCORE, capacity)
}

/** LeastAllocated over cpu and memory, weight 1 each, counting the pod's and the node's non-zero requests. */
export function leastAllocatedScore(pod: KubeObject, node: NodeInfo): number {
  const request = podRequests(pod, true)
  const pairs: Array<[number, number]> = [
    [node.nonZeroRequested.milliCpu + request.milliCpu, node.allocatable.milliCpu],
    [node.nonZeroRequested.memory + request.memory, node.allocatable.memory],
  ]
  let sum = 0
  let weights = 0
  for (const [requested, allocatable] of pairs) {
    if (allocatable === 0) continue
    sum += leastRequested(requested, allocatable)
    weights += 1
  }
  return weights === 0 ? 0 : div(sum, weights)
}

/** NodeResourcesFit's score: the default LeastAllocated strategy (noderesources/least_allocated.go, v1.32). */
export const nodeResourcesFitScore: ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  score: (pod, node) => leastAllocatedScore(pod, node),
}
