import type {KubeObject} from '../../backend/object.js'
import {seededRandom} from '../clock/seeded-random.js'
import {fitErrorMessage, NO_NODES_AVAILABLE} from './failed-scheduling-message.js'
import {interPodAffinity} from './filters/inter-pod-affinity.js'
import {nodeAffinity} from './filters/node-affinity.js'
import {nodeName} from './filters/node-name.js'
import {nodePorts} from './filters/node-ports.js'
import {nodeResourcesFit} from './filters/node-resources-fit.js'
import {nodeUnschedulable} from './filters/node-unschedulable.js'
import {podTopologySpread} from './filters/pod-topology-spread.js'
import {taintToleration} from './filters/taint-toleration.js'
import {preemptionOutcome} from './preemption.js'
import {balancedAllocationPlugin} from './scores/balanced-allocation.js'
import {nodeAffinityScore} from './scores/node-affinity.js'
import {nodeResourcesFitScore} from './scores/node-resources-fit.js'
import {podTopologySpreadScore} from './scores/pod-topology-spread.js'
import {taintTolerationScore} from './scores/taint-toleration.js'
import type {Filter, FilterFailure, NodeInfo, ScorePlugin, Snapshot} from './types.js'

/** The filters of the default profile, in the order kube-scheduler v1.32 runs them (first failure wins). */
export const FILTERS: ReadonlyArray<{name: string; filter: Filter}> = [
  {name: 'NodeUnschedulable', filter: nodeUnschedulable},
  {name: 'NodeName', filter: nodeName},
  {name: 'TaintToleration', filter: taintToleration},
  {name: 'NodeAffinity', filter: nodeAffinity},
  {name: 'NodePorts', filter: nodePorts},
  {name: 'NodeResourcesFit', filter: nodeResourcesFit},
  {name: 'PodTopologySpread', filter: podTopologySpread},
  {name: 'InterPodAffinity', filter: interPodAffinity},
]

/** The score plugins of the default profile with their weights (v1.32). */
export const SCORES: readonly ScorePlugin[] = [
  taintTolerationScore,
  nodeAffinityScore,
  podTopologySpreadScore,
  nodeResourcesFitScore,
  balancedAllocationPlugin,
]

/** Where a pod goes, or why it cannot go anywhere. */
export type ScheduleResult =
  {nodeName: string} | {nodeName?: undefined; message: string; statuses: ReadonlyMap<string, FilterFailure>}

/** Runs the filters on one node; the first failure is the node's status. */
export function runFilters(pod: KubeObject, snapshot: Snapshot, node: NodeInfo): FilterFailure | undefined {
  for (const {filter} of FILTERS) {
    const result = filter(pod, node, snapshot)
    if (result) return result
  }
  return undefined
}

/** The weighted total of every score plugin for each feasible node. */
export function totalScores(pod: KubeObject, snapshot: Snapshot, feasible: readonly NodeInfo[]): number[] {
  const totals = feasible.map(() => 0)
  for (const plugin of SCORES) {
    if (plugin.applies && !plugin.applies(pod, snapshot)) continue
    const raw = feasible.map((node) => plugin.score(pod, node, snapshot, feasible))
    const normalized = plugin.normalize ? plugin.normalize(raw, feasible, pod, snapshot) : raw
    normalized.forEach((score, i) => {
      totals[i] = (totals[i] ?? 0) + score * plugin.weight
    })
  }
  return totals
}

// schedule_one.go minFeasibleNodesToFind and minFeasibleNodesPercentageToFind (v1.32)
const MIN_FEASIBLE_NODES_TO_FIND = 100
const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5

/**
 * schedule_one.go numFeasibleNodesToFind with the default (adaptive) percentageOfNodesToScore: every node of a
 * small cluster, else 50% less 1% per 125 nodes (at least 5%), and never fewer than 100 nodes.
 */
export function numFeasibleNodesToFind(numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes
  const percentage = Math.max(50 - Math.trunc(numAllNodes / 125), MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND)
  return Math.max(Math.trunc((numAllNodes * percentage) / 100), MIN_FEASIBLE_NODES_TO_FIND)
}

function seedOf(pod: KubeObject): string {
  return pod.metadata.uid ?? `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`
}

/**
 * One scheduling cycle (schedule_one.go, v1.32): filter nodes until enough are feasible (all of them in a
 * cluster under 100 nodes), score the feasible ones, pick the best;
 * ties are broken by reservoir sampling as selectHost does, with randomness seeded by the pod's uid so the
 * same state always gives the same node.
 */
export function schedulePod(pod: KubeObject, snapshot: Snapshot): ScheduleResult {
  if (snapshot.nodes.length === 0) return {message: NO_NODES_AVAILABLE, statuses: new Map()}
  const statuses = new Map<string, FilterFailure>()
  const feasible: NodeInfo[] = []
  const nodes = snapshot.nodes
  const toFind = numFeasibleNodesToFind(nodes.length)
  // upstream starts where the previous cycle stopped; a start drawn from the pod's uid spreads the work alike
  // and keeps the same state giving the same placement
  const start = toFind < nodes.length ? Math.floor(seededRandom(`start:${seedOf(pod)}`)() * nodes.length) : 0
  for (let i = 0; i < nodes.length && feasible.length < toFind; i++) {
    const node = nodes[(start + i) % nodes.length]
    if (!node) continue
    const status = runFilters(pod, snapshot, node)
    if (status) statuses.set(node.name, status)
    else feasible.push(node)
  }
  if (feasible.length === 0) {
    const preemption = preemptionOutcome(pod, snapshot, statuses, runFilters)
    return {message: fitErrorMessage(snapshot.nodes.length, statuses.values(), preemption.message ?? ''), statuses}
  }
  if (feasible.length === 1) return {nodeName: feasible[0]?.name ?? ''}
  const totals = totalScores(pod, snapshot, feasible)
  const random = seededRandom(seedOf(pod))
  let best = Number.NEGATIVE_INFINITY
  let selected = ''
  let ties = 0
  feasible.forEach((node, i) => {
    const score = totals[i] ?? 0
    if (score > best) {
      best = score
      selected = node.name
      ties = 1
    } else if (score === best) {
      ties++
      if (Math.floor(random() * ties) === 0) selected = node.name
    }
  })
  return {nodeName: selected}
}
