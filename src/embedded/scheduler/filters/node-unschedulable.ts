import type {KubeObject} from '../../../backend/object.js'
import {toleratesTaint} from '../tolerations.js'
import {failure, schedulingSpec, type FilterFailure, type NodeInfo} from '../types.js'

// nodeunschedulable.ErrReasonUnschedulable (pkg/scheduler/framework/plugins/nodeunschedulable, v1.32)
export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable'
const UNSCHEDULABLE_TAINT = {key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule'}

/** NodeUnschedulable: a cordoned node takes only pods that tolerate the unschedulable taint. */
export function nodeUnschedulable(pod: KubeObject, node: NodeInfo): FilterFailure | undefined {
  if (!node.unschedulable) return undefined
  const tolerated = (schedulingSpec(pod).tolerations ?? []).some((t) => toleratesTaint(t, UNSCHEDULABLE_TAINT))
  return tolerated ? undefined : failure('UnschedulableAndUnresolvable', ERR_REASON_UNSCHEDULABLE)
}
