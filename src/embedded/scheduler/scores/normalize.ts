import {MAX_NODE_SCORE} from '../types.js'

/** Scales scores to 0..100 by the largest, reversed when fewer is better (helper.DefaultNormalizeScore, v1.32). */
export function defaultNormalizeScore(scores: readonly number[], reverse: boolean): number[] {
  const max = Math.max(0, ...scores)
  if (max === 0) return scores.map(() => (reverse ? MAX_NODE_SCORE : 0))
  return scores.map((score) => {
    const scaled = Math.trunc((MAX_NODE_SCORE * score) / max)
    return reverse ? MAX_NODE_SCORE - scaled : scaled
  })
}
