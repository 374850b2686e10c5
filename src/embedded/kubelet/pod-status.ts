import {formatTimestamp} from '../clock/clock.js'
import {imageID, parseImageReference} from './images.js'
import type {ContainerRecord, ContainerRun, PodRecord} from './pod-record.js'
import type {ContainerSpec, KubeletPod} from './pod-spec.js'

/**
 * The pod status a kubelet reports (kubelet_pods.go generateAPIPodStatus, v1.32), projected from its record:
 * phase, the five conditions in kubelet's order, host and pod IPs, and one status per container.
 */

type Json = Record<string, unknown>

/** How ready each container is at this moment (decided by probes). */
export type ReadinessOf = (name: string) => boolean

/** The pod's status.phase (kubelet getPhase, v1.32). */
function podPhase(pod: KubeletPod, record: PodRecord): string {
  const restartPolicy = pod.spec?.restartPolicy ?? 'Always'
  for (const spec of pod.spec?.initContainers ?? []) {
    const c = record.containers[spec.name]
    if (c?.stage === 'exited' && (c.finished?.exitCode ?? 0) !== 0) return 'Failed'
    if (c?.stage !== 'exited') return 'Pending'
  }
  let waiting = 0
  let running = 0
  let failed = 0
  for (const spec of pod.spec?.containers ?? []) {
    const c = record.containers[spec.name]
    if (!c) waiting++
    else if (c.stage === 'running' || c.stage === 'killing') running++
    else if (c.stage === 'exited') {
      if ((c.finished?.exitCode ?? 0) !== 0) failed++
    } else if (!c.lastRun && !c.finished) waiting++
  }
  if (waiting > 0) return 'Pending'
  if (running > 0) return 'Running'
  if (restartPolicy === 'Always') return 'Running'
  if (restartPolicy === 'OnFailure' && pod.spec?.containers?.some((s) => record.containers[s.name]?.stage !== 'exited'))
    return 'Running'
  return failed > 0 ? 'Failed' : 'Succeeded'
}

/** The whole status for a moment. */
export function podStatus(
  pod: KubeletPod,
  record: PodRecord,
  options: {nowMs: number; hostIP: string; readiness: ReadinessOf; formattedPod: string},
): Json {
  const phase = podPhase(pod, record)
  const {nowMs, hostIP} = options
  const terminal = phase === 'Succeeded' || phase === 'Failed'
  const initSpecs = pod.spec?.initContainers ?? []
  const initDone = initSpecs.every(
    (spec) =>
      record.containers[spec.name]?.stage === 'exited' && (record.containers[spec.name]?.finished?.exitCode ?? 1) === 0,
  )
  // a sandbox being created (or failing to be) is not up yet
  const sandboxUp = record.stage !== 'sandbox' && record.stage !== 'sandbox-failed' && nowMs >= record.sandboxReadyMs
  const sandboxReady = sandboxUp && !terminal
  const initStatuses = initSpecs.map((spec) =>
    containerStatus(spec, record.containers[spec.name], {
      init: true,
      initDone,
      ready: options.readiness(spec.name),
      pod: options.formattedPod,
    }),
  )
  const statuses = (pod.spec?.containers ?? []).map((spec) =>
    containerStatus(spec, record.containers[spec.name], {
      init: false,
      initDone,
      ready: options.readiness(spec.name),
      pod: options.formattedPod,
    }),
  )
  const unready = statuses.filter((s) => s['ready'] !== true).map((s) => String(s['name']))
  const incomplete = initSpecs
    .filter(
      (spec) =>
        record.containers[spec.name]?.stage !== 'exited' || record.containers[spec.name]?.finished?.exitCode !== 0,
    )
    .map((spec) => spec.name)

  const old = new Map((pod.status?.conditions ?? []).map((c) => [String(c['type']), c]))
  const condition = (type: string, status: boolean, reason?: string, message?: string): Json => {
    const previous = old.get(type)
    const value = status ? 'True' : 'False'
    const changed = previous?.['status'] !== value
    const result: Json = {
      type,
      status: value,
      lastProbeTime: null,
      lastTransitionTime: changed ? formatTimestamp(nowMs) : previous?.['lastTransitionTime'],
    }
    if (reason !== undefined) result['reason'] = reason
    if (message !== undefined) result['message'] = message
    return result
  }
  const allReady = unready.length === 0
  const readyReason = terminal ? 'PodCompleted' : allReady ? undefined : 'ContainersNotReady'
  const readyMessage = terminal || allReady ? undefined : `containers with unready status: [${unready.join(' ')}]`
  const conditions: Json[] = [
    condition('PodReadyToStartContainers', sandboxReady),
    initSpecs.length === 0 || initDone
      ? condition('Initialized', true, terminal && initSpecs.length > 0 ? 'PodCompleted' : undefined)
      : condition(
          'Initialized',
          false,
          'ContainersNotInitialized',
          `containers with incomplete status: [${incomplete.join(' ')}]`,
        ),
    condition('Ready', allReady && !terminal, readyReason, readyMessage),
    condition('ContainersReady', allReady && !terminal, readyReason, readyMessage),
    old.get('PodScheduled') ?? {
      type: 'PodScheduled',
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: formatTimestamp(record.startMs),
    },
  ]
  const status: Json = {phase, conditions, hostIP, hostIPs: [{ip: hostIP}]}
  if (sandboxUp && record.podIP) {
    status['podIP'] = record.podIP
    status['podIPs'] = [{ip: record.podIP}]
  }
  status['startTime'] = formatTimestamp(record.startMs)
  if (initStatuses.length > 0) status['initContainerStatuses'] = initStatuses
  status['containerStatuses'] = statuses
  const qosClass = pod.status?.['qosClass']
  if (qosClass !== undefined) status['qosClass'] = qosClass
  return status
}

function terminated(run: ContainerRun): Json {
  return {
    exitCode: run.exitCode,
    reason: run.reason,
    startedAt: formatTimestamp(run.startedAtMs),
    finishedAt: formatTimestamp(run.finishedAtMs),
    containerID: run.containerID,
  }
}

function containerStatus(
  spec: ContainerSpec,
  c: ContainerRecord | undefined,
  options: {init: boolean; initDone: boolean; ready: boolean; pod: string},
): Json {
  const image = spec.image ?? ''
  const pulled = c?.pulled === true
  const running = c?.stage === 'running' || c?.stage === 'killing'
  const state = stateOf(spec, c, options)
  const lastState: Json =
    c?.lastRun && (running || c.finished === undefined || c.stage === 'crash-backoff')
      ? {terminated: terminated(c.lastRun)}
      : {}
  const status: Json = {
    name: spec.name,
    state,
    lastState: c?.stage === 'crash-backoff' && c.finished ? {terminated: terminated(c.finished)} : lastState,
    ready: running && options.ready,
    restartCount: c?.restartCount ?? 0,
    image: pulled ? parseImageReference(image).normalized : image,
    imageID: pulled ? imageID(image) : '',
  }
  const containerID = running || c?.stage === 'exited' ? c?.containerID : c?.lastRun?.containerID
  if (containerID) status['containerID'] = containerID
  status['started'] = running
  if ((spec.volumeMounts ?? []).length > 0) {
    status['volumeMounts'] = (spec.volumeMounts ?? []).map((m) => ({
      name: m.name,
      mountPath: m.mountPath,
      ...(m.readOnly ? {readOnly: true, recursiveReadOnly: 'Disabled'} : {}),
    }))
  }
  return status
}

function stateOf(
  spec: ContainerSpec,
  c: ContainerRecord | undefined,
  options: {init: boolean; initDone: boolean; pod: string},
): Json {
  const image = spec.image ?? ''
  const initializing = !options.init && !options.initDone
  switch (c?.stage) {
    case undefined:
    case 'waiting':
      return {waiting: {reason: initializing || options.init ? 'PodInitializing' : 'ContainerCreating'}}
    case 'pull-failed':
      return {
        waiting: {
          reason: c.pullError?.includes('pull policy of Never') ? 'ErrImageNeverPull' : 'ErrImagePull',
          message: c.pullError ?? '',
        },
      }
    case 'pull-backoff':
      return {waiting: {reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"`}}
    case 'image-check':
    case 'pulling':
    case 'creating':
      // a restart shows the last run until the new one starts, as kubelet does
      return c.lastRun && c.restartCount > 0
        ? {terminated: terminated(c.lastRun)}
        : {waiting: {reason: options.init ? 'PodInitializing' : 'ContainerCreating'}}
    case 'running':
    case 'killing':
      return {running: {startedAt: formatTimestamp(c.startedAtMs ?? c.sinceMs)}}
    case 'crash-backoff': {
      const delay = Math.round((c.crashBackoff?.delayMs ?? 10_000) / 1000)
      return {
        waiting: {
          reason: 'CrashLoopBackOff',
          message: `back-off ${formatBackoff(delay)} restarting failed container=${spec.name} pod=${options.pod}`,
        },
      }
    }
    case 'stopped':
    case 'exited':
      return c.finished ? {terminated: terminated(c.finished)} : {waiting: {reason: 'ContainerCreating'}}
  }
}

// Go's Duration String for whole seconds: 10s, 20s, 40s, 1m20s, 2m40s, 5m0s
function formatBackoff(seconds: number): string {
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${seconds % 60}s`
}
