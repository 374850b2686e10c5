import type {KubeObject} from '../../backend/object.js'
import {humanDuration} from '../human-duration.js'
import {parseTimestamp} from './age.js'

interface ContainerState {
  waiting?: {reason?: string}
  running?: {startedAt?: string}
  terminated?: {exitCode?: number; signal?: number; reason?: string; finishedAt?: string}
}

interface ContainerStatus {
  name?: string
  ready?: boolean
  started?: boolean
  restartCount?: number
  state?: ContainerState
  lastState?: ContainerState
}

interface PodCondition {
  type?: string
  status?: string
  reason?: string
}

/** The Pod fields the pod table reads. */
export interface PodFields extends KubeObject {
  spec?: {
    containers?: {name?: string}[]
    initContainers?: {name?: string; restartPolicy?: string}[]
    nodeName?: string
    readinessGates?: {conditionType?: string}[]
  }
  status?: {
    phase?: string
    reason?: string
    conditions?: PodCondition[]
    initContainerStatuses?: ContainerStatus[]
    containerStatuses?: ContainerStatus[]
    podIPs?: {ip?: string}[]
    nominatedNodeName?: string
  }
}

/** The READY, STATUS and RESTARTS cells of a pod row. */
interface PodSummary {
  ready: string
  status: string
  restarts: string
}

// kubelet: pkg/util/node NodeUnreachablePodReason (v1.32)
const NODE_UNREACHABLE_POD_REASON = 'NodeLost'
// kube-scheduler sets this reason on PodScheduled while scheduling gates remain (v1.32)
const SCHEDULING_GATED_REASON = 'SchedulingGated'

/** Tracks a restart count and the latest restart moment (a container's last termination). */
class RestartTally {
  count = 0
  lastMs: number | undefined = undefined

  add(status: ContainerStatus): void {
    this.count += status.restartCount ?? 0
    const finishedAt = parseTimestamp(status.lastState?.terminated?.finishedAt)
    if (finishedAt !== undefined && (this.lastMs === undefined || this.lastMs < finishedAt)) this.lastMs = finishedAt
  }
}

/**
 * READY `1/2`, STATUS (`Running`, `Init:0/1`, `CrashLoopBackOff`, `Terminating`, ...) and RESTARTS `2 (35s ago)`.
 * kubectl: pkg/printers/internalversion/printers.go printPod (v1.32)
 */
export function summarizePod(pod: PodFields, now: number): PodSummary {
  const status = pod.status ?? {}
  let reason = status.reason || status.phase || ''
  if (status.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === SCHEDULING_GATED_REASON)) {
    reason = SCHEDULING_GATED_REASON
  }
  const init = scanInitContainers(pod)
  let ready = init.readySidecars
  let restarts = init.allRestarts
  if (init.reason !== undefined) reason = init.reason
  if (init.reason === undefined || isInitialized(status.conditions)) {
    const main = scanContainers(status.containerStatuses ?? [], init.sidecarRestarts)
    restarts = init.sidecarRestarts
    ready += main.ready
    if (main.reason !== undefined) reason = main.reason
    // a pod whose containers partly completed is still running while one of them runs
    if (reason === 'Completed' && main.hasRunning) {
      const podReady = status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false
      reason = podReady ? 'Running' : 'NotReady'
    }
  }

  if (pod.metadata.deletionTimestamp && status.reason === NODE_UNREACHABLE_POD_REASON) {
    reason = 'Unknown'
  } else if (pod.metadata.deletionTimestamp && status.phase !== 'Succeeded' && status.phase !== 'Failed') {
    reason = 'Terminating'
  }

  let restartsCell = String(restarts.count)
  if (restarts.count !== 0 && restarts.lastMs !== undefined) {
    restartsCell = `${restarts.count} (${humanDuration(now - restarts.lastMs)} ago)`
  }
  const sidecarCount = (pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').length
  const total = (pod.spec?.containers ?? []).length + sidecarCount
  return {ready: `${ready}/${total}`, status: reason, restarts: restartsCell}
}

/** What the init containers say: a reason while they still initialize the pod, undefined once they are done. */
interface InitScan {
  reason: string | undefined
  readySidecars: number
  allRestarts: RestartTally
  sidecarRestarts: RestartTally
}

// Walks init containers up to the first one that has not finished (a started sidecar counts as finished).
function scanInitContainers(pod: PodFields): InitScan {
  const initContainers = pod.spec?.initContainers ?? []
  const sidecars = new Set(initContainers.filter((c) => c.restartPolicy === 'Always').map((c) => c.name ?? ''))
  const scan: InitScan = {
    reason: undefined,
    readySidecars: 0,
    allRestarts: new RestartTally(),
    sidecarRestarts: new RestartTally(),
  }
  for (const [i, container] of (pod.status?.initContainerStatuses ?? []).entries()) {
    scan.allRestarts.add(container)
    const isSidecar = sidecars.has(container.name ?? '')
    if (isSidecar) scan.sidecarRestarts.add(container)
    const terminated = container.state?.terminated
    const waiting = container.state?.waiting
    if (terminated && (terminated.exitCode ?? 0) === 0) continue
    if (isSidecar && container.started === true) {
      if (container.ready) scan.readySidecars++
      continue
    }
    if (terminated) {
      scan.reason = terminated.reason ? `Init:${terminated.reason}` : `Init:${exitDescription(terminated)}`
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      scan.reason = `Init:${waiting.reason}`
    } else {
      scan.reason = `Init:${i}/${initContainers.length}`
    }
    break
  }
  return scan
}

// Walks the app containers backwards so that the first container's state is the one that shows.
function scanContainers(
  statuses: ContainerStatus[],
  restarts: RestartTally,
): {reason: string | undefined; ready: number; hasRunning: boolean} {
  let reason: string | undefined
  let ready = 0
  let hasRunning = false
  for (const container of [...statuses].reverse()) {
    restarts.add(container)
    const waiting = container.state?.waiting
    const terminated = container.state?.terminated
    if (waiting?.reason) {
      reason = waiting.reason
    } else if (terminated?.reason) {
      reason = terminated.reason
    } else if (terminated) {
      reason = exitDescription(terminated)
    } else if (container.ready && container.state?.running) {
      hasRunning = true
      ready++
    }
  }
  return {reason, ready, hasRunning}
}

function exitDescription(terminated: {exitCode?: number; signal?: number}): string {
  return terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode ?? 0}`
}

// kubectl: printers.go isPodInitializedConditionTrue reads the first Initialized condition (v1.32)
function isInitialized(conditions: PodCondition[] | undefined): boolean {
  return conditions?.find((c) => c.type === 'Initialized')?.status === 'True'
}
