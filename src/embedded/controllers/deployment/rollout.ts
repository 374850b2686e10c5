import type {KubeObject} from '../../../backend/object.js'
import {controllerOf} from '../replicaset/owner.js'
import {REASON, getCondition, setCondition} from './conditions.js'
import {newReplicaSetReplicas, type DeploymentSync} from './deployment-sync.js'
import {
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  activeReplicaSets,
  byCreation,
  bySize,
  deploymentSpec,
  desiredReplicas,
  isRollingUpdate,
  isSaturated,
  maxSurge,
  maxUnavailable,
  rsStatus,
  specReplicas,
  sumSpecReplicas,
  sumStatus,
} from './deployment-util.js'
import {isComplete, syncDeploymentStatus, syncRolloutStatus, type DeploymentStatus} from './rollout-status.js'

/** rolling.go rolloutRolling (v1.32): scale the new ReplicaSet up and the old ones down within the fenceposts. */
export async function rolloutRolling(sync: DeploymentSync): Promise<number | undefined> {
  const {newRS: created, oldRSs} = await sync.split(true)
  let newRS = created
  if (!newRS) return undefined
  const all = (): KubeObject[] => [...oldRSs.map((rs) => latest(sync, rs)), latest(sync, newRS as KubeObject)]
  if (await reconcileNewReplicaSet(sync, all(), newRS)) return syncRolloutStatus(sync, all(), latest(sync, newRS))
  newRS = latest(sync, newRS)
  if (await reconcileOldReplicaSets(sync, all(), activeReplicaSets(oldRSs.map((rs) => latest(sync, rs))), newRS)) {
    return syncRolloutStatus(sync, all(), latest(sync, newRS))
  }
  if (isCompleteNow(sync)) await sync.cleanup(oldRSs.map((rs) => latest(sync, rs)))
  return syncRolloutStatus(sync, all(), latest(sync, newRS))
}

/** recreate.go rolloutRecreate: all old pods gone first, then the new ReplicaSet at full size. */
export async function rolloutRecreate(sync: DeploymentSync): Promise<number | undefined> {
  let {newRS, oldRSs} = await sync.split(false)
  const all = (): KubeObject[] => [...oldRSs.map((rs) => latest(sync, rs)), ...(newRS ? [latest(sync, newRS)] : [])]
  let scaledDown = false
  for (const rs of activeReplicaSets(oldRSs)) {
    if ((await sync.scaleReplicaSet(rs, 0)).scaled) scaledDown = true
  }
  if (
    scaledDown ||
    oldPodsRunning(
      sync,
      newRS,
      oldRSs.map((rs) => latest(sync, rs)),
    )
  ) {
    return syncRolloutStatus(sync, all(), newRS && latest(sync, newRS))
  }
  if (!newRS) ({newRS, oldRSs} = await sync.split(true))
  if (newRS) await sync.scaleReplicaSet(latest(sync, newRS), desiredReplicas(sync.d))
  if (newRS && isCompleteNow(sync)) await sync.cleanup(oldRSs.map((rs) => latest(sync, rs)))
  return syncRolloutStatus(sync, all(), newRS && latest(sync, newRS))
}

/** sync.go sync: a scaling event or a paused Deployment: scale proportionally, no new ReplicaSet. */
export async function syncScaling(sync: DeploymentSync): Promise<void> {
  const {newRS, oldRSs} = await sync.split(false)
  await scale(
    sync,
    newRS && latest(sync, newRS),
    oldRSs.map((rs) => latest(sync, rs)),
  )
  const current = oldRSs.map((rs) => latest(sync, rs))
  if (deploymentSpec(sync.d).paused) await sync.cleanup(current)
  await syncDeploymentStatus(sync, [...current, ...(newRS ? [latest(sync, newRS)] : [])], newRS && latest(sync, newRS))
}

/** isScalingEvent: an active ReplicaSet was sized for a different replica count than the Deployment's. */
export async function isScalingEvent(sync: DeploymentSync): Promise<boolean> {
  const {newRS, oldRSs} = await sync.split(false)
  const all = [...oldRSs, ...(newRS ? [newRS] : [])].map((rs) => latest(sync, rs))
  return activeReplicaSets(all).some((rs) => {
    const desired = rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION]
    return desired !== undefined && Number(desired) !== desiredReplicas(sync.d)
  })
}

/** checkPausedConditions: Progressing Unknown with DeploymentPaused / DeploymentResumed. */
export async function checkPausedConditions(sync: DeploymentSync): Promise<void> {
  if (deploymentSpec(sync.d).progressDeadlineSeconds === undefined) return
  const current = getCondition(sync.conditions, 'Progressing')
  const paused = deploymentSpec(sync.d).paused === true
  let condition
  if (paused && current?.reason !== REASON.paused) {
    condition = sync.condition('Progressing', 'Unknown', REASON.paused, 'Deployment is paused')
  } else if (!paused && current?.reason === REASON.paused) {
    condition = sync.condition('Progressing', 'Unknown', REASON.resumed, 'Deployment is resumed')
  }
  if (condition) await sync.writeStatus({...sync.status(), conditions: setCondition(sync.conditions, condition)})
}

function latest(sync: DeploymentSync, rs: KubeObject): KubeObject {
  return sync.sets.find((s) => s.metadata.uid === rs.metadata.uid) ?? rs
}

// rollouts clean up old ReplicaSets once the stored status says the Deployment is complete
function isCompleteNow(sync: DeploymentSync): boolean {
  return isComplete(sync.d, (sync.d['status'] as DeploymentStatus | undefined) ?? {})
}

async function reconcileNewReplicaSet(
  sync: DeploymentSync,
  all: readonly KubeObject[],
  newRS: KubeObject,
): Promise<boolean> {
  const replicas = desiredReplicas(sync.d)
  if (specReplicas(newRS) === replicas) return false
  if (specReplicas(newRS) > replicas) return (await sync.scaleReplicaSet(newRS, replicas)).scaled
  return (await sync.scaleReplicaSet(newRS, newReplicaSetReplicas(sync.d, all, newRS))).scaled
}

async function reconcileOldReplicaSets(
  sync: DeploymentSync,
  all: readonly KubeObject[],
  oldRSs: readonly KubeObject[],
  newRS: KubeObject,
): Promise<boolean> {
  if (sumSpecReplicas(oldRSs) === 0) return false
  const minAvailable = desiredReplicas(sync.d) - maxUnavailable(sync.d)
  const newUnavailable = specReplicas(newRS) - (rsStatus(newRS).availableReplicas ?? 0)
  const maxScaledDown = sumSpecReplicas(all) - minAvailable - newUnavailable
  if (maxScaledDown <= 0) return false
  const cleaned = await cleanupUnhealthyReplicas(sync, oldRSs, maxScaledDown)
  const olds = oldRSs.map((rs) => latest(sync, rs))
  const scaled = await scaleDownOldForRollingUpdate(sync, [...olds, latest(sync, newRS)], olds)
  return cleaned + scaled > 0
}

// cleanupUnhealthyReplicas: scale down old replicas that are not available first, oldest ReplicaSet first
async function cleanupUnhealthyReplicas(
  sync: DeploymentSync,
  oldRSs: readonly KubeObject[],
  maxCleanup: number,
): Promise<number> {
  let total = 0
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= maxCleanup) break
    const unavailable = specReplicas(rs) - (rsStatus(rs).availableReplicas ?? 0)
    if (specReplicas(rs) === 0 || unavailable <= 0) continue
    const count = Math.min(maxCleanup - total, unavailable)
    await sync.scaleReplicaSet(rs, specReplicas(rs) - count)
    total += count
  }
  return total
}

// scaleDownOldReplicaSetsForRollingUpdate: down to minAvailable available pods, oldest ReplicaSet first
async function scaleDownOldForRollingUpdate(
  sync: DeploymentSync,
  all: readonly KubeObject[],
  oldRSs: readonly KubeObject[],
): Promise<number> {
  const minAvailable = desiredReplicas(sync.d) - maxUnavailable(sync.d)
  const available = sumStatus(all, 'availableReplicas')
  if (available <= minAvailable) return 0
  const wanted = available - minAvailable
  let total = 0
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= wanted) break
    if (specReplicas(rs) === 0) continue
    const count = Math.min(specReplicas(rs), wanted - total)
    await sync.scaleReplicaSet(rs, specReplicas(rs) - count)
    total += count
  }
  return total
}

// recreate.go oldPodsRunning: old ReplicaSets still report pods, or pods of theirs have not finished
function oldPodsRunning(sync: DeploymentSync, newRS: KubeObject | undefined, oldRSs: readonly KubeObject[]): boolean {
  if (sumStatus(oldRSs, 'replicas') > 0) return true
  const oldUids = new Set(oldRSs.map((rs) => rs.metadata.uid ?? ''))
  oldUids.delete(newRS?.metadata.uid ?? '')
  return sync.ctx.cache.list('/pods', sync.namespace).some((pod) => {
    const phase = (pod['status'] as {phase?: string} | undefined)?.phase
    return oldUids.has(controllerOf(pod)?.uid ?? '') && phase !== 'Failed' && phase !== 'Succeeded'
  })
}

/** sync.go scale: one active ReplicaSet takes the new size; several share it in proportion (max-replicas). */
async function scale(sync: DeploymentSync, newRS: KubeObject | undefined, oldRSs: KubeObject[]): Promise<void> {
  const d = sync.d
  const only = activeOrLatest(newRS, oldRSs)
  if (only) {
    if (specReplicas(only) !== desiredReplicas(d)) await sync.scaleReplicaSet(only, desiredReplicas(d))
    return
  }
  if (isSaturated(d, newRS)) {
    for (const rs of activeReplicaSets(oldRSs)) await sync.scaleReplicaSet(rs, 0)
    return
  }
  if (!isRollingUpdate(d)) return
  const all = activeReplicaSets([...oldRSs, ...(newRS ? [newRS] : [])])
  const allowed = desiredReplicas(d) > 0 ? desiredReplicas(d) + maxSurge(d) : 0
  const toAdd = allowed - sumSpecReplicas(all)
  const operation = toAdd > 0 ? 'up' : toAdd < 0 ? 'down' : undefined
  if (toAdd !== 0) all.sort(bySize(toAdd > 0))
  let added = 0
  const sizes = all.map((rs) => {
    const proportion = toAdd === 0 ? 0 : replicaSetProportion(sync, rs, toAdd, added)
    added += proportion
    return specReplicas(rs) + proportion
  })
  for (const [i, rs] of all.entries()) {
    let size = sizes[i] ?? 0
    // leftovers go to the largest ReplicaSet
    if (i === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added)
    await sync.scaleReplicaSet(rs, size, operation)
  }
}

// FindActiveOrLatest: the one active ReplicaSet, or the newest when none is active
function activeOrLatest(newRS: KubeObject | undefined, oldRSs: readonly KubeObject[]): KubeObject | undefined {
  if (!newRS && oldRSs.length === 0) return undefined
  const newestFirst = [...oldRSs].sort((a, b) => byCreation(b, a))
  const active = activeReplicaSets([...newestFirst, ...(newRS ? [newRS] : [])])
  if (active.length === 0) return newRS ?? newestFirst[0]
  return active.length === 1 ? active[0] : undefined
}

// GetProportion / getReplicaSetFraction (deployment_util.go, v1.32)
function replicaSetProportion(sync: DeploymentSync, rs: KubeObject, toAdd: number, added: number): number {
  if (specReplicas(rs) === 0 || toAdd === added) return 0
  const d = sync.d
  let fraction: number
  if (desiredReplicas(d) === 0) fraction = -specReplicas(rs)
  else {
    const maxReplicas = desiredReplicas(d) + maxSurge(d)
    let before = Number(rs.metadata.annotations?.[MAX_REPLICAS_ANNOTATION] ?? '0') || 0
    if (before === 0) before = (sync.d['status'] as {replicas?: number} | undefined)?.replicas ?? 0
    fraction = before === 0 ? 0 : roundHalfAwayFromZero((specReplicas(rs) * maxReplicas) / before) - specReplicas(rs)
  }
  const allowed = toAdd - added
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed)
}

function roundHalfAwayFromZero(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value))
}
