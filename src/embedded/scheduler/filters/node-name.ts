import type {KubeObject} from '../../../backend/object.js'
import {failure, schedulingSpec, type FilterFailure, type NodeInfo} from '../types.js'

// nodename.ErrReason (pkg/scheduler/framework/plugins/nodename, v1.32)
export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name"

/** NodeName: a pod that names a node fits only that node. */
export function nodeName(pod: KubeObject, node: NodeInfo): FilterFailure | undefined {
  const wanted = schedulingSpec(pod).nodeName
  if (!wanted || wanted === node.name) return undefined
  return failure('UnschedulableAndUnresolvable', ERR_REASON_NODE_NAME)
}
