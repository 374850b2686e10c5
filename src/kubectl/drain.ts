import type {Backend} from '../backend/backend.js'
import type {KubeObject} from '../backend/object.js'
import {hasReason} from '../backend/status.js'

const NODES = {group: '', version: 'v1', resource: 'nodes'}
const PODS = {group: '', version: 'v1', resource: 'pods'}
// kubelet marks the API copies of static pods with this annotation; they cannot be deleted through the API
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror'

/** kubectl's operation word for a cordon or uncordon: 'cordoned', 'already uncordoned', ... */
export type CordonResult = 'cordoned' | 'already cordoned' | 'uncordoned' | 'already uncordoned'

/** Sets spec.unschedulable (kubectl/pkg/drain/cordon.go CordonHelper, v1.32). */
export async function setUnschedulable(
  backend: Backend,
  name: string,
  options: {unschedulable: boolean; dryRun: 'none' | 'client' | 'server'},
): Promise<{node: KubeObject; result: CordonResult}> {
  const node = await backend.get(NODES, name)
  const verb = options.unschedulable ? 'cordoned' : 'uncordoned'
  const current = (node['spec'] as {unschedulable?: boolean} | undefined)?.unschedulable === true
  if (current === options.unschedulable) return {node, result: `already ${verb}`}
  if (options.dryRun === 'client') return {node, result: verb}
  const patched = await backend.patch(
    NODES,
    name,
    {type: 'strategic', body: {spec: {unschedulable: options.unschedulable ? true : null}}},
    options.dryRun === 'server' ? {dryRun: true} : {},
  )
  return {node: patched, result: verb}
}

/** What drain may do to pods it would otherwise refuse to remove. */
export interface DrainPolicy {
  force: boolean
  ignoreDaemonSets: boolean
  deleteEmptyDirData: boolean
  /** --pod-selector */
  podSelector?: string | undefined
}

/** The pods of a node sorted by what drain will do with them (kubectl/pkg/drain/filters.go, v1.32). */
export interface DrainPlan {
  /** pods to evict, in list order */
  evict: KubeObject[]
  /** `cannot delete ...: ns/a, ns/b`, one per refusal kind */
  errors: string[]
  /** `ignoring DaemonSet-managed Pods: ns/a; ...`, or '' */
  warnings: string
}

interface PodFields {
  spec?: {volumes?: Array<{emptyDir?: unknown}>}
  status?: {phase?: string}
}

// kubectl drain's refusals and warnings, in the order its filters run (filters.go, v1.32)
const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)'
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods'
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)'
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage'
const UNMANAGED_FATAL = 'Pods declare no controller (use --force to override)'
const UNMANAGED_WARNING = 'deleting Pods that declare no controller'

/** Decides, pod by pod, whether drain evicts, skips, warns or refuses, as kubectl's filters do. */
export function planDrain(pods: readonly KubeObject[], policy: DrainPolicy): DrainPlan {
  const fatal = new Map<string, string[]>()
  const warning = new Map<string, string[]>()
  const evict: KubeObject[] = []
  const note = (map: Map<string, string[]>, message: string, pod: KubeObject): void => {
    map.set(message, [...(map.get(message) ?? []), `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`])
  }
  for (const pod of pods) {
    const {spec, status} = pod as KubeObject & PodFields
    const controller = pod.metadata.ownerReferences?.find((owner) => owner.controller === true)
    const terminal = status?.phase === 'Succeeded' || status?.phase === 'Failed'
    if (controller?.kind === 'DaemonSet') {
      if (policy.ignoreDaemonSets) note(warning, DAEMONSET_WARNING, pod)
      else note(fatal, DAEMONSET_FATAL, pod)
      continue
    }
    if (pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) continue
    if (!terminal && (spec?.volumes ?? []).some((volume) => volume.emptyDir !== undefined)) {
      if (!policy.deleteEmptyDirData) {
        note(fatal, LOCAL_STORAGE_FATAL, pod)
        continue
      }
      note(warning, LOCAL_STORAGE_WARNING, pod)
    }
    if (!terminal && controller === undefined) {
      if (!policy.force) {
        note(fatal, UNMANAGED_FATAL, pod)
        continue
      }
      note(warning, UNMANAGED_WARNING, pod)
    }
    evict.push(pod)
  }
  return {
    evict,
    errors: [...fatal].map(([message, names]) => `cannot delete ${message}: ${names.join(', ')}`),
    warnings: [...warning].map(([message, names]) => `${message}: ${names.join(', ')}`).join('; '),
  }
}

/** The pods bound to a node, optionally filtered by --pod-selector. */
export async function podsOnNode(backend: Backend, node: string, podSelector?: string): Promise<KubeObject[]> {
  const list = await backend.list(PODS, {fieldSelector: `spec.nodeName=${node}`, labelSelector: podSelector})
  return list.items
}

/** Timing of the wait for evicted pods to be gone. */
export interface DrainTiming {
  /** 0 waits for ever */
  timeoutMs: number
  pollMs: number
  now: () => number
  sleep: (ms: number) => Promise<void>
}

/**
 * Evicts the pods (a graceful delete: the embedded API has no eviction subresource yet, and kubectl
 * itself falls back to delete with --disable-eviction) and waits until each is gone.
 */
export async function evictPods(
  backend: Backend,
  pods: readonly KubeObject[],
  options: {
    gracePeriodSeconds: number
    timing: DrainTiming
    onEvicting: (pod: KubeObject) => void
    onEvicted: (pod: KubeObject) => void
  },
): Promise<void> {
  const deadline =
    options.timing.timeoutMs > 0 ? options.timing.now() + options.timing.timeoutMs : Number.POSITIVE_INFINITY
  const pending: KubeObject[] = []
  for (const pod of pods) {
    options.onEvicting(pod)
    const ref = {...PODS, namespace: pod.metadata.namespace}
    try {
      await backend.delete(
        ref,
        pod.metadata.name ?? '',
        options.gracePeriodSeconds >= 0 ? {gracePeriodSeconds: options.gracePeriodSeconds} : {},
      )
      pending.push(pod)
    } catch (error) {
      if (!hasReason(error, 'NotFound')) throw error
      options.onEvicted(pod)
    }
  }
  let waiting = pending
  for (;;) {
    const still: KubeObject[] = []
    for (const pod of waiting) {
      try {
        const current = await backend.get({...PODS, namespace: pod.metadata.namespace}, pod.metadata.name ?? '')
        if (current.metadata.uid === pod.metadata.uid) {
          still.push(pod)
          continue
        }
      } catch (error) {
        if (!hasReason(error, 'NotFound')) throw error
      }
      options.onEvicted(pod)
    }
    waiting = still
    if (waiting.length === 0) return
    if (options.timing.now() >= deadline) {
      const first = waiting[0]
      throw new Error(
        `error when waiting for pod "${first?.metadata.name ?? ''}" in namespace "${first?.metadata.namespace ?? ''}" to terminate: global timeout reached: ${formatSeconds(options.timing.timeoutMs)}`,
      )
    }
    await options.timing.sleep(options.timing.pollMs)
  }
}

// Go's Duration.String for whole seconds: 1m0s, 30s, 1h0m0s
function formatSeconds(ms: number): string {
  const total = Math.round(ms / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  if (h > 0) return `${h}h${m}m${s}s`
  if (m > 0) return `${m}m${s}s`
  return `${s}s`
}
