import type {KubeObject} from '../../../backend/object.js'
import {matchesNodeSelectorTerms} from '../node-selector.js'
import {failure, schedulingSpec, type FilterFailure, type NodeInfo} from '../types.js'

// nodeaffinity.ErrReasonPod (pkg/scheduler/framework/plugins/nodeaffinity, v1.32)
export const ERR_REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector"

/** Whether a node satisfies the pod's nodeSelector and required node affinity (RequiredNodeAffinity.Match). */
export function matchesRequiredNodeAffinity(
  pod: KubeObject,
  nodeName: string,
  labels: Record<string, string>,
): boolean {
  const spec = schedulingSpec(pod)
  for (const [key, value] of Object.entries(spec.nodeSelector ?? {})) {
    if (labels[key] !== value) return false
  }
  const required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
  if (!required) return true
  return matchesNodeSelectorTerms(required.nodeSelectorTerms ?? [], nodeName, labels)
}

/** NodeAffinity: nodeSelector and requiredDuringSchedulingIgnoredDuringExecution. */
export function nodeAffinity(pod: KubeObject, node: NodeInfo): FilterFailure | undefined {
  if (matchesRequiredNodeAffinity(pod, node.name, node.labels)) return undefined
  return failure('UnschedulableAndUnresolvable', ERR_REASON_NODE_AFFINITY)
}
