// kubectl certificate approve|deny (pkg/cmd/certificates/certificates.go, v1.32): add the Approved or Denied
// condition unless the request already carries it, and refuse to flip a decision already made.
import type {Backend} from '../backend/backend.js'
import type {KubeObject} from '../backend/object.js'
import type {ResourceRef} from '../backend/refs.js'
import {hasReason} from '../backend/status.js'

export type Decision = 'Approved' | 'Denied'

interface Condition {
  type: string
  status: string
  reason?: string
  message?: string
}

const WORDS: Record<Decision, {reason: string; message: string; opposite: Decision}> = {
  Approved: {
    reason: 'KubectlApprove',
    message: 'This CSR was approved by kubectl certificate approve.',
    opposite: 'Denied',
  },
  Denied: {reason: 'KubectlDeny', message: 'This CSR was denied by kubectl certificate deny.', opposite: 'Approved'},
}

/** The request with the decision's condition added; hasCondition when it already had it (nothing to send). */
export function decide(csr: KubeObject, decision: Decision): {csr: KubeObject; hasCondition: boolean} {
  const status = (csr['status'] ?? {}) as {conditions?: Condition[]}
  const conditions = status.conditions ?? []
  const words = WORDS[decision]
  if (conditions.some((c) => c.type === words.opposite))
    throw new Error(
      `certificate signing request "${csr.metadata.name ?? ''}" is already ${words.opposite.toLowerCase()}`,
    )
  if (conditions.some((c) => c.type === decision)) return {csr, hasCondition: true}
  // lastUpdateTime is left for the server to stamp, from the cluster's clock
  const added: Condition = {type: decision, status: 'True', reason: words.reason, message: words.message}
  return {csr: {...csr, status: {...status, conditions: [...conditions, added]}}, hasCondition: false}
}

/** Records the decision through the approval subresource, retrying a conflict on a fresh read as kubectl does. */
export async function recordDecision(
  backend: Backend,
  ref: ResourceRef,
  current: KubeObject,
  decision: Decision,
  force: boolean,
): Promise<KubeObject> {
  let object = current
  for (let attempt = 0; ; attempt++) {
    const {csr, hasCondition} = decide(object, decision)
    if (hasCondition && !force) return object
    try {
      return await backend.update(csr, {subresource: 'approval'})
    } catch (error) {
      if (!hasReason(error, 'Conflict') || attempt >= 10) throw error
      object = await backend.get(ref, object.metadata.name ?? '')
    }
  }
}
