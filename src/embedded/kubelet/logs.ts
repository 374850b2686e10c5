import {setTimeout as sleep} from 'node:timers/promises'
import type {LogOptions} from '../../backend/backend.js'
import {badRequest, hasReason} from '../../backend/status.js'
import type {EmbeddedBackend} from '../embedded-backend.js'
import {containerTimeline} from './container-runtime/program.js'
import {lastLines, linesBetween, type LogLine, type Timeline} from './container-runtime/timeline.js'
import {readPodRecord, type ContainerRecord} from './pod-record.js'
import {containerEnv, type ContainerSpec, type KubeletPod} from './pod-spec.js'

/**
 * `pods/log`: the API server's container choice and wording (pkg/registry/core/pod/strategy.go LogLocation),
 * then the kubelet's (kubelet_pods.go validateContainerLogStatus, v1.32), then the lines, computed from the
 * container's program, its start and 'now', never stored. Follow polls as the clock moves.
 */

const PODS_REF = {group: '', version: 'v1', resource: 'pods'}
// how often `logs -f` looks for new lines (real time; the CLI process keeps the control plane running)
const FOLLOW_POLL_MS = 200

interface ContainerStatusFields {
  name?: string
  containerID?: string
  state?: {running?: {containerID?: string}; waiting?: {reason?: string}; terminated?: {containerID?: string}}
  lastState?: {terminated?: {containerID?: string}}
}

/** One run of a container, as the log reader needs it. */
interface RunWindow {
  containerID: string
  startedAtMs: number
  finishedAtMs: number | undefined
}

/** The log lines of a pod's container, each ending in '\n', as kubelet serves them. */
export async function* readPodLogs(
  api: EmbeddedBackend,
  podName: string,
  namespace: string,
  options: LogOptions = {},
  // ends a followed log when its reader goes away (skiff serve's client disconnected)
  signal?: AbortSignal,
): AsyncIterable<string> {
  let pod = (await api.get({...PODS_REF, namespace}, podName)) as KubeletPod
  const {spec, containerID} = locateContainer(pod, options)
  let window = runWindow(api, pod, spec.name, containerID)
  const timeline = timelineOf(pod, spec, window)
  let budget = options.limitBytes ?? Number.POSITIVE_INFINITY
  const emit = (lines: LogLine[]): string[] => {
    const out: string[] = []
    let sameMsBefore = 0
    for (const [i, line] of lines.entries()) {
      sameMsBefore = i > 0 && lines[i - 1]?.atMs === line.atMs ? sameMsBefore + 1 : 0
      let text = `${options.timestamps ? `${rfc3339Nano(window.startedAtMs + line.atMs, sameMsBefore, line.text)} ` : ''}${line.text}\n`
      if (budget <= 0) break
      if (Buffer.byteLength(text) > budget) text = Buffer.from(text).subarray(0, budget).toString()
      budget -= Buffer.byteLength(text)
      out.push(text)
    }
    return out
  }
  const untilMs = (): number =>
    Math.min(api.clock.now(), window.finishedAtMs ?? Number.POSITIVE_INFINITY) - window.startedAtMs
  const fromMs = sinceOffset(options, window.startedAtMs, api.clock.now())
  let shownToMs = untilMs()
  const first =
    options.tailLines === undefined
      ? linesBetween(timeline, fromMs, shownToMs)
      : lastLines(timeline, shownToMs, options.tailLines, fromMs)
  yield* emit(first)
  if (!options.follow) return
  for (;;) {
    if (window.finishedAtMs !== undefined || budget <= 0 || signal?.aborted) return
    await sleep(FOLLOW_POLL_MS, undefined, {signal}).catch(() => undefined)
    if (signal?.aborted) return
    await api.settle({lead: true})
    try {
      pod = (await api.get({...PODS_REF, namespace}, podName)) as KubeletPod
    } catch (error) {
      // the pod went away while we followed it: its log ends
      if (hasReason(error, 'NotFound')) return
      throw error
    }
    window = runWindow(api, pod, spec.name, containerID)
    const toMs = untilMs()
    if (toMs > shownToMs) yield* emit(linesBetween(timeline, shownToMs + 1, toMs))
    shownToMs = Math.max(shownToMs, toMs)
  }
}

function allNames(specs: ContainerSpec[] | undefined): string {
  return (specs ?? []).map((c) => c.name).join(' ')
}

/** The container a request means and the container ID the kubelet will read. Throws kube-apiserver's and kubelet's errors. */
function locateContainer(pod: KubeletPod, options: LogOptions): {spec: ContainerSpec; containerID: string} {
  const podName = pod.metadata.name ?? ''
  const containers = pod.spec?.containers ?? []
  const initContainers = pod.spec?.initContainers ?? []
  let name = options.container
  if (!name) {
    if (containers.length !== 1) {
      let message = `a container name must be specified for pod ${podName}, choose one of: [${allNames(containers)}]`
      if (initContainers.length > 0) message += ` or one of the init containers: [${allNames(initContainers)}]`
      throw badRequest(message)
    }
    name = containers[0]?.name ?? ''
  }
  const spec = [...containers, ...initContainers].find((c) => c.name === name)
  if (!spec) throw badRequest(`container ${name} is not valid for pod ${podName}`)
  const status = pod.status ?? {}
  const statuses = [
    ...((status['containerStatuses'] as ContainerStatusFields[] | undefined) ?? []),
    ...((status['initContainerStatuses'] as ContainerStatusFields[] | undefined) ?? []),
  ]
  const found = statuses.find((s) => s.name === name)
  const waitingToStart = (reason: string): Error =>
    badRequest(`container "${name}" in pod "${podName}" is waiting to start: ${reason}`)
  if (!pod.spec?.nodeName || !found) {
    if (!pod.spec?.nodeName) throw waitingToStart('ContainerCreating')
    throw badRequest(`container "${name}" in pod "${podName}" is not available`)
  }
  const {state = {}, lastState = {}} = found
  const last = lastState.terminated
  const terminatedError = (): Error => badRequest(`container "${name}" in pod "${podName}" is terminated`)
  if (options.previous) {
    if (!last?.containerID) throw badRequest(`previous terminated container "${name}" in pod "${podName}" not found`)
    return {spec, containerID: last.containerID}
  }
  if (state.running) return {spec, containerID: found.containerID ?? ''}
  if (state.terminated) {
    const id = state.terminated.containerID || last?.containerID
    if (!id) throw terminatedError()
    return {spec, containerID: id}
  }
  if (last) {
    if (!last.containerID) throw terminatedError()
    return {spec, containerID: last.containerID}
  }
  const reason = state.waiting?.reason
  if (reason === 'ErrImagePull') throw waitingToStart("image can't be pulled")
  if (reason === 'ImagePullBackOff') throw waitingToStart('trying and failing to pull image')
  if (reason !== undefined) throw waitingToStart(reason)
  throw badRequest(`container "${name}" in pod "${podName}" is waiting to start - no logs yet`)
}

/** When the run behind a container ID started and (if it has) ended, from the kubelet's record. */
function runWindow(api: EmbeddedBackend, pod: KubeletPod, name: string, containerID: string): RunWindow {
  const c: ContainerRecord | undefined = readPodRecord(api.store, pod.metadata.uid ?? '')?.containers[name]
  if (c?.lastRun?.containerID === containerID) {
    return {containerID, startedAtMs: c.lastRun.startedAtMs, finishedAtMs: c.lastRun.finishedAtMs}
  }
  if (c?.finished?.containerID === containerID) {
    return {containerID, startedAtMs: c.finished.startedAtMs, finishedAtMs: c.finished.finishedAtMs}
  }
  if (c?.containerID === containerID && c.startedAtMs !== undefined) {
    return {containerID, startedAtMs: c.startedAtMs, finishedAtMs: undefined}
  }
  // the record is gone (the pod is going away): nothing more to show
  return {containerID, startedAtMs: api.clock.now(), finishedAtMs: api.clock.now()}
}

function timelineOf(pod: KubeletPod, spec: ContainerSpec, window: RunWindow): Timeline {
  const podIP = String(pod.status?.['podIP'] ?? '')
  const hostIP = String(pod.status?.['hostIP'] ?? '')
  return containerTimeline({
    image: spec.image ?? '',
    command: spec.command,
    args: spec.args,
    env: containerEnv(pod, spec, {podIP, hostIP}),
    startEpochMs: window.startedAtMs,
    podIP,
  })
}

/** Where --since-time / --since (sinceSeconds) start reading, in ms after the container started. */
function sinceOffset(options: LogOptions, startedAtMs: number, nowMs: number): number {
  if (options.sinceTime !== undefined) return Math.max(0, Date.parse(options.sinceTime) - startedAtMs)
  if (options.sinceSeconds !== undefined) return Math.max(0, nowMs - options.sinceSeconds * 1000 - startedAtMs)
  return 0
}

/**
 * kubelet's timestamp: Go's RFC3339Nano (trailing zeros of the fraction trimmed). The simulation knows
 * milliseconds; the nanoseconds below them are drawn from the line so that stamps look like a runtime's and
 * still grow within one millisecond.
 */
function rfc3339Nano(epochMs: number, sameMsBefore: number, text: string): string {
  let hash = 0
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) % 997
  const subMs = Math.min(999_999, 100_000 + sameMsBefore * 1_000 + hash)
  const nanos = `${String(epochMs % 1000).padStart(3, '0')}${String(subMs).padStart(6, '0')}`.replace(/0+$/, '')
  const base = new Date(epochMs).toISOString().slice(0, 19)
  return `${base}${nanos === '' ? '' : `.${nanos}`}Z`
}
