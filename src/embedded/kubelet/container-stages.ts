import {createHash} from 'node:crypto'
import {drawBetween, seededRandom} from '../clock/seeded-random.js'
import {isInBackOffSince, isInBackOffSinceUpdate, nextBackoff} from './backoff.js'
import {exitOf, type Timeline} from './container-runtime/timeline.js'
import {defaultPullPolicy, imageSizeBytes, parseImageReference, pullDurationMs, pullError} from './images.js'
import type {ContainerRecord, PodRecord} from './pod-record.js'
import type {ContainerSpec} from './pod-spec.js'
import {initialProbeState} from './probes.js'
import type {StageEvent, StageSubject} from './stage-machine.js'
import type {ContainerEffect, ContainerGuard, ContainerStage, ContainerTrigger} from './stage-table.js'
import {formatGoDuration} from './wording.js'

/**
 * What the container table's names mean (stage-table.ts CONTAINER_RULES): the moments of its triggers, drawn
 * from the record and the container's program; its guards; its bookkeeping. All moments are cluster ms.
 */

/** What a container's rules need besides its record. */
export interface ContainerSituation {
  pod: {uid: string; formatted: string; restartPolicy: string}
  record: PodRecord
  spec: ContainerSpec
  init: boolean
  /** the grace period a deletion gives the container (deletionGracePeriodSeconds) */
  deletionGraceMs: number
  /** the grace period a failed liveness probe gives it (the probe's, else the pod's) */
  livenessGraceMs: number
  /** when the pod lets the container begin (pod-stages.ts containerTurns) */
  turnMs: number | undefined
  nodeHasImage(image: string): boolean
  addNodeImage(image: string): void
  /** the container's program for a run starting at startMs */
  timeline(startMs: number): Timeline
  emit(event: StageEvent, atMs: number): void
}

// containerd takes this long to create and start a container
const MIN_CREATE_MS = 80
const MAX_CREATE_MS = 400
// kubelet's pod worker re-syncs a pod whose sync failed after a jittered 10s (pod_workers.go backOffPeriod)
const MIN_RESYNC_MS = 10_000
const MAX_RESYNC_MS = 15_000
// a well-known server stops within this long of SIGTERM
const SERVER_STOP_MS = 300
// SIGKILL's exit code (128 + 9)
const KILLED_EXIT_CODE = 137

/** One container under the container table. */
export class ContainerStages implements StageSubject<
  ContainerStage,
  ContainerTrigger,
  ContainerGuard,
  ContainerEffect
> {
  constructor(
    readonly container: ContainerRecord,
    private readonly situation: ContainerSituation,
  ) {}

  stage(): ContainerStage {
    return this.container.stage
  }

  momentOf(trigger: ContainerTrigger): number | undefined {
    const c = this.container
    const {pod, record} = this.situation
    const name = this.situation.spec.name
    switch (trigger) {
      case 'at-once':
        return c.sinceMs
      case 'its-turn':
        return this.situation.turnMs === undefined ? undefined : Math.max(c.sinceMs, this.situation.turnMs)
      case 'image-pulled':
        return c.sinceMs + pullDurationMs(this.image, `${pod.uid}:${name}:${c.restartCount}:${c.sinceMs}`)
      case 'container-created':
        return (
          c.sinceMs +
          drawBetween(seededRandom(`create:${pod.uid}:${name}:${c.restartCount}`), MIN_CREATE_MS, MAX_CREATE_MS)
        )
      case 'pod-resync':
        return (
          c.sinceMs + drawBetween(seededRandom(`resync:${pod.uid}:${name}:${c.sinceMs}`), MIN_RESYNC_MS, MAX_RESYNC_MS)
        )
      case 'image-backoff-over': {
        const entry = record.imageBackoff[this.image]
        return entry ? Math.max(c.sinceMs, entry.lastUpdateMs + entry.delayMs) : c.sinceMs
      }
      case 'crash-backoff-over':
        return c.sinceMs + (c.crashBackoff?.delayMs ?? 0)
      case 'program-exited': {
        const startedAt = c.startedAtMs ?? c.sinceMs
        const exit = exitOf(this.situation.timeline(startedAt))
        return exit === undefined ? undefined : Math.max(c.sinceMs, startedAt + exit.atMs)
      }
      case 'liveness-failed':
        return c.livenessFailedAtMs
      case 'pod-deleted':
        return record.deletionSeenMs === undefined ? undefined : Math.max(c.sinceMs, record.deletionSeenMs)
      case 'stop-finished':
        return c.sinceMs + (c.stopAfterMs ?? 0)
    }
  }

  holds(guard: ContainerGuard, atMs: number): boolean {
    const c = this.container
    const policy = this.pullPolicy
    switch (guard) {
      case 'pod-active':
        return isPodActive(this.situation.record, atMs)
      case 'image-never-pulled':
        return policy === 'Never' && !this.imagePresent
      case 'image-present':
        return policy !== 'Always' && this.imagePresent
      case 'image-in-backoff':
        return isInBackOffSinceUpdate(this.situation.record.imageBackoff[this.image], atMs)
      case 'pull-allowed':
        return policy !== 'Never'
      case 'pull-fails':
        return pullError(this.image) !== undefined
      case 'restart-policy-restarts':
        return restarts(this.situation, c.finished?.exitCode ?? 0)
      case 'crash-backoff-active':
        return isInBackOffSince(c.crashBackoff, c.finished?.finishedAtMs ?? atMs, atMs)
      case 'command-unsupported':
        return c.restartCount === 0 && this.situation.timeline(atMs).unsupported !== undefined
    }
  }

  placeholder(name: string, atMs: number): string {
    const values: Record<string, () => string> = {
      image: () => this.image,
      container: () => this.situation.spec.name,
      pod: () => this.situation.pod.formatted,
      pullError: () => pullError(this.image) ?? '',
      neverPullError: () => neverPullMessage(this.image),
      pullTook: () => formatGoDuration(atMs - this.container.sinceMs),
      imageSize: () => String(imageSizeBytes(this.image)),
      unsupported: () => this.situation.timeline(atMs).unsupported ?? '',
    }
    return values[name]?.() ?? `{${name}}`
  }

  apply(effect: ContainerEffect, atMs: number): void {
    const c = this.container
    const {record, spec, pod} = this.situation
    switch (effect) {
      case 'note-never-pull-error':
        c.pullError = neverPullMessage(this.image)
        return
      case 'note-pull-error':
        record.imageBackoff[this.image] = nextBackoff(record.imageBackoff[this.image], atMs)
        c.pullError = pullError(this.image) ?? ''
        return
      case 'note-image-pulled':
        this.situation.addNodeImage(parseImageReference(this.image).normalized)
        c.pulled = true
        delete c.pullError
        return
      case 'begin-run':
        c.startedAtMs = atMs
        c.pulled = true
        delete c.pullError
        delete c.livenessFailedAtMs
        c.containerID = `containerd://${createHash('sha256').update(`${pod.uid}/${spec.name}/${c.restartCount}`).digest('hex')}`
        c.probes = {}
        if (spec.livenessProbe) c.probes.Liveness = initialProbeState('Liveness')
        if (spec.readinessProbe) c.probes.Readiness = initialProbeState('Readiness')
        return
      case 'term-for-deletion':
        c.stopAfterMs = this.stopAfterMs(this.situation.deletionGraceMs)
        return
      case 'term-for-liveness':
        c.stopAfterMs = this.stopAfterMs(this.situation.livenessGraceMs)
        return
      case 'end-run-by-exit':
        return this.endRun(exitOf(this.situation.timeline(c.startedAtMs ?? c.sinceMs))?.code ?? 0, atMs)
      case 'end-run-by-signal':
        return this.endRun(this.handlesSigterm ? 0 : KILLED_EXIT_CODE, atMs)
      case 'restart':
        c.crashBackoff = nextBackoff(c.crashBackoff, c.finished?.finishedAtMs ?? atMs)
        if (c.finished) c.lastRun = c.finished
        delete c.finished
        delete c.startedAtMs
        delete c.probes
        delete c.livenessFailedAtMs
        c.restartCount += 1
        return
    }
  }

  enter(stage: ContainerStage, atMs: number): void {
    this.container.stage = stage
    this.container.sinceMs = atMs
    if (stage !== 'killing') delete this.container.stopAfterMs
  }

  emit(event: StageEvent, atMs: number): void {
    this.situation.emit(event, atMs)
  }

  private get image(): string {
    return this.situation.spec.image ?? ''
  }

  private get pullPolicy(): string {
    return this.situation.spec.imagePullPolicy ?? defaultPullPolicy(this.image)
  }

  private get imagePresent(): boolean {
    return this.situation.nodeHasImage(parseImageReference(this.image).normalized)
  }

  // A shell or sleep running as PID 1 has no SIGTERM handler, so the kernel ignores the signal: only SIGKILL,
  // at the end of the grace period, stops it. Images' own servers (no command) handle SIGTERM.
  private get handlesSigterm(): boolean {
    const {spec} = this.situation
    return (spec.command ?? []).length === 0 && (spec.args ?? []).length === 0
  }

  private stopAfterMs(graceMs: number): number {
    return Math.min(this.handlesSigterm ? SERVER_STOP_MS : graceMs, graceMs)
  }

  private endRun(exitCode: number, atMs: number): void {
    const c = this.container
    c.finished = {
      startedAtMs: c.startedAtMs ?? c.sinceMs,
      finishedAtMs: atMs,
      exitCode,
      reason: exitCode === 0 ? 'Completed' : 'Error',
      containerID: c.containerID ?? '',
    }
  }
}

/** Whether the pod is still wanted at a moment: the kubelet had not yet seen its deletion. */
export function isPodActive(record: PodRecord, atMs: number): boolean {
  return record.deletionSeenMs === undefined || atMs < record.deletionSeenMs
}

// kuberuntime_manager.go computePodActions / ShouldContainerBeRestarted (v1.32)
function restarts(situation: ContainerSituation, exitCode: number): boolean {
  const policy = situation.pod.restartPolicy
  if (situation.init) return exitCode !== 0 && policy !== 'Never'
  return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0)
}

function neverPullMessage(image: string): string {
  return `Container image "${image}" is not present with pull policy of Never`
}
