import {runProbeCommand} from './container-runtime/program.js'
import {filesAt, nextFileChange, type Timeline} from './container-runtime/timeline.js'
import type {ProbeSpec} from './pod-spec.js'

/**
 * The kubelet's probe workers (pkg/kubelet/prober/worker.go, v1.32) without running every period: probe k of a
 * run happens k periods after the container started (those before initialDelaySeconds are skipped); the result
 * the kubelet reports changes after successThreshold successes or failureThreshold failures in a row, and each
 * failure records an Unhealthy event. httpGet, tcpSocket and grpc probes succeed while the container runs; an
 * exec probe runs through the interpreter against the container's simulated files, whose answer can only change
 * when a file does, so a walk jumps from one file change to the next.
 */

// v1.32 probe defaults (pkg/apis/core/v1/defaults.go)
const DEFAULT_PERIOD_SECONDS = 10
const DEFAULT_FAILURE_THRESHOLD = 3
const DEFAULT_SUCCESS_THRESHOLD = 1
// a loop that changes files each iteration is walked stretch by stretch, this many per walk at most
const MAX_STRETCHES_WALKED = 2_000

/** prober.go probeType.String(): the word the Unhealthy events start with. */
export type ProbeType = 'Liveness' | 'Readiness'

/** A probe's result as the kubelet reports it. */
export type ProbeResult = 'success' | 'failure'

/** A probe worker's memory (worker.go lastResult/resultRun, and the results manager's value). */
export interface ProbeState {
  /** what the kubelet reports: readiness starts as failure, liveness as success (worker.go initialValue) */
  result: ProbeResult
  /** the last probe's outcome, and how many probes in a row gave it */
  last?: ProbeResult
  run: number
  /** the index of the last probe walked (probe k runs k periods after the start) */
  probed?: number
}

/** One probe's answer. */
export interface ProbeOutcome {
  ok: boolean
  output: string
}

/** A probe's answer at a moment (ms after the container started), and when that answer may next change. */
export interface ProbeOracle {
  at(atMs: number): ProbeOutcome
  nextChange(afterMs: number): number | undefined
}

/** One run of a container's probe. */
export interface ProbeRun {
  type: ProbeType
  probe: ProbeSpec
  oracle: ProbeOracle
  /** when the run started (cluster ms) */
  startedAtMs: number
}

/** A probe that matters: a failure whose Unhealthy event gets through, or a change of the reported result. */
export interface ProbeStep {
  atMs: number
  /** the failed probe's output, when its event is recorded */
  failure?: string
  changedTo?: ProbeResult
}

/** The state a worker starts a run with. */
export function initialProbeState(type: ProbeType): ProbeState {
  return {result: type === 'Readiness' ? 'failure' : 'success', run: 0}
}

/** The Unhealthy event's message for a failed probe (prober.go, "%s probe failed: %s"). */
export function probeFailureMessage(type: ProbeType, output: string): string {
  return `${type} probe failed: ${output}`
}

/** The oracle for a container's probe: exec probes read the timeline's files at the probe's moment. */
export function probeOracle(
  probe: ProbeSpec,
  timeline: Timeline,
  options: {image: string; env: ReadonlyMap<string, string>},
): ProbeOracle {
  const command = probe.exec?.command
  if (!command || command.length === 0) return {at: () => ({ok: true, output: ''}), nextChange: () => undefined}
  return {
    at(atMs) {
      const result = runProbeCommand(command, filesAt(timeline, atMs), options)
      return {ok: result.code === 0, output: result.output.replace(/\n$/, '')}
    },
    nextChange: (afterMs) => nextFileChange(timeline, afterMs),
  }
}

/**
 * Walks a run's probes after the last one walked, up to untilMs, and stops at the first that matters. A failure
 * matters when `eventAllowedMs` (the recorder's spam filter) lets its event through at that moment.
 * `resumeAtMs` says when to walk on when a busy program stopped the walk early.
 */
export function walkProbes(
  run: ProbeRun,
  state: ProbeState,
  untilMs: number,
  eventAllowedMs: (atMs: number) => number,
): {state: ProbeState; step?: ProbeStep; resumeAtMs?: number} {
  const {periodMs, firstProbe, successThreshold, failureThreshold} = scheduleOf(run.probe)
  const s: ProbeState = {...state}
  const probeAt = (k: number): number => run.startedAtMs + k * periodMs
  const lastBefore = Math.floor((untilMs - run.startedAtMs) / periodMs)
  let k = s.probed === undefined ? firstProbe : s.probed + 1
  for (let stretch = 0; stretch < MAX_STRETCHES_WALKED; stretch++) {
    if (k > lastBefore) return {state: s}
    const outcome = run.oracle.at(k * periodMs)
    const result: ProbeResult = outcome.ok ? 'success' : 'failure'
    // the answer holds for every probe before the next file change
    const change = run.oracle.nextChange(k * periodMs)
    const last = Math.min(
      lastBefore,
      change === undefined ? Number.POSITIVE_INFINITY : Math.ceil(change / periodMs) - 1,
    )
    const runBefore = s.last === result ? s.run : 0
    const threshold = outcome.ok ? successThreshold : failureThreshold
    const flipAt = s.result === result ? undefined : k + Math.max(0, threshold - runBefore - 1)
    const eventAt = outcome.ok ? undefined : Math.ceil((eventAllowedMs(probeAt(k)) - run.startedAtMs) / periodMs)
    const stepAt = Math.min(flipAt ?? Number.POSITIVE_INFINITY, eventAt ?? Number.POSITIVE_INFINITY)
    if (stepAt <= last) {
      Object.assign(s, {last: result, run: runBefore + (stepAt - k + 1), probed: stepAt})
      const step: ProbeStep = {atMs: probeAt(stepAt)}
      if (stepAt === eventAt) step.failure = outcome.output
      if (stepAt === flipAt) {
        s.result = result
        step.changedTo = result
      }
      return {state: s, step}
    }
    // an answer that never changes again and matters no more: nothing to walk
    if (last === Number.POSITIVE_INFINITY) return {state: s}
    Object.assign(s, {last: result, run: runBefore + (last - k + 1), probed: last})
    k = last + 1
  }
  return {state: s, resumeAtMs: probeAt(k)}
}

function scheduleOf(probe: ProbeSpec): {
  periodMs: number
  firstProbe: number
  successThreshold: number
  failureThreshold: number
} {
  const periodMs = (probe.periodSeconds ?? DEFAULT_PERIOD_SECONDS) * 1000
  return {
    periodMs,
    // worker.go skips the probes that come before initialDelaySeconds
    firstProbe: Math.ceil(((probe.initialDelaySeconds ?? 0) * 1000) / periodMs),
    successThreshold: probe.successThreshold ?? DEFAULT_SUCCESS_THRESHOLD,
    failureThreshold: probe.failureThreshold ?? DEFAULT_FAILURE_THRESHOLD,
  }
}
