import type {KubeObject} from '../../../backend/object.js'
import {findUntoleratedTaint} from '../tolerations.js'
import {failure, schedulingSpec, type FilterFailure, type NodeInfo} from '../types.js'

/** TaintToleration: a NoSchedule or NoExecute taint the pod does not tolerate keeps it off the node (v1.32). */
export function taintToleration(pod: KubeObject, node: NodeInfo): FilterFailure | undefined {
  const taint = findUntoleratedTaint(
    node.taints,
    schedulingSpec(pod).tolerations ?? [],
    (t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute',
  )
  if (!taint) return undefined
  // tainttoleration.Filter words it with the taint's key and value (v1.32)
  return failure('UnschedulableAndUnresolvable', `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`)
}
