import type {KubeObject} from '../../../backend/object.js'
import {REASON, getCondition, removeCondition, setCondition, type DeploymentCondition} from './conditions.js'
import type {DeploymentSync} from './deployment-sync.js'
import {deploymentSpec, desiredReplicas, maxUnavailable, sumSpecReplicas, sumStatus} from './deployment-util.js'

/** The DeploymentStatus fields the controller writes. */
export interface DeploymentStatus {
  observedGeneration?: number
  replicas?: number
  updatedReplicas?: number
  readyReplicas?: number
  availableReplicas?: number
  unavailableReplicas?: number
  conditions?: DeploymentCondition[]
  collisionCount?: number
}

/** sync.go calculateStatus (v1.32): counts from the ReplicaSets, and the Available condition. */
export function calculateStatus(
  sync: DeploymentSync,
  allRSs: readonly KubeObject[],
  newRS: KubeObject | undefined,
): DeploymentStatus {
  const d = sync.d
  const previous = sync.status() as DeploymentStatus
  const available = sumStatus(allRSs, 'availableReplicas')
  const counts: Array<[keyof DeploymentStatus, number | undefined]> = [
    ['observedGeneration', d.metadata.generation],
    ['replicas', sumStatus(allRSs, 'replicas')],
    ['updatedReplicas', newRS ? sumStatus([newRS], 'replicas') : 0],
    ['readyReplicas', sumStatus(allRSs, 'readyReplicas')],
    ['availableReplicas', available],
    ['unavailableReplicas', Math.max(0, sumSpecReplicas(allRSs) - available)],
  ]
  // DeploymentStatus counts are omitempty
  const status: DeploymentStatus = {}
  for (const [field, value] of counts) if (value) (status as Record<string, number>)[field] = value
  let conditions = previous.conditions ?? []
  const minimumAvailable = available >= desiredReplicas(d) - maxUnavailable(d)
  conditions = minimumAvailable
    ? setCondition(
        conditions,
        sync.condition('Available', 'True', REASON.minimumReplicasAvailable, 'Deployment has minimum availability.'),
      )
    : setCondition(
        conditions,
        sync.condition(
          'Available',
          'False',
          REASON.minimumReplicasUnavailable,
          'Deployment does not have minimum availability.',
        ),
      )
  status.conditions = conditions
  if (previous.collisionCount !== undefined) status.collisionCount = previous.collisionCount
  return status
}

/** sync.go syncDeploymentStatus: the counts only, as a scaling event or a paused Deployment writes them. */
export async function syncDeploymentStatus(
  sync: DeploymentSync,
  allRSs: readonly KubeObject[],
  newRS: KubeObject | undefined,
): Promise<void> {
  await sync.writeStatus({...calculateStatus(sync, allRSs, newRS)})
}

/** deploymentutil.DeploymentComplete. */
export function isComplete(d: KubeObject, status: DeploymentStatus): boolean {
  const replicas = desiredReplicas(d)
  return (
    (status.updatedReplicas ?? 0) === replicas &&
    (status.replicas ?? 0) === replicas &&
    (status.availableReplicas ?? 0) === replicas &&
    (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  )
}

/** deploymentutil.DeploymentProgressing: new pods updated, ready or available, or old ones gone. */
function isProgressing(d: KubeObject, status: DeploymentStatus): boolean {
  const old = (d['status'] as DeploymentStatus | undefined) ?? {}
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0)
  const newOld = (status.replicas ?? 0) - (status.updatedReplicas ?? 0)
  return (
    (status.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (status.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (status.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  )
}

/** The moment the Progressing condition runs out of time (its lastUpdateTime plus the deadline). */
function deadlineMs(d: KubeObject, condition: DeploymentCondition | undefined): number | undefined {
  const seconds = deploymentSpec(d).progressDeadlineSeconds
  if (seconds === undefined || !condition) return undefined
  return Date.parse(condition.lastUpdateTime) + seconds * 1000
}

/**
 * progress.go syncRolloutStatus (v1.32): the counts plus the Progressing condition (progressing, complete or
 * timed out); returns the delay after which the deadline should be checked (requeueStuckDeployment).
 */
export async function syncRolloutStatus(
  sync: DeploymentSync,
  allRSs: readonly KubeObject[],
  newRS: KubeObject | undefined,
): Promise<number | undefined> {
  const d = sync.d
  const status = calculateStatus(sync, allRSs, newRS)
  const hasDeadline = deploymentSpec(d).progressDeadlineSeconds !== undefined
  let conditions = status.conditions ?? []
  if (!hasDeadline) conditions = removeCondition(conditions, 'Progressing')
  const current = getCondition(sync.conditions, 'Progressing')
  const complete = status.replicas === status.updatedReplicas && current?.reason === REASON.newReplicaSetAvailable
  const name = newRS?.metadata.name ?? ''
  const now = sync.ctx.clock.now()
  if (hasDeadline && !complete) {
    if (isComplete(d, status)) {
      const message = newRS
        ? `ReplicaSet "${name}" has successfully progressed.`
        : `Deployment "${d.metadata.name ?? ''}" has successfully progressed.`
      conditions = setCondition(
        conditions,
        sync.condition('Progressing', 'True', REASON.newReplicaSetAvailable, message),
      )
    } else if (isProgressing(d, status)) {
      const message = newRS
        ? `ReplicaSet "${name}" is progressing.`
        : `Deployment "${d.metadata.name ?? ''}" is progressing.`
      const condition = sync.condition('Progressing', 'True', REASON.replicaSetUpdated, message)
      if (current?.status === 'True') condition.lastTransitionTime = current.lastTransitionTime
      conditions = [...removeCondition(conditions, 'Progressing'), condition]
    } else if (current && current.reason !== REASON.timedOut && (deadlineMs(d, current) ?? Infinity) < now) {
      const message = newRS
        ? `ReplicaSet "${name}" has timed out progressing.`
        : `Deployment "${d.metadata.name ?? ''}" has timed out progressing.`
      conditions = setCondition(conditions, sync.condition('Progressing', 'False', REASON.timedOut, message))
    }
  }
  status.conditions = conditions
  if (await sync.writeStatus({...status})) return undefined
  return stuckRequeueMs(d, current, now)
}

// requeueStuckDeployment: look again just after the deadline of a rollout still in progress
function stuckRequeueMs(d: KubeObject, current: DeploymentCondition | undefined, now: number): number | undefined {
  if (!current || current.reason === REASON.newReplicaSetAvailable || current.reason === REASON.timedOut)
    return undefined
  const deadline = deadlineMs(d, current)
  if (deadline === undefined) return undefined
  // the deadline passes when it is strictly before now (progress.go DeploymentTimedOut)
  return Math.max(0, deadline - now) + 1
}
