import type {KubeObject} from '../../backend/object.js'
import {drawBetween, seededRandom} from '../clock/seeded-random.js'
import {readObject, type Controller, type ReconcileContext} from '../controllers/controller.js'
import {nodePower} from '../nodes.js'
import type {ChangeEvent, StoreKey} from '../store/store.js'
import {beginKill, beginPull, endStage, type StageContext, type StageEvent} from './container-stages.js'
import {containerTimeline} from './container-runtime/program.js'
import type {Timeline} from './container-runtime/timeline.js'
import {
  addNodeImage,
  allocatePodIP,
  nodeImages,
  readPodRecord,
  releasePodIP,
  writePodRecord,
  type ContainerRecord,
  type PodRecord,
} from './pod-record.js'
import {containerEnv, podContainers, type ContainerSpec, type KubeletPod} from './pod-spec.js'
import {podStatus} from './pod-status.js'
import {probeOracle, readinessAt} from './probes.js'
import {containerFieldPath, formatPod} from './wording.js'

/**
 * The kubelets of every powered node, as one level-triggered controller: for a pod bound to a node it
 * walks the container stage table up to 'now', writes the status kubelet would report, records kubelet's
 * events, and asks to be woken at the next moment something changes. A pod that just runs asks for
 * nothing, so an idle cluster costs nothing however long it idles.
 */

const PODS_REF = {group: '', version: 'v1', resource: 'pods'}
// creating a pod sandbox (pause container, network) takes this long
const MIN_SANDBOX_MS = 300
const MAX_SANDBOX_MS = 1_500
// kubelet's default terminationGracePeriodSeconds (v1.32)
const DEFAULT_GRACE_SECONDS = 30
// transitions one reconcile may walk before it yields (a runaway table would otherwise spin)
const MAX_TRANSITIONS = 10_000

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
    if (!node || !nodePower(ctx.state, nodeName).on) return
    const uid = pod.metadata.uid ?? ''
    const now = ctx.clock.now()
    let record = readPodRecord(ctx.state, uid)
    if (!record) {
      if (pod.metadata.deletionTimestamp !== undefined) return deletePod(pod, undefined, ctx)
      if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return
      record = newRecord(pod, node, now, ctx)
    }
    const sync = new PodSync(pod, node, record, ctx)
    const wake = pod.metadata.deletionTimestamp !== undefined ? await sync.terminate(now) : await sync.run(now)
    return wake === undefined ? undefined : {requeueAfterMs: Math.max(0, wake - now)}
  },
}

function newRecord(pod: KubeletPod, node: KubeObject, now: number, ctx: ReconcileContext): PodRecord {
  const uid = pod.metadata.uid ?? ''
  return {
    node: node.metadata.name ?? '',
    startMs: now,
    sandboxReadyMs: now + drawBetween(seededRandom(`sandbox:${uid}`), MIN_SANDBOX_MS, MAX_SANDBOX_MS),
    podIP: allocatePodIP(ctx.state, node, uid),
    containers: {},
    imageBackoff: {},
  }
}

async function deletePod(pod: KubeletPod, record: PodRecord | undefined, ctx: ReconcileContext): Promise<void> {
  const uid = pod.metadata.uid ?? ''
  if (record) releasePodIP(ctx.state, record.node, uid)
  writePodRecord(ctx.state, uid, undefined)
  await ctx.api.delete({...PODS_REF, namespace: pod.metadata.namespace ?? 'default'}, pod.metadata.name ?? '', {
    gracePeriodSeconds: 0,
    preconditions: {uid},
  })
}

/** One sync of one pod: kubelet's SyncPod over the stage table. */
class PodSync {
  private readonly events: Array<{event: StageEvent; fieldPath: string}> = []
  private readonly timelines = new Map<string, Timeline>()
  private readonly hostIP: string
  private readonly savedRecord: string

  constructor(
    private readonly pod: KubeletPod,
    node: KubeObject,
    private readonly record: PodRecord,
    private readonly ctx: ReconcileContext,
  ) {
    const addresses =
      (node['status'] as {addresses?: Array<{type?: string; address?: string}>} | undefined)?.addresses ?? []
    this.hostIP = addresses.find((a) => a.type === 'InternalIP')?.address ?? ''
    this.savedRecord = JSON.stringify(record)
  }

  /** Walks every container up to now, writes the status, and returns when to look again. */
  async run(now: number): Promise<number | undefined> {
    for (let i = 0, progressed = true; progressed && i < MAX_TRANSITIONS; i++) progressed = this.step(now)
    const readiness = new Map<string, boolean>()
    const wakes: number[] = []
    for (const {spec, init} of podContainers(this.pod)) {
      const c = this.record.containers[spec.name]
      if (c?.untilMs !== undefined) wakes.push(c.untilMs)
      if (!init && c) {
        const {ready, changesAtMs} = this.readiness(spec, c, now)
        readiness.set(spec.name, ready)
        if (changesAtMs !== undefined) wakes.push(changesAtMs)
      }
    }
    if (now < this.record.sandboxReadyMs) wakes.push(this.record.sandboxReadyMs)
    await this.publish(now, (name) => readiness.get(name) ?? false)
    return wakes.length === 0 ? undefined : Math.min(...wakes)
  }

  /** Graceful termination: SIGTERM to every running container, then the pod goes when the last one is gone. */
  async terminate(now: number): Promise<number | undefined> {
    const record = this.record
    if (!record.terminating) {
      const graceSeconds =
        this.pod.metadata.deletionGracePeriodSeconds ??
        this.pod.spec?.terminationGracePeriodSeconds ??
        DEFAULT_GRACE_SECONDS
      let doneMs = now
      for (const {spec, init} of podContainers(this.pod)) {
        const c = record.containers[spec.name]
        if (c?.stage !== 'running') continue
        this.emit(spec, init, {type: 'Normal', reason: 'Killing', message: `Stopping container ${spec.name}`})
        beginKill(c, now, this.stageContext(spec, init, graceSeconds * 1000))
        doneMs = Math.max(doneMs, c.untilMs ?? now)
      }
      record.terminating = {sinceMs: now, doneMs}
      await this.flushEvents()
      writePodRecord(this.ctx.state, this.pod.metadata.uid ?? '', record)
    }
    if (now < record.terminating.doneMs) return record.terminating.doneMs
    await deletePod(this.pod, record, this.ctx)
    return undefined
  }

  /** One pass of transitions due by now; true when something moved. */
  private step(now: number): boolean {
    let progressed = false
    for (const {spec, init} of podContainers(this.pod)) {
      const c = this.container(spec.name)
      while (c.untilMs !== undefined && c.untilMs <= now) {
        endStage(c, this.stageContext(spec, init))
        progressed = true
      }
    }
    if (now < this.record.sandboxReadyMs) return progressed
    // init containers one at a time, each after the previous succeeded
    let readyFrom = this.record.sandboxReadyMs
    for (const spec of this.pod.spec?.initContainers ?? []) {
      const c = this.container(spec.name)
      if (c.stage === 'waiting') {
        beginPull(c, readyFrom, this.stageContext(spec, true))
        return true
      }
      if (c.stage !== 'exited' || c.finished?.exitCode !== 0) return progressed
      readyFrom = Math.max(readyFrom, c.finished.finishedAtMs)
    }
    // app containers in order, each once the one before it has been started (or failed to)
    for (const spec of this.pod.spec?.containers ?? []) {
      const c = this.container(spec.name)
      if (c.stage === 'waiting') {
        beginPull(c, readyFrom, this.stageContext(spec, false))
        return true
      }
      if (c.stage === 'pulling' || c.stage === 'creating') return progressed
      readyFrom = Math.max(readyFrom, c.sinceMs)
    }
    return progressed
  }

  private container(name: string): ContainerRecord {
    let c = this.record.containers[name]
    if (!c) {
      c = {stage: 'waiting', sinceMs: this.record.startMs, restartCount: 0}
      this.record.containers[name] = c
    }
    return c
  }

  private readiness(spec: ContainerSpec, c: ContainerRecord, now: number): {ready: boolean; changesAtMs?: number} {
    if (c.stage !== 'running' || c.startedAtMs === undefined) return {ready: false}
    const probe = spec.readinessProbe
    if (!probe) return {ready: true}
    const timeline = this.timeline(spec, c.startedAtMs)
    const oracle = probeOracle(probe, timeline, {image: spec.image ?? '', env: this.env(spec)})
    const result = readinessAt(probe, oracle, timeline, now - c.startedAtMs)
    return result.changesAtMs === undefined
      ? {ready: result.ready}
      : {ready: result.ready, changesAtMs: c.startedAtMs + result.changesAtMs}
  }

  private stageContext(spec: ContainerSpec, init: boolean, gracePeriodMs?: number): StageContext {
    const store = this.ctx.state
    const node = this.record.node
    return {
      pod: {uid: this.pod.metadata.uid ?? '', formatted: formatPod(this.pod)},
      record: this.record,
      spec,
      init,
      restartPolicy: this.pod.spec?.restartPolicy ?? 'Always',
      gracePeriodMs: gracePeriodMs ?? (this.pod.spec?.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS) * 1000,
      nodeHasImage: (image) => nodeImages(store, node).has(image),
      addNodeImage: (image) => addNodeImage(store, node, image),
      timeline: (startMs) => this.timeline(spec, startMs),
      env: this.env(spec),
      emit: (event) => this.emit(spec, init, event),
    }
  }

  private env(spec: ContainerSpec): Map<string, string> {
    return containerEnv(this.pod, spec, {podIP: this.record.podIP, hostIP: this.hostIP})
  }

  private timeline(spec: ContainerSpec, startMs: number): Timeline {
    const key = `${spec.name}@${startMs}`
    let timeline = this.timelines.get(key)
    if (!timeline) {
      timeline = containerTimeline({
        image: spec.image ?? '',
        command: spec.command,
        args: spec.args,
        env: this.env(spec),
        startEpochMs: startMs,
        podIP: this.record.podIP,
      })
      this.timelines.set(key, timeline)
    }
    return timeline
  }

  private emit(spec: ContainerSpec, init: boolean, event: StageEvent): void {
    this.events.push({event, fieldPath: containerFieldPath(spec.name, init)})
  }

  private async flushEvents(): Promise<void> {
    for (const {event, fieldPath} of this.events) {
      await this.ctx.events.record(this.pod, {...event, component: 'kubelet', host: this.record.node, fieldPath})
    }
    this.events.length = 0
  }

  private async publish(now: number, readiness: (name: string) => boolean): Promise<void> {
    const status = podStatus(this.pod, this.record, {
      nowMs: now,
      hostIP: this.hostIP,
      readiness,
      formattedPod: formatPod(this.pod),
    })
    if (JSON.stringify(this.record) !== this.savedRecord)
      writePodRecord(this.ctx.state, this.pod.metadata.uid ?? '', this.record)
    await this.flushEvents()
    if (JSON.stringify(status) === JSON.stringify(this.pod.status)) return
    await this.ctx.api.update({...this.pod, status}, {subresource: 'status'})
  }
}
