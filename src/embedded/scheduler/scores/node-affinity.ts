import {matchesNodeSelectorTerm} from '../node-selector.js'
import {schedulingSpec, type ScorePlugin} from '../types.js'
import {defaultNormalizeScore} from './normalize.js'

/** NodeAffinity's score: the summed weights of the preferred terms a node matches (nodeaffinity, v1.32). */
export const nodeAffinityScore: ScorePlugin = {
  name: 'NodeAffinity',
  weight: 2,
  score(pod, node) {
    const preferred = schedulingSpec(pod).affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []
    let sum = 0
    for (const term of preferred) {
      if (term.weight !== 0 && matchesNodeSelectorTerm(term.preference, node.name, node.labels)) sum += term.weight
    }
    return sum
  },
  normalize: (scores) => defaultNormalizeScore(scores, false),
}
