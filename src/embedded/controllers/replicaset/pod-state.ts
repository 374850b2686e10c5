import type {KubeObject} from '../../../backend/object.js'

interface PodCondition {
  type?: string
  status?: string
  lastTransitionTime?: string
}

interface PodStatusFields {
  phase?: string
  conditions?: PodCondition[]
  containerStatuses?: Array<{restartCount?: number}>
}

/** The pod's status fields the workload controllers read. */
export function podStatus(pod: KubeObject): PodStatusFields {
  return (pod['status'] as PodStatusFields | undefined) ?? {}
}

/** The node a pod is bound to, or '' when unscheduled. */
export function podNodeName(pod: KubeObject): string {
  return (pod['spec'] as {nodeName?: string} | undefined)?.nodeName ?? ''
}

/** controller.IsPodActive (v1.32): not terminal and not being deleted. */
export function isPodActive(pod: KubeObject): boolean {
  const phase = podStatus(pod).phase
  return phase !== 'Succeeded' && phase !== 'Failed' && pod.metadata.deletionTimestamp === undefined
}

function readyCondition(pod: KubeObject): PodCondition | undefined {
  return podStatus(pod).conditions?.find((c) => c.type === 'Ready')
}

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: KubeObject): boolean {
  return readyCondition(pod)?.status === 'True'
}

/** Since when (ms) a ready pod has been ready, from its Ready condition's lastTransitionTime. */
export function readySinceMs(pod: KubeObject): number | undefined {
  const condition = readyCondition(pod)
  if (condition?.status !== 'True' || !condition.lastTransitionTime) return undefined
  return Date.parse(condition.lastTransitionTime)
}

/** podutil.IsPodAvailable (v1.32): ready, and ready for at least minReadySeconds by `nowMs`. */
export function isPodAvailable(pod: KubeObject, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(pod)) return false
  if (minReadySeconds <= 0) return true
  const since = readySinceMs(pod)
  return since !== undefined && since + minReadySeconds * 1000 <= nowMs
}

/** The moment a ready pod becomes available, when that is still ahead of `nowMs`. */
export function availableAtMs(pod: KubeObject, minReadySeconds: number, nowMs: number): number | undefined {
  if (minReadySeconds <= 0) return undefined
  const since = readySinceMs(pod)
  if (since === undefined) return undefined
  const at = since + minReadySeconds * 1000
  return at > nowMs ? at : undefined
}
