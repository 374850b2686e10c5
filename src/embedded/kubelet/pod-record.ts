import type {KubeObject} from '../../backend/object.js'
import type {Store} from '../store/store.js'
import type {BackoffEntry} from './backoff.js'
import type {TokenBucket} from './event-budget.js'
import type {ProbeState, ProbeType} from './probes.js'
import type {ContainerStage, PodStage} from './stage-table.js'

/**
 * What a kubelet remembers about a pod that the API does not show: millisecond times of each stage, the
 * back-off entries, the attempt being pulled. A real kubelet keeps this in memory and in the runtime; the
 * simulated one keeps it in the store's metadata, keyed by pod uid, so any skiff process can carry on.
 */

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
  /** its place in the container table (stage-table.ts) */
  stage: ContainerStage
  sinceMs: number
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
  /** the probe workers of the current run */
  probes?: Partial<Record<ProbeType, ProbeState>>
  /** when the liveness probe's failureThreshold was reached in the current run */
  livenessFailedAtMs?: number
  /** while killing: how long after SIGTERM the container is gone */
  stopAfterMs?: number
}

/** What the kubelet knows of one pod. */
export interface PodRecord {
  /** its place in the pod table (stage-table.ts) */
  stage: PodStage
  sinceMs: number
  node: string
  startMs: number
  sandboxReadyMs: number
  /** '' while the node's range has no free address */
  podIP: string
  containers: Record<string, ContainerRecord>
  imageBackoff: Record<string, BackoffEntry>
  /** when the kubelet first saw the pod's deletion */
  deletionSeenMs?: number
  /** the node's power-on moment the kubelet last synced the pod under */
  bootMs?: number
  /** the recorder's spam filter for this pod, per event type (event-budget.ts) */
  eventBudget?: Partial<Record<'Normal' | 'Warning', TokenBucket>>
}

const recordKey = (uid: string): string => `kubelet.pod.${uid}`
const imagesKey = (node: string): string => `kubelet.images.${node}`
const addressesKey = (node: string): string => `kubelet.ipam.${node}`

/** The kubelet's record of a pod, if it has seen it. */
export function readPodRecord(store: Store, uid: string): PodRecord | undefined {
  const text = store.readMeta(recordKey(uid))
  return text ? withStage(JSON.parse(text) as PodRecord & {terminating?: {sinceMs: number}}) : undefined
}

// records written before the pod table had no stage: a terminating record was terminating, others had started
function withStage(record: PodRecord & {terminating?: {sinceMs: number}}): PodRecord {
  if (record.stage !== undefined) return record
  const {terminating, ...rest} = record
  return terminating
    ? {...rest, stage: 'terminating', sinceMs: terminating.sinceMs, deletionSeenMs: terminating.sinceMs}
    : {...rest, stage: 'running', sinceMs: record.sandboxReadyMs}
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

/** Records that a node now has these images. */
export function addNodeImages(store: Store, node: string, images: readonly string[]): void {
  store.transaction(() => {
    const present = nodeImages(store, node)
    for (const image of images) present.add(image)
    store.writeMeta(imagesKey(node), JSON.stringify([...present]))
  })
}

// kindnet/host-local hand out a node's pod addresses from .2 up; .1 is the bridge
const FIRST_HOST = 2

// .255 is the /24's broadcast address
const LAST_HOST = 254

function addressBase(node: KubeObject): string {
  const cidr = (node['spec'] as {podCIDR?: string} | undefined)?.podCIDR ?? '10.244.0.0/24'
  return cidr.split('/')[0]?.split('.').slice(0, 3).join('.') ?? '10.244.0'
}

/** The node's pod address range as host-local words it in errors: `10.244.1.1-10.244.1.254`. */
export function podAddressRange(node: KubeObject): string {
  const base = addressBase(node)
  return `${base}.1-${base}.${LAST_HOST}`
}

/**
 * Takes the lowest free address of the node's podCIDR (a /24) for a pod, as host-local IPAM does; a pod that
 * already holds one gets the same one back (two processes may sync the same new pod), so no two pods ever share
 * an address. Undefined when the range is full (host-local: "no IP addresses available in range set").
 */
export function allocatePodIP(store: Store, node: KubeObject, uid: string): string | undefined {
  const base = addressBase(node)
  const name = node.metadata.name ?? ''
  return store.transaction(() => {
    const used = JSON.parse(store.readMeta(addressesKey(name)) || '{}') as Record<string, string>
    const held = used[uid]
    if (held !== undefined) return `${base}.${held}`
    const taken = new Set(Object.values(used))
    let host = FIRST_HOST
    while (taken.has(String(host)) && host <= LAST_HOST) host++
    if (host > LAST_HOST) return undefined
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
