import type {KubeObject} from '../../../backend/object.js'
import {podRequests} from '../pod-requests.js'
import type {FilterFailure, NodeInfo} from '../types.js'

/**
 * NodeResourcesFit: the pod's requests against what the node's allocatable leaves after the requests of
 * the pods already there; every shortfall is a reason (noderesources.fitsRequest, v1.32).
 */
export function nodeResourcesFit(pod: KubeObject, node: NodeInfo): FilterFailure | undefined {
  const reasons: string[] = []
  if (node.pods.length + 1 > node.allowedPodNumber) reasons.push('Too many pods')
  const request = podRequests(pod)
  const {allocatable, requested} = node
  if (request.milliCpu > 0 && request.milliCpu > allocatable.milliCpu - requested.milliCpu)
    reasons.push('Insufficient cpu')
  if (request.memory > 0 && request.memory > allocatable.memory - requested.memory) reasons.push('Insufficient memory')
  if (
    request.ephemeralStorage > 0 &&
    request.ephemeralStorage > allocatable.ephemeralStorage - requested.ephemeralStorage
  ) {
    reasons.push('Insufficient ephemeral-storage')
  }
  // Go ranges over the map in random order; sorted names keep the reasons stable
  for (const name of Object.keys(request.scalar).sort()) {
    const amount = request.scalar[name] ?? 0
    if (amount === 0) continue
    if (amount > (allocatable.scalar[name] ?? 0) - (requested.scalar[name] ?? 0)) reasons.push(`Insufficient ${name}`)
  }
  return reasons.length === 0 ? undefined : {code: 'Unschedulable', reasons}
}
