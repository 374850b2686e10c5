import type {KubeObject} from '../../backend/object.js'
import type {Store} from '../store/store.js'
import type {BackoffEntry} from './backoff.js'

/**
 * What a kubelet remembers about a pod that the API does not show: millisecond times of each stage, the
 * back-off entries, the attempt being pulled. A real kubelet keeps this in memory and in the runtime; the
 * simulated one keeps it in the store's metadata, keyed by pod uid, so any skiff process can carry on.
 */

/** A container's place in the stage table (see container-stages.ts). */
export type ContainerStage =
  | 'waiting'
  | 'pulling'
  | 'pull-failed'
  | 'pull-backoff'
  | 'creating'
  | 'running'
  | 'killing'
  | 'crash-backoff'
  | 'exited'

/** One finished run of a container. */
export interface ContainerRun {
  startedAtMs: number
  finishedAtMs: number
  exitCode: number
  reason: string
  containerID: string
}

/** What the kubelet knows of one container. */
export interface ContainerRecord {
  stage: ContainerStage
  sinceMs: number
  /** when the current stage ends by itself (a pull finishing, the program exiting); none: it does not */
  untilMs?: number
  restartCount: number
  /** the current run, once started */
  startedAtMs?: number
  containerID?: string
  /** the run before the current one: lastState and `logs --previous` */
  lastRun?: ContainerRun
  /** the current run, when it has ended */
  finished?: ContainerRun
  crashBackoff?: BackoffEntry
  pullError?: string
  /** when the image was pulled at least once (status.image then shows the normalised name) */
  pulled?: boolean
  /** liveness: how many probes failed in a row before a kill */
  livenessFailures?: number
}

/** What the kubelet knows of one pod. */
export interface PodRecord {
  node: string
  startMs: number
  sandboxReadyMs: number
  podIP: string
  containers: Record<string, ContainerRecord>
  imageBackoff: Record<string, BackoffEntry>
  /** graceful termination: when the containers were told to stop, and when the last one is gone */
  terminating?: {sinceMs: number; doneMs: number}
}

const recordKey = (uid: string): string => `kubelet.pod.${uid}`
const imagesKey = (node: string): string => `kubelet.images.${node}`
const addressesKey = (node: string): string => `kubelet.ipam.${node}`

/** The kubelet's record of a pod, if it has seen it. */
export function readPodRecord(store: Store, uid: string): PodRecord | undefined {
  const text = store.readMeta(recordKey(uid))
  return text ? (JSON.parse(text) as PodRecord) : undefined
}

/** Saves (or, with undefined, forgets) the record of a pod. */
export function writePodRecord(store: Store, uid: string, record: PodRecord | undefined): void {
  store.transaction(() =>
    record ? store.writeMeta(recordKey(uid), JSON.stringify(record)) : store.deleteMeta(recordKey(uid)),
  )
}

/** The images already on a node (containerd's image store). */
export function nodeImages(store: Store, node: string): Set<string> {
  return new Set(JSON.parse(store.readMeta(imagesKey(node)) || '[]') as string[])
}

/** Records that a node now has an image. */
export function addNodeImage(store: Store, node: string, image: string): void {
  store.transaction(() => {
    const images = nodeImages(store, node)
    images.add(image)
    store.writeMeta(imagesKey(node), JSON.stringify([...images]))
  })
}

// kindnet/host-local hand out a node's pod addresses from .2 up; .1 is the bridge
const FIRST_HOST = 2

/** Takes the lowest free address of the node's podCIDR (a /24) for a pod; the same pod always keeps its own. */
export function allocatePodIP(store: Store, node: KubeObject, uid: string): string {
  const cidr = (node['spec'] as {podCIDR?: string} | undefined)?.podCIDR ?? '10.244.0.0/24'
  const base = cidr.split('/')[0]?.split('.').slice(0, 3).join('.') ?? '10.244.0'
  const name = node.metadata.name ?? ''
  return store.transaction(() => {
    const used = JSON.parse(store.readMeta(addressesKey(name)) || '{}') as Record<string, string>
    const taken = new Set(Object.values(used))
    let host = FIRST_HOST
    while (taken.has(String(host)) && host < 254) host++
    used[uid] = String(host)
    store.writeMeta(addressesKey(name), JSON.stringify(used))
    return `${base}.${host}`
  })
}

/** Gives a pod's address back to its node when the pod is gone. */
export function releasePodIP(store: Store, node: string, uid: string): void {
  store.transaction(() => {
    const used = JSON.parse(store.readMeta(addressesKey(node)) || '{}') as Record<string, string>
    if (!(uid in used)) return
    delete used[uid]
    store.writeMeta(addressesKey(node), JSON.stringify(used))
  })
}
