import type {KubeObject} from '../../backend/object.js'
import {labelSelectorFromSpec, matchesLabels, type LabelSelector} from '../../resources/label-selector.js'
import type {PodAffinityTerm, Snapshot} from './types.js'

/** A pod affinity term read against the pod that declares it (framework.AffinityTerm). */
export interface AffinityTerm {
  topologyKey: string
  selector: LabelSelector
  namespaces: ReadonlySet<string>
  namespaceSelector: LabelSelector | undefined
}

function safeSelector(spec: PodAffinityTerm['labelSelector']): LabelSelector {
  try {
    return labelSelectorFromSpec(spec)
  } catch {
    return {requirements: [], matchesNothing: true}
  }
}

/** The terms of a pod, with namespaces defaulting to the pod's own (getNamespacesFromPodAffinityTerm). */
export function affinityTerms(owner: KubeObject, terms: readonly PodAffinityTerm[] | undefined): AffinityTerm[] {
  return (terms ?? []).map((term) => {
    const namespaces = new Set(term.namespaces ?? [])
    if (namespaces.size === 0 && term.namespaceSelector === undefined)
      namespaces.add(owner.metadata.namespace ?? 'default')
    return {
      topologyKey: term.topologyKey,
      selector: safeSelector(term.labelSelector),
      namespaces,
      namespaceSelector: term.namespaceSelector === undefined ? undefined : safeSelector(term.namespaceSelector),
    }
  })
}

/** Whether a pod is one a term points at: in one of its namespaces and matching its selector (AffinityTerm.Matches). */
export function termMatchesPod(term: AffinityTerm, pod: KubeObject, snapshot: Snapshot): boolean {
  const namespace = pod.metadata.namespace ?? ''
  const inNamespace =
    term.namespaces.has(namespace) ||
    (term.namespaceSelector !== undefined &&
      matchesLabels(term.namespaceSelector, snapshot.namespaceLabels.get(namespace) ?? {}))
  return inNamespace && matchesLabels(term.selector, pod.metadata.labels)
}
