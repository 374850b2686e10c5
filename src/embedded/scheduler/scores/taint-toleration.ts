import {toleratesTaint} from '../tolerations.js'
import {schedulingSpec, type ScorePlugin} from '../types.js'
import {defaultNormalizeScore} from './normalize.js'

/** TaintToleration's score: fewer untolerated PreferNoSchedule taints is better (tainttoleration, v1.32). */
export const taintTolerationScore: ScorePlugin = {
  name: 'TaintToleration',
  weight: 3,
  score(pod, node) {
    // only tolerations that could apply to PreferNoSchedule count (getAllTolerationPreferNoSchedule)
    const tolerations = (schedulingSpec(pod).tolerations ?? []).filter(
      (t) => !t.effect || t.effect === 'PreferNoSchedule',
    )
    return node.taints.filter(
      (taint) => taint.effect === 'PreferNoSchedule' && !tolerations.some((t) => toleratesTaint(t, taint)),
    ).length
  },
  normalize: (scores) => defaultNormalizeScore(scores, true),
}
