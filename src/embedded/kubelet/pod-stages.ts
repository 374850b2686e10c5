import {drawBetween, seededRandom} from '../clock/seeded-random.js'
import {isPodActive} from './container-stages.js'
import type {ContainerRecord, PodRecord} from './pod-record.js'
import {podContainers, type KubeletPod} from './pod-spec.js'
import type {StageEvent, StageSubject} from './stage-machine.js'
import type {ContainerStage, PodEffect, PodGuard, PodStage, PodTrigger} from './stage-table.js'

/**
 * What the pod table's names mean (stage-table.ts POD_RULES), and the order in which the pod lets its
 * containers begin: init containers one at a time, each after the previous succeeded, then the app containers
 * in order, each once the one before it has started or failed to (kuberuntime_manager.go computePodActions).
 */

/** The node a pod runs on, as its kubelet sees it. */
export interface NodeSituation {
  /** when the node was last powered on (0: never off) */
  bootMs: number
  /** when it last lost power, if it ever did */
  lastPowerOffMs?: number
  /** the node's podCIDR range, as host-local words it: 10.244.1.1-10.244.1.254 */
  addressRange: string
}

/** What a pod's rules need besides its record. */
export interface PodSituation {
  pod: KubeletPod
  node: NodeSituation
  /** host-local IPAM: an address for the pod, undefined when the range is full */
  allocateAddress(): string | undefined
  emit(event: StageEvent, atMs: number): void
}

// creating a pod sandbox (pause container, network) takes this long
const MIN_SANDBOX_MS = 300
const MAX_SANDBOX_MS = 1_500
// kubelet's pod worker re-syncs a pod whose sync failed after a jittered 10s (pod_workers.go backOffPeriod)
const MIN_RESYNC_MS = 10_000
const MAX_RESYNC_MS = 15_000
// what containerd reports for a container that was running when its machine lost power
const LOST_EXIT_CODE = 255
const LOST_REASON = 'Unknown'
// the stages in which a container has a run under way
const RUNNING: ReadonlySet<ContainerStage> = new Set(['running', 'killing'])

/** The moment a sandbox created at startMs is up. */
export function sandboxReadyAt(uid: string, startMs: number): number {
  return startMs + drawBetween(seededRandom(`sandbox:${uid}:${startMs}`), MIN_SANDBOX_MS, MAX_SANDBOX_MS)
}

/** A pod under the pod table. */
export class PodStages implements StageSubject<PodStage, PodTrigger, PodGuard, PodEffect> {
  constructor(
    readonly record: PodRecord,
    private readonly situation: PodSituation,
  ) {}

  stage(): PodStage {
    return this.record.stage
  }

  momentOf(trigger: PodTrigger): number | undefined {
    const r = this.record
    switch (trigger) {
      case 'sandbox-created':
        return Math.max(r.sinceMs, r.sandboxReadyMs)
      case 'pod-resync':
        return r.sinceMs + drawBetween(seededRandom(`resync:${this.uid}:${r.sinceMs}`), MIN_RESYNC_MS, MAX_RESYNC_MS)
      case 'pod-deleted':
        return r.deletionSeenMs === undefined ? undefined : Math.max(r.sinceMs, r.deletionSeenMs)
      case 'power-lost': {
        const {bootMs, lastPowerOffMs} = this.situation.node
        return bootMs > (r.bootMs ?? r.startMs) ? Math.max(r.sinceMs, lastPowerOffMs ?? bootMs) : undefined
      }
      case 'containers-stopped': {
        const containers = Object.values(r.containers)
        if (containers.some((c) => RUNNING.has(c.stage))) return undefined
        return Math.max(r.sinceMs, ...containers.map((c) => c.sinceMs))
      }
    }
  }

  holds(guard: PodGuard, atMs: number): boolean {
    switch (guard) {
      case 'pod-active':
        return isPodActive(this.record, atMs)
      case 'pod-active-at-boot':
        return isPodActive(this.record, this.situation.node.bootMs)
      case 'has-address':
        return this.record.podIP !== ''
      case 'restarts-after-reboot':
        // computePodActions: a restartPolicy Never pod whose containers were created gets no new sandbox
        return (
          (this.situation.pod.spec?.restartPolicy ?? 'Always') !== 'Never' ||
          Object.values(this.record.containers).every((c) => c.containerID === undefined)
        )
    }
  }

  placeholder(name: string): string {
    return name === 'addressRange' ? this.situation.node.addressRange : `{${name}}`
  }

  apply(effect: PodEffect, atMs: number): void {
    const r = this.record
    switch (effect) {
      case 'allocate-address':
        r.podIP = this.situation.allocateAddress() ?? ''
        return
      case 'retry-sandbox':
        r.sandboxReadyMs = sandboxReadyAt(this.uid, atMs)
        return
      case 'lose-containers':
        r.bootMs = this.situation.node.bootMs
        for (const c of Object.values(r.containers)) loseContainer(c, atMs)
        return
      case 'recreate-sandbox':
        // a restarted kubelet has forgotten its back-offs; the new sandbox runs the init containers again
        r.imageBackoff = {}
        r.sandboxReadyMs = sandboxReadyAt(this.uid, Math.max(atMs, this.situation.node.bootMs))
        for (const {spec, init} of podContainers(this.situation.pod)) {
          const c = r.containers[spec.name]
          // computePodActions starts every container again, but those that succeeded under OnFailure
          const succeeded = c?.stage === 'exited' && c.finished?.exitCode === 0
          if (c && !(succeeded && !init && this.situation.pod.spec?.restartPolicy === 'OnFailure'))
            requeueContainer(c, atMs)
        }
        return
    }
  }

  enter(stage: PodStage, atMs: number): void {
    this.record.stage = stage
    this.record.sinceMs = atMs
  }

  emit(event: StageEvent, atMs: number): void {
    this.situation.emit(event, atMs)
  }

  private get uid(): string {
    return this.situation.pod.metadata.uid ?? ''
  }
}

// the run under way ended with the power; a container that had not started yet never will in this sandbox
function loseContainer(c: ContainerRecord, atMs: number): void {
  if (RUNNING.has(c.stage)) {
    c.finished = {
      startedAtMs: c.startedAtMs ?? c.sinceMs,
      finishedAtMs: atMs,
      exitCode: LOST_EXIT_CODE,
      reason: LOST_REASON,
      containerID: c.containerID ?? '',
    }
  }
  if (c.stage !== 'waiting') {
    c.stage = 'exited'
    c.sinceMs = atMs
  }
  delete c.probes
  delete c.livenessFailedAtMs
  delete c.stopAfterMs
}

// back to waiting for its turn in the new sandbox, as the next attempt of a container that had been created
function requeueContainer(c: ContainerRecord, atMs: number): void {
  if (c.finished) c.lastRun = c.finished
  const created = c.containerID !== undefined
  delete c.finished
  delete c.startedAtMs
  delete c.crashBackoff
  if (created && c.stage !== 'waiting') c.restartCount += 1
  c.stage = 'waiting'
  c.sinceMs = atMs
}

/** When each waiting container may begin, by name: only the containers whose turn has come. */
export function containerTurns(pod: KubeletPod, record: PodRecord): Map<string, number> {
  const turns = new Map<string, number>()
  if (record.stage !== 'running') return turns
  let readyFrom = record.sandboxReadyMs
  for (const spec of pod.spec?.initContainers ?? []) {
    const c = record.containers[spec.name]
    if (!c || c.stage === 'waiting') {
      turns.set(spec.name, readyFrom)
      return turns
    }
    if (c.stage !== 'exited' || c.finished?.exitCode !== 0) return turns
    readyFrom = Math.max(readyFrom, c.finished.finishedAtMs)
  }
  for (const spec of pod.spec?.containers ?? []) {
    const c = record.containers[spec.name]
    if (!c || c.stage === 'waiting') {
      turns.set(spec.name, readyFrom)
      return turns
    }
    if (c.stage === 'image-check' || c.stage === 'pulling' || c.stage === 'creating') return turns
    readyFrom = Math.max(readyFrom, c.sinceMs)
  }
  return turns
}
