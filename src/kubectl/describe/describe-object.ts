import type {Backend} from '../../backend/backend.js'
import type {KubeObject} from '../../backend/object.js'
import type {ResourceInfo} from '../../backend/refs.js'
import type {DescribeContext, Describer} from './context.js'
import {describeConfigMap, describeSecret, describeServiceAccount} from './config.js'
import {describeDeployment} from './deployment.js'
import {describeEndpointSlice, describeEndpoints} from './endpoints.js'
import {describeGeneric} from './generic.js'
import {describeHorizontalPodAutoscaler} from './horizontal-pod-autoscaler.js'
import {describeIngress, describeIngressClass} from './ingress.js'
import {describeCronJob, describeJob} from './job.js'
import {describeNetworkPolicy} from './network-policy.js'
import {describeNode} from './node.js'
import {describePersistentVolume, describePersistentVolumeClaim} from './persistent-volume.js'
import {describePod} from './pod.js'
import {describePodDisruptionBudget, describePriorityClass, describeRoleBinding} from './policy.js'
import {describeLimitRange, describeNamespace, describeResourceQuota} from './quota.js'
import {describeReplicaSet, describeReplicationController} from './replica-set.js'
import {describeRole} from './role.js'
import {describeService} from './service.js'
import {describeDaemonSet, describeStatefulSet} from './stateful-set.js'
import {describeStorageClass} from './storage-class.js'

// kubectl's --chunk-size default for the lists describers make
const DEFAULT_CHUNK_SIZE = 500

/** Options of describeObject. */
export interface DescribeOptions {
  /** the clock ages are measured against, in ms since the epoch */
  now: number
  /** list the events about the object (kubectl --show-events, default true) */
  showEvents?: boolean
  /** page size of the lists describe makes (kubectl --chunk-size, default 500; 0 lists in one page) */
  chunkSize?: number
}

// kubectl: pkg/describe/describe.go describerMap, keyed by group and kind (v1.32)
const DESCRIBERS: ReadonlyMap<string, Describer> = new Map<string, Describer>([
  ['/Pod', describePod],
  ['/ReplicationController', describeReplicationController],
  ['/Secret', describeSecret],
  ['/Service', describeService],
  ['/ServiceAccount', describeServiceAccount],
  ['/Node', describeNode],
  ['/LimitRange', describeLimitRange],
  ['/ResourceQuota', describeResourceQuota],
  ['/PersistentVolume', describePersistentVolume],
  ['/PersistentVolumeClaim', describePersistentVolumeClaim],
  ['/Namespace', describeNamespace],
  ['/Endpoints', describeEndpoints],
  ['/ConfigMap', describeConfigMap],
  ['discovery.k8s.io/EndpointSlice', describeEndpointSlice],
  ['autoscaling/HorizontalPodAutoscaler', describeHorizontalPodAutoscaler],
  ['networking.k8s.io/Ingress', describeIngress],
  ['networking.k8s.io/IngressClass', describeIngressClass],
  ['networking.k8s.io/NetworkPolicy', describeNetworkPolicy],
  ['batch/Job', describeJob],
  ['batch/CronJob', describeCronJob],
  ['apps/StatefulSet', describeStatefulSet],
  ['apps/Deployment', describeDeployment],
  ['apps/DaemonSet', describeDaemonSet],
  ['apps/ReplicaSet', describeReplicaSet],
  ['storage.k8s.io/StorageClass', describeStorageClass],
  ['policy/PodDisruptionBudget', describePodDisruptionBudget],
  ['rbac.authorization.k8s.io/Role', describeRole],
  ['rbac.authorization.k8s.io/ClusterRole', describeRole],
  ['rbac.authorization.k8s.io/RoleBinding', describeRoleBinding],
  ['rbac.authorization.k8s.io/ClusterRoleBinding', describeRoleBinding],
  ['scheduling.k8s.io/PriorityClass', describePriorityClass],
])

/**
 * The text `kubectl describe` prints for one object, looking up what it shows besides the object
 * (events, owned ReplicaSets and pods, endpoints, ...) through the backend. Kinds without a describer
 * of their own get kubectl's generic describer. Several objects are separated by the caller with
 * "\n\n" before every description but the first, as kubectl does.
 */
export async function describeObject(
  backend: Backend,
  info: ResourceInfo,
  object: KubeObject,
  options: DescribeOptions,
): Promise<string> {
  const context: DescribeContext = {
    backend,
    info,
    now: options.now,
    showEvents: options.showEvents ?? true,
    chunkSize: options.chunkSize ?? DEFAULT_CHUNK_SIZE,
  }
  const describer = DESCRIBERS.get(`${info.group}/${info.kind}`) ?? describeGeneric
  return describer(object, context)
}
