import type {KubeObject} from '../../backend/object.js'
import type {LabelSelectorSpec} from '../../resources/label-selector.js'

/** A node taint (core/v1 Taint). */
export interface Taint {
  key: string
  value?: string
  effect: string
}

/** A pod toleration (core/v1 Toleration). */
export interface Toleration {
  key?: string
  operator?: string
  value?: string
  effect?: string
  tolerationSeconds?: number
}

/** One requirement of a NodeSelectorTerm (core/v1 NodeSelectorRequirement). */
export interface NodeSelectorRequirement {
  key: string
  operator: string
  values?: string[]
}

/** core/v1 NodeSelectorTerm: its expressions (on labels) and fields (metadata.name) are ANDed. */
export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[]
  matchFields?: NodeSelectorRequirement[]
}

/** core/v1 PodAffinityTerm. */
export interface PodAffinityTerm {
  labelSelector?: LabelSelectorSpec
  namespaces?: string[]
  namespaceSelector?: LabelSelectorSpec
  topologyKey: string
}

/** core/v1 TopologySpreadConstraint. */
export interface TopologySpreadConstraint {
  maxSkew: number
  topologyKey: string
  whenUnsatisfiable: string
  labelSelector?: LabelSelectorSpec
  minDomains?: number
  matchLabelKeys?: string[]
}

/** The fields of a pod spec the scheduler reads. */
export interface SchedulingSpec {
  nodeName?: string
  schedulerName?: string
  nodeSelector?: Record<string, string>
  tolerations?: Toleration[]
  priority?: number
  preemptionPolicy?: string
  schedulingGates?: Array<{name: string}>
  topologySpreadConstraints?: TopologySpreadConstraint[]
  overhead?: Record<string, unknown>
  containers?: ContainerResources[]
  initContainers?: ContainerResources[]
  affinity?: {
    nodeAffinity?: {
      requiredDuringSchedulingIgnoredDuringExecution?: {nodeSelectorTerms?: NodeSelectorTerm[]}
      preferredDuringSchedulingIgnoredDuringExecution?: Array<{weight: number; preference: NodeSelectorTerm}>
    }
    podAffinity?: {requiredDuringSchedulingIgnoredDuringExecution?: PodAffinityTerm[]}
    podAntiAffinity?: {requiredDuringSchedulingIgnoredDuringExecution?: PodAffinityTerm[]}
  }
}

/** A container's resources and ports, as the scheduler reads them. */
export interface ContainerResources {
  name?: string
  restartPolicy?: string
  resources?: {requests?: Record<string, unknown>}
  ports?: Array<{hostPort?: number; protocol?: string; hostIP?: string}>
}

/** Amounts of the resources the scheduler counts: cpu in millicores, memory and storage in bytes. */
export interface Resources {
  milliCpu: number
  memory: number
  ephemeralStorage: number
  /** extended resources and hugepages, in whole units */
  scalar: Record<string, number>
}

/** A node with the pods bound to it and their summed requests (the scheduler cache's NodeInfo). */
export interface NodeInfo {
  node: KubeObject
  name: string
  labels: Record<string, string>
  taints: Taint[]
  unschedulable: boolean
  allocatable: Resources
  allowedPodNumber: number
  /** bound pods that are not Succeeded or Failed */
  pods: KubeObject[]
  /** those of them with required pod anti-affinity (NodeInfo.PodsWithRequiredAntiAffinity) */
  podsWithRequiredAntiAffinity: KubeObject[]
  requested: Resources
  /** requests with the scheduler's defaults for containers that ask for nothing (100m cpu, 200MB memory) */
  nonZeroRequested: Resources
}

/** The cluster as one scheduling cycle sees it. */
export interface Snapshot {
  /** sorted by name, so every walk over them is deterministic */
  nodes: readonly NodeInfo[]
  namespaceLabels: ReadonlyMap<string, Record<string, string>>
  /** Service selectors, for default spreading (helper.DefaultSelector) */
  services: ReadonlyArray<{namespace: string; selector: Record<string, string>}>
  /** selectors of ReplicationControllers, ReplicaSets and StatefulSets by `Kind/namespace/name` */
  controllers: ReadonlyMap<string, LabelSelectorSpec>
}

/** A filter's verdict on one node; undefined means it passes (framework.Status). */
export interface FilterFailure {
  code: 'Unschedulable' | 'UnschedulableAndUnresolvable'
  reasons: string[]
}

/** A filter plugin: a pure function of the pod, one node and the snapshot. */
export type Filter = (pod: KubeObject, node: NodeInfo, snapshot: Snapshot) => FilterFailure | undefined

/** A score plugin: a raw score per feasible node, then normalisation to 0..100 across them. */
export interface ScorePlugin {
  name: string
  weight: number
  /** false when the plugin has nothing to say about this pod (PreScore's Skip) */
  applies?(pod: KubeObject, snapshot: Snapshot): boolean
  score(pod: KubeObject, node: NodeInfo, snapshot: Snapshot, feasible: readonly NodeInfo[]): number
  normalize?(scores: number[], feasible: readonly NodeInfo[], pod: KubeObject, snapshot: Snapshot): number[]
}

/** The highest node score (framework.MaxNodeScore). */
export const MAX_NODE_SCORE = 100

/** The scheduling fields of a pod's spec. */
export function schedulingSpec(pod: KubeObject): SchedulingSpec {
  return (pod['spec'] ?? {}) as SchedulingSpec
}

/** A pod's phase, '' when it has none yet. */
export function podPhase(pod: KubeObject): string {
  return ((pod['status'] ?? {}) as {phase?: string}).phase ?? ''
}

/** A failure with one reason. */
export function failure(code: FilterFailure['code'], reason: string): FilterFailure {
  return {code, reasons: [reason]}
}
