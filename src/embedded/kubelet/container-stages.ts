import {createHash} from 'node:crypto'
import {drawBetween, seededRandom} from '../clock/seeded-random.js'
import {isInBackOffSince, isInBackOffSinceUpdate, nextBackoff} from './backoff.js'
import {exitOf, type Timeline} from './container-runtime/timeline.js'
import {defaultPullPolicy, imageSizeBytes, parseImageReference, pullDurationMs, pullError} from './images.js'
import type {ContainerRecord, PodRecord} from './pod-record.js'
import type {ContainerSpec, ProbeSpec} from './pod-spec.js'
import {livenessKill, probeOracle} from './probes.js'
import {formatGoDuration} from './wording.js'

/**
 * The container stage table, kwok's idea of a lifecycle as stages: each stage has an end moment
 * (`untilMs`) and what happens there. waiting -> pulling -> creating -> running -> (killing) -> exited,
 * with pull-failed/pull-backoff around a failing pull and crash-backoff before a restart. All moments
 * are cluster milliseconds; the kubelet controller sets a timer at the earliest `untilMs`.
 */

/** An event a stage transition reports, as kubelet's recorder would. */
export interface StageEvent {
  type: 'Normal' | 'Warning'
  reason: string
  message: string
}

/** What a transition needs besides the container's record. */
export interface StageContext {
  pod: {uid: string; formatted: string}
  record: PodRecord
  spec: ContainerSpec
  init: boolean
  restartPolicy: string
  /** the grace period a kill waits before SIGKILL */
  gracePeriodMs: number
  nodeHasImage(image: string): boolean
  addNodeImage(image: string): void
  /** the container's program for a run starting at startMs */
  timeline(startMs: number): Timeline
  /** environment, for exec probes */
  env: ReadonlyMap<string, string>
  emit(event: StageEvent): void
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

const imageOf = (spec: ContainerSpec): string => spec.image ?? ''

/** Begins a container's run: the image first (pull, back-off, or already present). */
export function beginPull(c: ContainerRecord, atMs: number, ctx: StageContext): void {
  const image = imageOf(ctx.spec)
  const policy = ctx.spec.imagePullPolicy ?? defaultPullPolicy(image)
  const present = ctx.nodeHasImage(parseImageReference(image).normalized)
  c.sinceMs = atMs
  if (policy === 'Never' || (policy === 'IfNotPresent' && present)) {
    if (!present) {
      c.stage = 'pull-failed'
      c.pullError = `Container image "${image}" is not present with pull policy of Never`
      delete c.untilMs
      ctx.emit({type: 'Warning', reason: 'ErrImageNeverPull', message: c.pullError})
      return
    }
    ctx.emit({type: 'Normal', reason: 'Pulled', message: `Container image "${image}" already present on machine`})
    toCreating(c, atMs, ctx)
    return
  }
  const backoff = ctx.record.imageBackoff[image]
  if (backoff && isInBackOffSinceUpdate(backoff, atMs)) {
    c.stage = 'pull-backoff'
    c.untilMs = backoff.lastUpdateMs + backoff.delayMs
    ctx.emit({type: 'Normal', reason: 'BackOff', message: `Back-off pulling image "${image}"`})
    ctx.emit({type: 'Warning', reason: 'Failed', message: 'Error: ImagePullBackOff'})
    return
  }
  c.stage = 'pulling'
  c.untilMs =
    atMs + pullDurationMs(image, `${ctx.pod.uid}:${ctx.spec.name}:${c.restartCount}:${backoff?.lastUpdateMs ?? 0}`)
  ctx.emit({type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`})
}

function toCreating(c: ContainerRecord, atMs: number, ctx: StageContext): void {
  c.stage = 'creating'
  c.sinceMs = atMs
  delete c.pullError
  c.untilMs =
    atMs +
    drawBetween(seededRandom(`create:${ctx.pod.uid}:${ctx.spec.name}:${c.restartCount}`), MIN_CREATE_MS, MAX_CREATE_MS)
}

/** What happens when a container's stage ends at `c.untilMs`. */
export function endStage(c: ContainerRecord, ctx: StageContext): void {
  const atMs = c.untilMs ?? c.sinceMs
  delete c.untilMs
  switch (c.stage) {
    case 'pulling':
      return endPull(c, atMs, ctx)
    case 'pull-failed':
    case 'pull-backoff':
      return beginPull(c, atMs, ctx)
    case 'creating':
      return start(c, atMs, ctx)
    case 'running':
      return endRun(c, atMs, ctx)
    case 'killing':
      return finish(c, atMs, stopsOnTerm(ctx) ? 0 : KILLED_EXIT_CODE, ctx)
    case 'crash-backoff':
      c.crashBackoff = nextBackoff(c.crashBackoff, c.finished?.finishedAtMs ?? atMs)
      return restart(c, atMs, ctx)
    case 'waiting':
    case 'exited':
      return
  }
}

function endPull(c: ContainerRecord, atMs: number, ctx: StageContext): void {
  const image = imageOf(ctx.spec)
  const error = pullError(image)
  if (error !== undefined) {
    ctx.emit({type: 'Warning', reason: 'Failed', message: `Failed to pull image "${image}": ${error}`})
    ctx.emit({type: 'Warning', reason: 'Failed', message: 'Error: ErrImagePull'})
    ctx.record.imageBackoff[image] = nextBackoff(ctx.record.imageBackoff[image], atMs)
    c.stage = 'pull-failed'
    c.pullError = error
    c.sinceMs = atMs
    c.untilMs =
      atMs + drawBetween(seededRandom(`resync:${ctx.pod.uid}:${ctx.spec.name}:${atMs}`), MIN_RESYNC_MS, MAX_RESYNC_MS)
    return
  }
  const took = formatGoDuration(atMs - c.sinceMs)
  ctx.emit({
    type: 'Normal',
    reason: 'Pulled',
    message: `Successfully pulled image "${image}" in ${took} (${took} including waiting). Image size: ${imageSizeBytes(image)} bytes.`,
  })
  ctx.addNodeImage(parseImageReference(image).normalized)
  c.pulled = true
  toCreating(c, atMs, ctx)
}

function start(c: ContainerRecord, atMs: number, ctx: StageContext): void {
  ctx.emit({type: 'Normal', reason: 'Created', message: `Created container: ${ctx.spec.name}`})
  ctx.emit({type: 'Normal', reason: 'Started', message: `Started container ${ctx.spec.name}`})
  c.stage = 'running'
  c.sinceMs = atMs
  c.startedAtMs = atMs
  c.pulled = true
  c.containerID = `containerd://${createHash('sha256').update(`${ctx.pod.uid}/${ctx.spec.name}/${c.restartCount}`).digest('hex')}`
  const unsupported = ctx.timeline(atMs).unsupported
  if (unsupported !== undefined && c.restartCount === 0) {
    ctx.emit({
      type: 'Warning',
      reason: 'UnsupportedCommand',
      message: `skiff cannot simulate the command of container ${ctx.spec.name} (${unsupported}); it runs quietly and never exits`,
    })
  }
  const end = runEnd(c, ctx)
  if (end !== undefined) c.untilMs = end
}

/** When the current run ends by itself: its program exits, or its liveness probe kills it. */
function runEnd(c: ContainerRecord, ctx: StageContext): number | undefined {
  const startedAt = c.startedAtMs ?? c.sinceMs
  const timeline = ctx.timeline(startedAt)
  const exit = exitOf(timeline)
  const kill = livenessOf(ctx.spec) ? livenessKillOf(ctx.spec.livenessProbe, timeline, ctx) : undefined
  const candidates = [exit?.atMs, kill?.atMs].filter((ms): ms is number => ms !== undefined)
  return candidates.length === 0 ? undefined : startedAt + Math.min(...candidates)
}

function livenessOf(spec: ContainerSpec): boolean {
  return spec.livenessProbe !== undefined
}

function livenessKillOf(
  probe: ProbeSpec | undefined,
  timeline: Timeline,
  ctx: StageContext,
): ReturnType<typeof livenessKill> {
  if (!probe) return undefined
  return livenessKill(probe, probeOracle(probe, timeline, {image: imageOf(ctx.spec), env: ctx.env}), timeline)
}

function endRun(c: ContainerRecord, atMs: number, ctx: StageContext): void {
  const startedAt = c.startedAtMs ?? c.sinceMs
  const timeline = ctx.timeline(startedAt)
  const exit = exitOf(timeline)
  if (exit !== undefined && startedAt + exit.atMs <= atMs) return finish(c, atMs, exit.code, ctx)
  const kill = livenessKillOf(ctx.spec.livenessProbe, timeline, ctx)
  for (const failure of kill?.failures ?? []) {
    const detail = failure.output === '' ? '' : ` ${failure.output}`
    ctx.emit({type: 'Warning', reason: 'Unhealthy', message: `Liveness probe failed:${detail}`})
  }
  ctx.emit({
    type: 'Normal',
    reason: 'Killing',
    message: `Container ${ctx.spec.name} failed liveness probe, will be restarted`,
  })
  beginKill(c, atMs, ctx)
}

/** SIGTERM now; the container is gone when its program handles it, or at the end of the grace period. */
export function beginKill(c: ContainerRecord, atMs: number, ctx: StageContext): void {
  c.stage = 'killing'
  c.sinceMs = atMs
  c.untilMs = atMs + Math.min(stopsOnTerm(ctx) ? SERVER_STOP_MS : ctx.gracePeriodMs, ctx.gracePeriodMs)
}

// A shell or sleep running as PID 1 has no SIGTERM handler, so the kernel ignores the signal: only SIGKILL,
// at the end of the grace period, stops it. Images' own servers (no command) handle SIGTERM.
function stopsOnTerm(ctx: StageContext): boolean {
  return (ctx.spec.command ?? []).length === 0 && (ctx.spec.args ?? []).length === 0
}

function finish(c: ContainerRecord, atMs: number, exitCode: number, ctx: StageContext): void {
  c.finished = {
    startedAtMs: c.startedAtMs ?? c.sinceMs,
    finishedAtMs: atMs,
    exitCode,
    reason: exitCode === 0 ? 'Completed' : 'Error',
    containerID: c.containerID ?? '',
  }
  c.stage = 'exited'
  c.sinceMs = atMs
  const restarts = ctx.init
    ? exitCode !== 0 && ctx.restartPolicy !== 'Never'
    : ctx.restartPolicy === 'Always' || (ctx.restartPolicy === 'OnFailure' && exitCode !== 0)
  if (!restarts) return
  // kuberuntime doBackOff: the first crash restarts at once; later ones wait while the back-off runs
  const entry = c.crashBackoff
  if (entry && isInBackOffSince(entry, atMs, atMs)) {
    c.stage = 'crash-backoff'
    c.untilMs = atMs + entry.delayMs
    ctx.emit({
      type: 'Warning',
      reason: 'BackOff',
      message: `Back-off restarting failed container ${ctx.spec.name} in pod ${ctx.pod.formatted}`,
    })
    return
  }
  c.crashBackoff = nextBackoff(entry, atMs)
  restart(c, atMs, ctx)
}

function restart(c: ContainerRecord, atMs: number, ctx: StageContext): void {
  if (c.finished) c.lastRun = c.finished
  delete c.finished
  delete c.startedAtMs
  c.restartCount += 1
  beginPull(c, atMs, ctx)
}
