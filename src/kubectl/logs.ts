import type {Backend, LogOptions} from '../backend/backend.js'
import {isJsonObject, type KubeObject} from '../backend/object.js'
import type {ResourceInfo} from '../backend/refs.js'
import {labelSelectorFromSpec, labelSelectorString, type LabelSelectorSpec} from '../resources/label-selector.js'
import {refFor} from '../resources/registry.js'

const PODS = {group: '', version: 'v1', resource: 'pods'}
// the annotation naming the container kubectl logs and exec use when -c is not given
const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container'

interface PodFields {
  spec?: {
    nodeName?: string
    containers?: Array<{name: string}>
    initContainers?: Array<{name: string}>
    ephemeralContainers?: Array<{name: string}>
  }
  status?: {
    phase?: string
    conditions?: Array<{type?: string; status?: string; lastTransitionTime?: string}>
    containerStatuses?: Array<{restartCount?: number}>
  }
}

type Pod = KubeObject & PodFields

/** The label selector string of a workload or Service, for finding its pods (polymorphichelpers, v1.32). */
export function podSelectorOf(object: KubeObject): string {
  const spec = object['spec']
  if (!isJsonObject(spec)) throw new Error(`cannot attach to ${object.kind}: no selector`)
  const selector = spec['selector']
  // a Service (and a ReplicationController) selects with a plain map
  if (object.kind === 'Service' || object.kind === 'ReplicationController') {
    if (!isJsonObject(selector) || Object.keys(selector).length === 0)
      throw new Error(
        `invalid ${object.kind.toLowerCase()} '${object.metadata.name ?? ''}': Service is defined without a selector`,
      )
    return labelSelectorString(labelSelectorFromSpec({matchLabels: selector as Record<string, string>}))
  }
  if (object.kind === 'CronJob') throw new Error('cannot select pods of a CronJob; name one of its jobs')
  return labelSelectorString(labelSelectorFromSpec(selector as LabelSelectorSpec | undefined))
}

const PHASE_RANK: Record<string, number> = {Running: 0, Unknown: 1, Pending: 2}

function readyCondition(pod: Pod): {ready: boolean; since: string | undefined} {
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready')
  return {ready: ready?.status === 'True', since: ready?.status === 'True' ? ready.lastTransitionTime : undefined}
}

function maxRestarts(pod: Pod): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((s) => s.restartCount ?? 0))
}

/**
 * kubectl's podutils.ByLogging (v1.32): the pod whose logs matter most first — scheduled, running,
 * ready (longest), most restarted, oldest.
 */
export function compareForLogging(a: Pod, b: Pod): number {
  const nodeA = a.spec?.nodeName ?? ''
  const nodeB = b.spec?.nodeName ?? ''
  if (nodeA !== nodeB && (nodeA === '' || nodeB === '')) return nodeA !== '' ? -1 : 1
  const rankA = PHASE_RANK[a.status?.phase ?? ''] ?? 0
  const rankB = PHASE_RANK[b.status?.phase ?? ''] ?? 0
  if (rankA !== rankB) return rankA - rankB
  const readyA = readyCondition(a)
  const readyB = readyCondition(b)
  if (readyA.ready !== readyB.ready) return readyA.ready ? -1 : 1
  if (readyA.ready && readyA.since !== readyB.since) {
    if (readyA.since === undefined) return 1
    if (readyB.since === undefined) return -1
    return readyA.since < readyB.since ? -1 : 1
  }
  const restartsA = maxRestarts(a)
  const restartsB = maxRestarts(b)
  if (restartsA !== restartsB) return restartsB - restartsA
  const createdA = a.metadata.creationTimestamp
  const createdB = b.metadata.creationTimestamp
  if (createdA !== createdB) {
    if (createdA === undefined) return 1
    if (createdB === undefined) return -1
    return createdA < createdB ? -1 : 1
  }
  return 0
}

/** The pods matching a selector, best for logs first. */
export async function podsForSelector(backend: Backend, namespace: string, selector: string): Promise<Pod[]> {
  const list = await backend.list({...PODS, namespace}, {labelSelector: selector})
  return [...(list.items as Pod[])].sort(compareForLogging)
}

/** The pod `logs TYPE/NAME` reads: the pod itself, or the first of a workload's pods with their count. */
export async function attachablePod(
  backend: Backend,
  info: ResourceInfo,
  namespace: string,
  name: string,
): Promise<{pod: Pod; count: number} | undefined> {
  if (info.group === '' && info.resource === 'pods') {
    return {pod: (await backend.get({...PODS, namespace}, name)) as Pod, count: 1}
  }
  const owner = await backend.get(refFor(info, namespace), name)
  const pods = await podsForSelector(backend, namespace, podSelectorOf(owner))
  const first = pods[0]
  return first ? {pod: first, count: pods.length} : undefined
}

/** One log stream: a container of a pod. */
export interface LogRequest {
  pod: string
  namespace: string
  container: string
}

/** How containers are chosen for a pod. */
export interface ContainerChoice {
  container?: string | undefined
  allContainers: boolean
}

/**
 * The containers to read for one pod (kubectl logs, v1.32): -c, or every container (init, then regular,
 * then ephemeral) with --all-containers, else the default-container annotation or the first container;
 * `defaulted` is the notice kubectl writes to stderr when it picked one of several.
 */
export function containersFor(pod: Pod, choice: ContainerChoice): {containers: string[]; defaulted?: string} {
  const spec = pod.spec ?? {}
  const regular = (spec.containers ?? []).map((c) => c.name)
  const init = (spec.initContainers ?? []).map((c) => c.name)
  const ephemeral = (spec.ephemeralContainers ?? []).map((c) => c.name)
  if (choice.allContainers) return {containers: [...init, ...regular, ...ephemeral]}
  if (choice.container) {
    if (![...init, ...regular, ...ephemeral].includes(choice.container)) {
      throw new Error(`container ${choice.container} is not valid for pod ${pod.metadata.name ?? ''}`)
    }
    return {containers: [choice.container]}
  }
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION]
  if (annotated && regular.includes(annotated)) return {containers: [annotated]}
  const first = regular[0]
  if (first === undefined) return {containers: []}
  if (regular.length + init.length + ephemeral.length === 1) return {containers: [first]}
  const all = [...regular, ...init.map((n) => `${n} (init)`), ...ephemeral.map((n) => `${n} (ephem)`)]
  return {containers: [first], defaulted: `Defaulted container "${first}" out of: ${all.join(', ')}\n`}
}

/** The text before each line with --prefix: `[pod/web-abc/nginx] `. */
export function logPrefix(request: LogRequest): string {
  return `[pod/${request.pod}/${request.container}] `
}

/** Streams one container's log lines through `write`, each ending with a newline and led by `prefix`. */
export async function streamLog(
  backend: Backend,
  request: LogRequest,
  options: LogOptions & {prefix: string},
  write: (text: string) => void,
): Promise<void> {
  const {prefix, ...logOptions} = options
  for await (const chunk of backend.logs(request.pod, request.namespace, {
    ...logOptions,
    container: request.container,
  })) {
    const lines = chunk.endsWith('\n') ? chunk.slice(0, -1).split('\n') : chunk.split('\n')
    write(lines.map((line) => `${prefix}${line}\n`).join(''))
  }
}
