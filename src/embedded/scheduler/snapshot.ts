import type {KubeObject} from '../../backend/object.js'
import type {LabelSelectorSpec} from '../../resources/label-selector.js'
import {addResources, emptyResources, podRequests, resourcesOf} from './pod-requests.js'
import {podPhase, schedulingSpec, type NodeInfo, type Snapshot, type Taint} from './types.js'

/** What a snapshot is built from: the objects as the store holds them. */
export interface SnapshotSource {
  nodes: readonly KubeObject[]
  pods: readonly KubeObject[]
  namespaces?: readonly KubeObject[]
  /** Services, ReplicationControllers, ReplicaSets and StatefulSets */
  workloads?: readonly KubeObject[]
}

/** Whether a pod holds a place on its node: bound and not finished (the scheduler cache ignores terminal pods). */
export function occupiesNode(pod: KubeObject): boolean {
  const phase = podPhase(pod)
  return Boolean(schedulingSpec(pod).nodeName) && phase !== 'Succeeded' && phase !== 'Failed'
}

/** A NodeInfo for a node and the pods bound to it. */
export function nodeInfoOf(node: KubeObject, pods: readonly KubeObject[]): NodeInfo {
  const spec = (node['spec'] ?? {}) as {taints?: Taint[]; unschedulable?: boolean}
  const allocatableList = ((node['status'] ?? {}) as {allocatable?: Record<string, unknown>}).allocatable
  let requested = emptyResources()
  let nonZeroRequested = emptyResources()
  for (const pod of pods) {
    requested = addResources(requested, podRequests(pod))
    nonZeroRequested = addResources(nonZeroRequested, podRequests(pod, true))
  }
  const podsQuantity = Number.parseInt(String(allocatableList?.['pods'] ?? '0'), 10)
  return {
    node,
    name: node.metadata.name ?? '',
    labels: node.metadata.labels ?? {},
    taints: spec.taints ?? [],
    unschedulable: spec.unschedulable === true,
    allocatable: resourcesOf(allocatableList),
    allowedPodNumber: Number.isNaN(podsQuantity) ? 0 : podsQuantity,
    pods: [...pods],
    podsWithRequiredAntiAffinity: pods.filter(
      (pod) =>
        (schedulingSpec(pod).affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).length >
        0,
    ),
    requested,
    nonZeroRequested,
  }
}

const CONTROLLER_KINDS = new Set(['ReplicationController', 'ReplicaSet', 'StatefulSet'])

/** The cluster as the scheduler's cache would hold it: nodes by name, each with its non-terminal pods. */
export function buildSnapshot(source: SnapshotSource): Snapshot {
  const byNode = new Map<string, KubeObject[]>()
  for (const pod of source.pods) {
    if (!occupiesNode(pod)) continue
    const name = schedulingSpec(pod).nodeName ?? ''
    const list = byNode.get(name) ?? []
    list.push(pod)
    byNode.set(name, list)
  }
  const nodes = [...source.nodes]
    .sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1))
    .map((node) => nodeInfoOf(node, byNode.get(node.metadata.name ?? '') ?? []))
  return snapshotOf(nodes, source)
}

/** A snapshot over NodeInfos already made (sorted by name), with what it needs of namespaces and workloads. */
export function snapshotOf(nodes: readonly NodeInfo[], source: Omit<SnapshotSource, 'nodes' | 'pods'>): Snapshot {
  const namespaceLabels = new Map<string, Record<string, string>>()
  for (const namespace of source.namespaces ?? [])
    namespaceLabels.set(namespace.metadata.name ?? '', namespace.metadata.labels ?? {})
  const services: Array<{namespace: string; selector: Record<string, string>}> = []
  const controllers = new Map<string, LabelSelectorSpec>()
  for (const workload of source.workloads ?? []) {
    const selector = (workload['spec'] as {selector?: unknown} | undefined)?.selector
    if (selector === undefined || selector === null || typeof selector !== 'object') continue
    const namespace = workload.metadata.namespace ?? ''
    if (workload.kind === 'Service') services.push({namespace, selector: selector as Record<string, string>})
    if (!CONTROLLER_KINDS.has(workload.kind)) continue
    // ReplicationControllers select with a plain map; the apps kinds with a LabelSelector
    const spec =
      workload.kind === 'ReplicationController'
        ? {matchLabels: selector as Record<string, string>}
        : (selector as LabelSelectorSpec)
    controllers.set(`${workload.kind}/${namespace}/${workload.metadata.name ?? ''}`, spec)
  }
  return {nodes, namespaceLabels, services, controllers}
}
