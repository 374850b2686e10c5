import type {KubeObject} from '../../backend/object.js'
import {fitErrorMessage} from './failed-scheduling-message.js'
import {nodeInfoOf} from './snapshot.js'
import {schedulingSpec, type FilterFailure, type Snapshot} from './types.js'

// preemption statuses (pkg/scheduler/framework/preemption and plugins/defaultpreemption, v1.32)
export const PREEMPTION_NOT_HELPFUL = 'Preemption is not helpful for scheduling'
export const NO_PREEMPTION_VICTIMS = 'No preemption victims found for incoming pod'
export const NOT_ELIGIBLE_PREEMPTION_NEVER = 'not eligible due to preemptionPolicy=Never.'

const priorityOf = (pod: KubeObject): number => schedulingSpec(pod).priority ?? 0

/** What preemption would find: the PostFilter message, or undefined when removing victims would make room. */
export interface PreemptionOutcome {
  message: string | undefined
}

/**
 * DefaultPreemption's dry run (v1.32): nodes failed for reasons preemption cannot fix are 'not helpful';
 * on the others, the pods of lower priority are the victims, and the pod is filtered again without them.
 * Only the verdict is computed: evicting victims and nominating a node are not simulated yet.
 */
export function preemptionOutcome(
  pod: KubeObject,
  snapshot: Snapshot,
  statuses: ReadonlyMap<string, FilterFailure>,
  runFilters: (pod: KubeObject, snapshot: Snapshot, node: Snapshot['nodes'][number]) => FilterFailure | undefined,
): PreemptionOutcome {
  if (schedulingSpec(pod).preemptionPolicy === 'Never') return {message: `preemption: ${NOT_ELIGIBLE_PREEMPTION_NEVER}`}
  const results: FilterFailure[] = []
  for (const node of snapshot.nodes) {
    const status = statuses.get(node.name)
    if (!status || status.code === 'UnschedulableAndUnresolvable') {
      results.push({code: 'UnschedulableAndUnresolvable', reasons: [PREEMPTION_NOT_HELPFUL]})
      continue
    }
    const remaining = node.pods.filter((p) => priorityOf(p) >= priorityOf(pod))
    if (remaining.length === node.pods.length) {
      results.push({code: 'UnschedulableAndUnresolvable', reasons: [NO_PREEMPTION_VICTIMS]})
      continue
    }
    const lighter = nodeInfoOf(node.node, remaining)
    const trial: Snapshot = {...snapshot, nodes: snapshot.nodes.map((n) => (n.name === node.name ? lighter : n))}
    const again = runFilters(pod, trial, lighter)
    if (!again) return {message: undefined}
    results.push(again)
  }
  return {message: `preemption: ${fitErrorMessage(snapshot.nodes.length, results)}`}
}
