import type {Taint, Toleration} from './types.js'

/** Whether a toleration tolerates a taint (core/v1 Toleration.ToleratesTaint, v1.32). */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false
  // an empty key with operator Exists matches every taint
  if (toleration.key && toleration.key !== taint.key) return false
  const operator = toleration.operator ?? ''
  if (operator === '' || operator === 'Equal') return (toleration.value ?? '') === (taint.value ?? '')
  return operator === 'Exists'
}

/** The first taint, of those the effect filter keeps, that no toleration tolerates (v1helper.FindMatchingUntoleratedTaint). */
export function findUntoleratedTaint(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
  keep: (taint: Taint) => boolean,
): Taint | undefined {
  return taints.find((taint) => keep(taint) && !tolerations.some((toleration) => toleratesTaint(toleration, taint)))
}
