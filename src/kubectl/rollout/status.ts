import type {Backend} from '../../backend/backend.js'
import type {KubeObject} from '../../backend/object.js'
import type {ResourceRef} from '../../backend/refs.js'
import {hasReason} from '../../backend/status.js'

/** One reading of a rollout: kubectl's message (with its newline) and whether the rollout is done. */
export interface RolloutStatus {
  message: string
  done: boolean
}

interface Condition {
  type?: string
  reason?: string
}

interface WorkloadFields {
  spec?: {
    replicas?: number
    updateStrategy?: {type?: string; rollingUpdate?: {partition?: number}}
  }
  status?: {
    observedGeneration?: number
    replicas?: number
    updatedReplicas?: number
    availableReplicas?: number
    readyReplicas?: number
    currentReplicas?: number
    currentRevision?: string
    updateRevision?: string
    desiredNumberScheduled?: number
    updatedNumberScheduled?: number
    numberAvailable?: number
    conditions?: Condition[]
  }
}

// deployment controller: the Progressing condition's reason once progressDeadlineSeconds passed (v1.32)
const TIMED_OUT_REASON = 'ProgressDeadlineExceeded'
const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision'

/**
 * Reads a rollout's state from a Deployment, DaemonSet or StatefulSet, with kubectl's words
 * (kubectl/pkg/polymorphichelpers/rollout_status.go, v1.32). Throws for what cannot roll out.
 */
export function rolloutStatusOf(object: KubeObject, revision = 0): RolloutStatus {
  switch (object.kind) {
    case 'Deployment':
      return deploymentStatus(object, revision)
    case 'DaemonSet':
      return daemonSetStatus(object)
    case 'StatefulSet':
      return statefulSetStatus(object)
    default:
      throw new Error(`no status viewer has been implemented for ${groupKind(object)}`)
  }
}

function groupKind(object: KubeObject): string {
  const slash = object.apiVersion.indexOf('/')
  return slash < 0 ? object.kind : `${object.kind}.${object.apiVersion.slice(0, slash)}`
}

function deploymentStatus(object: KubeObject, revision: number): RolloutStatus {
  const {spec = {}, status = {}} = object as KubeObject & WorkloadFields
  const name = object.metadata.name ?? ''
  if (revision > 0) {
    const running = Number(object.metadata.annotations?.[REVISION_ANNOTATION] ?? 'NaN')
    if (Number.isNaN(running)) throw new Error(`cannot get the revision of deployment "${name}"`)
    if (running !== revision)
      throw new Error(`desired revision (${revision}) is different from the running revision (${running})`)
  }
  if ((object.metadata.generation ?? 0) > (status.observedGeneration ?? 0)) {
    return waiting('Waiting for deployment spec update to be observed...\n')
  }
  const progressing = status.conditions?.find((c) => c.type === 'Progressing')
  if (progressing?.reason === TIMED_OUT_REASON) throw new Error(`deployment "${name}" exceeded its progress deadline`)
  const updated = status.updatedReplicas ?? 0
  if (spec.replicas !== undefined && updated < spec.replicas) {
    return waiting(
      `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${spec.replicas} new replicas have been updated...\n`,
    )
  }
  const replicas = status.replicas ?? 0
  if (replicas > updated) {
    return waiting(
      `Waiting for deployment "${name}" rollout to finish: ${replicas - updated} old replicas are pending termination...\n`,
    )
  }
  const available = status.availableReplicas ?? 0
  if (available < updated) {
    return waiting(
      `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...\n`,
    )
  }
  return {message: `deployment "${name}" successfully rolled out\n`, done: true}
}

function daemonSetStatus(object: KubeObject): RolloutStatus {
  const {spec = {}, status = {}} = object as KubeObject & WorkloadFields
  const name = object.metadata.name ?? ''
  if ((spec.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') {
    throw new Error('rollout status is only available for RollingUpdate strategy type')
  }
  if ((object.metadata.generation ?? 0) > (status.observedGeneration ?? 0)) {
    return waiting('Waiting for daemon set spec update to be observed...\n')
  }
  const desired = status.desiredNumberScheduled ?? 0
  const updated = status.updatedNumberScheduled ?? 0
  if (updated < desired) {
    return waiting(
      `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...\n`,
    )
  }
  const available = status.numberAvailable ?? 0
  if (available < desired) {
    return waiting(
      `Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...\n`,
    )
  }
  return {message: `daemon set "${name}" successfully rolled out\n`, done: true}
}

function statefulSetStatus(object: KubeObject): RolloutStatus {
  const {spec = {}, status = {}} = object as KubeObject & WorkloadFields
  const strategy = spec.updateStrategy ?? {}
  if ((strategy.type ?? 'RollingUpdate') !== 'RollingUpdate') {
    throw new Error('rollout status is only available for RollingUpdate strategy type')
  }
  const observed = status.observedGeneration ?? 0
  if (observed === 0 || (object.metadata.generation ?? 0) > observed) {
    return waiting('Waiting for statefulset spec update to be observed...\n')
  }
  const ready = status.readyReplicas ?? 0
  if (spec.replicas !== undefined && ready < spec.replicas) {
    return waiting(`Waiting for ${spec.replicas - ready} pods to be ready...\n`)
  }
  const updated = status.updatedReplicas ?? 0
  if (strategy.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition
    if (spec.replicas !== undefined && partition !== undefined && updated < spec.replicas - partition) {
      return waiting(
        `Waiting for partitioned roll out to finish: ${updated} out of ${spec.replicas - partition} new pods have been updated...\n`,
      )
    }
    return {message: `partitioned roll out complete: ${updated} new pods have been updated...\n`, done: true}
  }
  if (status.updateRevision !== status.currentRevision) {
    return waiting(
      `waiting for statefulset rolling update to complete ${updated} pods at revision ${status.updateRevision ?? ''}...\n`,
    )
  }
  return {
    message: `statefulset rolling update complete ${status.currentReplicas ?? 0} pods at revision ${status.currentRevision ?? ''}...\n`,
    done: true,
  }
}

function waiting(message: string): RolloutStatus {
  return {message, done: false}
}

/** How `rollout status` watches. */
export interface WatchRolloutOptions {
  revision: number
  /** --watch=false: report once */
  watch: boolean
  /** 0 waits for ever */
  timeoutMs: number
  pollMs: number
  now: () => number
  sleep: (ms: number) => Promise<void>
  /** called with each new reading, as kubectl prints one per watch event */
  onStatus: (status: RolloutStatus) => void
}

// apimachinery wait.ErrWaitTimeout's text, which kubectl rollout status returns on --timeout (v1.32)
export const WAIT_TIMEOUT_MESSAGE = 'timed out waiting for the condition'

/**
 * `rollout status`: reads the object until the rollout is done, reporting a reading whenever the object
 * changed (kubectl prints one per watch event). Polling stands in for the watch: each read lets the
 * embedded control plane catch up to now.
 */
export async function watchRolloutStatus(
  backend: Backend,
  ref: ResourceRef,
  name: string,
  options: WatchRolloutOptions,
): Promise<void> {
  const deadline = options.timeoutMs > 0 ? options.now() + options.timeoutMs : Number.POSITIVE_INFINITY
  let lastVersion: string | undefined
  for (;;) {
    let object: KubeObject
    try {
      object = await backend.get(ref, name)
    } catch (error) {
      if (lastVersion !== undefined && hasReason(error, 'NotFound')) throw new Error('object has been deleted')
      throw error
    }
    if (object.metadata.resourceVersion !== lastVersion) {
      lastVersion = object.metadata.resourceVersion
      const status = rolloutStatusOf(object, options.revision)
      options.onStatus(status)
      if (status.done || !options.watch) return
    }
    if (options.now() >= deadline) throw new Error(WAIT_TIMEOUT_MESSAGE)
    await options.sleep(options.pollMs)
  }
}
