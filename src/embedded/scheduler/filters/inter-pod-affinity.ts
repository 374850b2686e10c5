import type {KubeObject} from '../../../backend/object.js'
import {affinityTerms, termMatchesPod, type AffinityTerm} from '../pod-affinity-terms.js'
import {failure, schedulingSpec, type FilterFailure, type NodeInfo, type Snapshot} from '../types.js'

// interpodaffinity error reasons (pkg/scheduler/framework/plugins/interpodaffinity/filtering.go, v1.32)
export const ERR_REASON_AFFINITY = "node(s) didn't match pod affinity rules"
export const ERR_REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules"
export const ERR_REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules"

type Counts = Map<string, number>

const pair = (key: string, value: string): string => `${key}\u0000${value}`

function bump(counts: Counts, node: NodeInfo, key: string): void {
  const value = node.labels[key]
  if (value === undefined) return
  counts.set(pair(key, value), (counts.get(pair(key, value)) ?? 0) + 1)
}

// PreFilter's counts, computed once per pod and snapshot: they only depend on the pod and the snapshot
const cache = new WeakMap<Snapshot, WeakMap<KubeObject, State>>()

interface State {
  affinity: AffinityTerm[]
  antiAffinity: AffinityTerm[]
  affinityCounts: Counts
  antiAffinityCounts: Counts
  existingAntiAffinityCounts: Counts
}

function stateFor(pod: KubeObject, snapshot: Snapshot): State {
  const known = cache.get(snapshot)?.get(pod)
  if (known) return known
  const spec = schedulingSpec(pod)
  const affinity = affinityTerms(pod, spec.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution)
  const antiAffinity = affinityTerms(
    pod,
    spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
  )
  const state: State = {
    affinity,
    antiAffinity,
    affinityCounts: new Map(),
    antiAffinityCounts: new Map(),
    existingAntiAffinityCounts: new Map(),
  }
  // a pod without terms of its own only needs the pods with anti-affinity (as PreFilter reads
  // PodsWithRequiredAntiAffinity, v1.32): a large cluster is not walked pod by pod for every pod placed
  const ownTerms = affinity.length > 0 || antiAffinity.length > 0
  for (const node of snapshot.nodes) {
    for (const existing of ownTerms ? node.pods : node.podsWithRequiredAntiAffinity) {
      if (affinity.length > 0 && affinity.every((term) => termMatchesPod(term, existing, snapshot))) {
        for (const term of affinity) bump(state.affinityCounts, node, term.topologyKey)
      }
      for (const term of antiAffinity)
        if (termMatchesPod(term, existing, snapshot)) bump(state.antiAffinityCounts, node, term.topologyKey)
      const theirs = schedulingSpec(existing).affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution
      for (const term of affinityTerms(existing, theirs)) {
        if (termMatchesPod(term, pod, snapshot)) bump(state.existingAntiAffinityCounts, node, term.topologyKey)
      }
    }
  }
  const forSnapshot = cache.get(snapshot) ?? new WeakMap<KubeObject, State>()
  forSnapshot.set(pod, state)
  cache.set(snapshot, forSnapshot)
  return state
}

function satisfiesAffinity(pod: KubeObject, state: State, node: NodeInfo, snapshot: Snapshot): boolean {
  let podsExist = true
  for (const term of state.affinity) {
    const value = node.labels[term.topologyKey]
    if (value === undefined) return false
    if ((state.affinityCounts.get(pair(term.topologyKey, value)) ?? 0) <= 0) podsExist = false
  }
  if (podsExist) return true
  // the first pod of a group with affinity to itself may go anywhere that has the topology labels
  return state.affinityCounts.size === 0 && state.affinity.every((term) => termMatchesPod(term, pod, snapshot))
}

/** InterPodAffinity: required pod affinity, required anti-affinity, and the anti-affinity of pods already placed. */
export function interPodAffinity(pod: KubeObject, node: NodeInfo, snapshot: Snapshot): FilterFailure | undefined {
  const state = stateFor(pod, snapshot)
  if (!satisfiesAffinity(pod, state, node, snapshot))
    return failure('UnschedulableAndUnresolvable', ERR_REASON_AFFINITY)
  for (const term of state.antiAffinity) {
    const value = node.labels[term.topologyKey]
    if (value !== undefined && (state.antiAffinityCounts.get(pair(term.topologyKey, value)) ?? 0) > 0) {
      return failure('Unschedulable', ERR_REASON_ANTI_AFFINITY)
    }
  }
  for (const [key, value] of Object.entries(node.labels)) {
    if ((state.existingAntiAffinityCounts.get(pair(key, value)) ?? 0) > 0)
      return failure('Unschedulable', ERR_REASON_EXISTING_ANTI_AFFINITY)
  }
  return undefined
}
