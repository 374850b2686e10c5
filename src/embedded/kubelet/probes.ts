import {runProbeCommand} from './container-runtime/program.js'
import {filesAt, nextFileChange, type Timeline} from './container-runtime/timeline.js'
import type {ProbeSpec} from './pod-spec.js'

/**
 * Probes without simulating every period: httpGet, tcpSocket and grpc probes succeed while the container
 * runs; an exec probe runs through the interpreter against the container's simulated files, whose answer
 * can only change when a file does, so the walk jumps from one file change to the next.
 */

// v1.32 probe defaults (pkg/apis/core/v1/defaults.go)
const DEFAULT_PERIOD_SECONDS = 10
const DEFAULT_FAILURE_THRESHOLD = 3
// a loop that changes files each iteration is walked probe by probe, this far at most
const MAX_PROBES_WALKED = 2_000

/** One probe's answer. */
export interface ProbeOutcome {
  ok: boolean
  output: string
}

/** How a probe's answer at a moment (ms after the container started) is decided. */
export type ProbeOracle = (atMs: number) => ProbeOutcome

/** The oracle for a container's probe: exec probes read the timeline's files at the probe's moment. */
export function probeOracle(
  probe: ProbeSpec,
  timeline: Timeline,
  options: {image: string; env: ReadonlyMap<string, string>},
): ProbeOracle {
  const command = probe.exec?.command
  if (!command || command.length === 0) return () => ({ok: true, output: ''})
  return (atMs) => {
    const result = runProbeCommand(command, filesAt(timeline, atMs), options)
    return {ok: result.code === 0, output: result.output.replace(/\n$/, '')}
  }
}

function schedule(probe: ProbeSpec): {delayMs: number; periodMs: number; failures: number} {
  return {
    delayMs: (probe.initialDelaySeconds ?? 0) * 1000,
    periodMs: (probe.periodSeconds ?? DEFAULT_PERIOD_SECONDS) * 1000,
    failures: probe.failureThreshold ?? DEFAULT_FAILURE_THRESHOLD,
  }
}

/**
 * The first moment (ms after start, after `fromMs`) when `failureThreshold` probes in a row have failed:
 * where a liveness probe kills the container. Undefined when that never happens.
 */
export function livenessKill(
  probe: ProbeSpec,
  oracle: ProbeOracle,
  timeline: Timeline,
  fromMs = 0,
): {atMs: number; failures: ProbeOutcome[]} | undefined {
  const {delayMs, periodMs, failures} = schedule(probe)
  let streak: ProbeOutcome[] = []
  let k = Math.max(0, Math.ceil((fromMs - delayMs) / periodMs))
  for (let walked = 0; walked < MAX_PROBES_WALKED; walked++, k++) {
    const atMs = delayMs + k * periodMs
    const outcome = oracle(atMs)
    if (outcome.ok) {
      streak = []
      // nothing changes before the next file change: jump to the first probe after it
      const change = nextFileChange(timeline, atMs)
      if (change === undefined) return undefined
      k = Math.max(k, Math.ceil((change - delayMs) / periodMs) - 1)
      continue
    }
    streak.push(outcome)
    if (streak.length >= failures) return {atMs, failures: streak}
  }
  return undefined
}

/**
 * Whether a readiness probe says ready at `atMs` (ms after start), and when that answer next changes.
 * Ready from the first successful probe; not ready after `failureThreshold` failures in a row.
 */
export function readinessAt(
  probe: ProbeSpec,
  oracle: ProbeOracle,
  timeline: Timeline,
  atMs: number,
): {ready: boolean; changesAtMs?: number} {
  const {delayMs, periodMs, failures} = schedule(probe)
  let ready = false
  let failed = 0
  let k = 0
  for (let walked = 0; walked < MAX_PROBES_WALKED; walked++, k++) {
    const probeMs = delayMs + k * periodMs
    const outcome = oracle(probeMs)
    const next: boolean = outcome.ok ? true : ++failed >= failures ? false : ready
    if (outcome.ok) failed = 0
    if (probeMs > atMs) return next === ready ? {ready} : {ready, changesAtMs: probeMs}
    ready = next
    if (outcome.ok || !ready) {
      const change = nextFileChange(timeline, probeMs)
      if (change === undefined) return {ready}
      // the answer holds until the file change; resume at the last probe before it
      k = Math.max(k, Math.floor((change - delayMs) / periodMs) - 1)
      if (delayMs + (k + 1) * periodMs > atMs && change > atMs)
        return {ready, changesAtMs: delayMs + Math.ceil((change - delayMs) / periodMs) * periodMs}
    }
  }
  return {ready}
}
