import type {KubeObject} from '../../backend/object.js'
import {readObject, type Controller, type ReconcileContext} from '../controllers/controller.js'
import {nodePower} from '../nodes.js'
import type {ChangeEvent, StoreKey} from '../store/store.js'
import {
  addNodeImages,
  allocatePodIP,
  nodeImages,
  podAddressRange,
  readPodRecord,
  releasePodIP,
  writePodRecord,
  type PodRecord,
} from './pod-record.js'
import type {KubeletPod} from './pod-spec.js'
import {podStatus} from './pod-status.js'
import {newPodRecord, syncPod, type PodWorkerResult} from './pod-worker.js'
import {formatPod} from './wording.js'

/**
 * The kubelets of every powered node, as one level-triggered controller: for a pod bound to a node it runs one
 * sync (pod-worker.ts: the stage tables walked up to 'now'), then writes what the sync decided: the kubelet's
 * record, the images pulled, its events, the status kubelet would report, and asks to be woken when something
 * next happens. A pod that just runs asks for nothing, so an idle cluster costs nothing however long it idles.
 */

const PODS_REF = {group: '', version: 'v1', resource: 'pods'}

/** The kubelet controller. */
export const kubelet: Controller = {
  name: 'kubelet',

  keysFor(change: ChangeEvent): StoreKey[] {
    if (change.resource !== '/pods' || change.type === 'DELETED') return []
    const nodeName = (change.object['spec'] as {nodeName?: string} | undefined)?.nodeName
    return nodeName ? [{resource: change.resource, namespace: change.namespace, name: change.name}] : []
  },

  async reconcile(key: StoreKey, ctx: ReconcileContext) {
    const pod = (await readObject(ctx, key)) as KubeletPod | undefined
    const nodeName = pod?.spec?.nodeName
    if (!pod || !nodeName) return
    const node = ctx.cache.get({resource: '/nodes', namespace: '', name: nodeName})
    // a machine without power runs nothing and reports nothing
    const power = nodePower(ctx.state, nodeName)
    if (!node || !power.on) return
    const uid = pod.metadata.uid ?? ''
    const now = ctx.clock.now()
    const stored = readPodRecord(ctx.state, uid)
    let record = stored
    if (!record) {
      if (pod.metadata.deletionTimestamp !== undefined) return deletePod(pod, undefined, ctx)
      if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return
      record = newPodRecord(pod, {
        nowMs: now,
        node: nodeName,
        bootMs: power.sinceMs,
        podIP: allocatePodIP(ctx.state, node, uid),
      })
    } else if (record.bootMs === undefined) {
      // a record from before boots were tracked: synced under this boot, unless the node lost power since it began
      const lostPowerSince = power.lastOffMs !== undefined && power.lastOffMs >= record.startMs
      record = {...record, bootMs: lostPowerSince ? record.startMs : power.sinceMs}
    }
    const hostIP = hostIPOf(node)
    const result = syncPod({
      pod,
      record,
      nowMs: now,
      node: {
        bootMs: power.sinceMs,
        ...(power.lastOffMs === undefined ? {} : {lastPowerOffMs: power.lastOffMs}),
        addressRange: podAddressRange(node),
        hostIP,
        images: nodeImages(ctx.state, nodeName),
      },
      allocateAddress: () => allocatePodIP(ctx.state, node, uid),
    })
    await commit(pod, stored, result, ctx)
    if (result.record.stage === 'gone') return deletePod(pod, result.record, ctx)
    await publish(pod, result, {nowMs: now, hostIP}, ctx)
    return result.wakeMs === undefined ? undefined : {requeueAfterMs: Math.max(0, result.wakeMs - now)}
  },
}

function hostIPOf(node: KubeObject): string {
  const addresses =
    (node['status'] as {addresses?: Array<{type?: string; address?: string}>} | undefined)?.addresses ?? []
  return addresses.find((a) => a.type === 'InternalIP')?.address ?? ''
}

// the record and the node's images first, then the events (in the order they happened)
async function commit(
  pod: KubeletPod,
  before: PodRecord | undefined,
  result: PodWorkerResult,
  ctx: ReconcileContext,
): Promise<void> {
  const uid = pod.metadata.uid ?? ''
  if (JSON.stringify(result.record) !== JSON.stringify(before)) writePodRecord(ctx.state, uid, result.record)
  if (result.pulledImages.length > 0) addNodeImages(ctx.state, result.record.node, result.pulledImages)
  for (const {event, fieldPath} of result.events) {
    await ctx.events.record(pod, {
      ...event,
      component: 'kubelet',
      host: result.record.node,
      ...(fieldPath === undefined ? {} : {fieldPath}),
    })
  }
}

// status manager: the status for this moment, written when it changed; a pod that finished gives its address back
async function publish(
  pod: KubeletPod,
  result: PodWorkerResult,
  options: {nowMs: number; hostIP: string},
  ctx: ReconcileContext,
): Promise<void> {
  const status = podStatus(pod, result.record, {
    nowMs: options.nowMs,
    hostIP: options.hostIP,
    readiness: (name) => result.readiness.get(name) ?? false,
    formattedPod: formatPod(pod),
  })
  if (status['phase'] === 'Succeeded' || status['phase'] === 'Failed')
    releasePodIP(ctx.state, result.record.node, pod.metadata.uid ?? '')
  if (JSON.stringify(status) === JSON.stringify(pod.status)) return
  await ctx.api.update({...pod, status}, {subresource: 'status'})
}

// status_manager.go: once every container has stopped, the kubelet deletes the pod object for good
async function deletePod(pod: KubeletPod, record: PodRecord | undefined, ctx: ReconcileContext): Promise<void> {
  const uid = pod.metadata.uid ?? ''
  if (record) releasePodIP(ctx.state, record.node, uid)
  writePodRecord(ctx.state, uid, undefined)
  await ctx.api.delete({...PODS_REF, namespace: pod.metadata.namespace ?? 'default'}, pod.metadata.name ?? '', {
    gracePeriodSeconds: 0,
    preconditions: {uid},
  })
}
