/** A batch/v1 JobCondition. */
export interface JobCondition {
  type: string
  status: string
  lastProbeTime?: string
  lastTransitionTime?: string
  reason?: string
  message?: string
}

// job_controller.go reasons and messages (v1.32)
export const COMPLETIONS_REACHED = {
  reason: 'CompletionsReached',
  message: 'Reached expected number of succeeded pods',
}
export const BACKOFF_LIMIT_EXCEEDED = {
  reason: 'BackoffLimitExceeded',
  message: 'Job has reached the specified backoff limit',
}
export const DEADLINE_EXCEEDED = {
  reason: 'DeadlineExceeded',
  message: 'Job was active longer than specified deadline',
}

/** Whether `conditions` hold a True condition of `type`. */
export function hasCondition(conditions: readonly JobCondition[], type: string): boolean {
  return conditions.some((c) => c.type === type && c.status === 'True')
}

/**
 * job_controller.go ensureJobConditionStatus: sets `type` to `status`, keeping the transition time when the
 * status does not change; a False condition that does not exist yet is not added.
 */
export function withCondition(
  conditions: readonly JobCondition[],
  type: string,
  status: 'True' | 'False',
  cause: {reason: string; message: string},
  timestamp: string,
): JobCondition[] {
  const existing = conditions.find((c) => c.type === type)
  if (!existing) {
    if (status === 'False') return [...conditions]
    return [
      ...conditions,
      {
        type,
        status,
        lastProbeTime: timestamp,
        lastTransitionTime: timestamp,
        reason: cause.reason,
        message: cause.message,
      },
    ]
  }
  if (existing.status === status && existing.reason === cause.reason && existing.message === cause.message) {
    return [...conditions]
  }
  return conditions.map((c) =>
    c.type === type
      ? {
          type,
          status,
          lastProbeTime: timestamp,
          lastTransitionTime: c.status === status ? c.lastTransitionTime : timestamp,
          reason: cause.reason,
          message: cause.message,
        }
      : c,
  )
}
