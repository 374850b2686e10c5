/** A DeploymentCondition (apps/v1). */
export interface DeploymentCondition {
  type: string
  status: string
  lastUpdateTime: string
  lastTransitionTime: string
  reason: string
  message: string
}

// deployment_util.go reasons and messages (v1.32)
export const REASON = {
  newReplicaSetCreated: 'NewReplicaSetCreated',
  foundNewReplicaSet: 'FoundNewReplicaSet',
  replicaSetUpdated: 'ReplicaSetUpdated',
  newReplicaSetAvailable: 'NewReplicaSetAvailable',
  timedOut: 'ProgressDeadlineExceeded',
  paused: 'DeploymentPaused',
  resumed: 'DeploymentResumed',
  minimumReplicasAvailable: 'MinimumReplicasAvailable',
  minimumReplicasUnavailable: 'MinimumReplicasUnavailable',
} as const

/** deploymentutil.NewDeploymentCondition: both times now. */
export function newCondition(
  type: string,
  status: string,
  reason: string,
  message: string,
  timestamp: string,
): DeploymentCondition {
  return {type, status, lastUpdateTime: timestamp, lastTransitionTime: timestamp, reason, message}
}

/** deploymentutil.GetDeploymentCondition. */
export function getCondition(
  conditions: readonly DeploymentCondition[],
  type: string,
): DeploymentCondition | undefined {
  return conditions.find((c) => c.type === type)
}

/**
 * deploymentutil.SetDeploymentCondition: unchanged when status and reason already match; keeps the
 * transition time when only the reason changes; the new condition goes last.
 */
export function setCondition(
  conditions: readonly DeploymentCondition[],
  condition: DeploymentCondition,
): DeploymentCondition[] {
  const current = getCondition(conditions, condition.type)
  if (current && current.status === condition.status && current.reason === condition.reason) return [...conditions]
  const next = {...condition}
  if (current && current.status === condition.status) next.lastTransitionTime = current.lastTransitionTime
  return [...conditions.filter((c) => c.type !== condition.type), next]
}

/** deploymentutil.RemoveDeploymentCondition. */
export function removeCondition(conditions: readonly DeploymentCondition[], type: string): DeploymentCondition[] {
  return conditions.filter((c) => c.type !== type)
}
