// Entry point of defaulting: what kube-apiserver v1.32 fills in on a write before validation, by
// kind. Pure: returns a new object, never touches the argument.
import {isJsonObject, type JsonObject, type KubeObject} from '../../backend/object.js'
import type {ResourceInfo} from '../../backend/refs.js'
import {str} from './json.js'
import {
  defaultEndpoints,
  defaultLimitRange,
  defaultNamespace,
  defaultNode,
  defaultPersistentVolume,
  defaultPersistentVolumeClaim,
  defaultResourceQuota,
  defaultSecret,
  defaultService,
} from './defaulting/core.js'
import {defaultHorizontalPodAutoscaler, defaultNetworkPolicy, defaultRoleBinding} from './defaulting/other-kinds.js'
import {defaultPod} from './defaulting/pod.js'
import {defaultPodTemplate} from './defaulting/pod-spec.js'
import {
  defaultCronJob,
  defaultDaemonSet,
  defaultDeployment,
  defaultJob,
  defaultReplicaSet,
  defaultReplicationController,
  defaultStatefulSet,
} from './defaulting/workloads.js'

type Defaulter = (object: JsonObject, old: JsonObject | undefined) => void

// Keyed by `group/Kind` ('' for the core group).
const DEFAULTERS: Readonly<Record<string, Defaulter>> = {
  '/Pod': (o, old) => defaultPod(o, old === undefined),
  '/PodTemplate': (o) => {
    if (isJsonObject(o['template'])) defaultPodTemplate(o['template'])
  },
  '/ReplicationController': (o) => defaultReplicationController(o),
  '/Service': defaultService,
  '/Namespace': defaultNamespace,
  '/Secret': (o) => defaultSecret(o),
  '/PersistentVolumeClaim': (o) => defaultPersistentVolumeClaim(o),
  '/PersistentVolume': (o) => defaultPersistentVolume(o),
  '/Node': (o) => defaultNode(o),
  '/Endpoints': (o) => defaultEndpoints(o),
  '/LimitRange': (o) => defaultLimitRange(o),
  '/ResourceQuota': (o) => defaultResourceQuota(o),
  'apps/Deployment': (o) => defaultDeployment(o),
  'apps/ReplicaSet': (o) => defaultReplicaSet(o),
  'apps/DaemonSet': (o) => defaultDaemonSet(o),
  'apps/StatefulSet': (o) => defaultStatefulSet(o),
  'batch/Job': (o, old) => defaultJob(o, old === undefined),
  'batch/CronJob': (o) => defaultCronJob(o),
  'autoscaling/HorizontalPodAutoscaler': (o) => defaultHorizontalPodAutoscaler(o),
  'networking.k8s.io/NetworkPolicy': (o) => defaultNetworkPolicy(o),
  'rbac.authorization.k8s.io/RoleBinding': (o) => defaultRoleBinding(o),
  'rbac.authorization.k8s.io/ClusterRoleBinding': (o) => defaultRoleBinding(o),
}

// Status is a struct in these kinds, so it prints even before a controller writes it; the
// fields without omitempty print as zero (`status: {replicas: 0}`).
const ZERO_STATUS: Readonly<Record<string, JsonObject>> = {
  'apps/Deployment': {},
  'apps/ReplicaSet': {replicas: 0},
  'apps/DaemonSet': {currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0},
  'apps/StatefulSet': {availableReplicas: 0, replicas: 0},
  'batch/Job': {},
  'batch/CronJob': {},
  '/ReplicationController': {replicas: 0},
  'autoscaling/HorizontalPodAutoscaler': {currentMetrics: null, desiredReplicas: 0},
  'policy/PodDisruptionBudget': {currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0},
  '/ResourceQuota': {},
  'networking.k8s.io/Ingress': {loadBalancer: {}},
}

// rest.BeforeUpdate: identity and deletion fields an update cannot change are taken from the old object.
function keepSystemFields(metadata: JsonObject, old: KubeObject): void {
  const previous = old.metadata
  if (str(metadata['uid']).length === 0 && previous.uid !== undefined) metadata['uid'] = previous.uid
  if (previous.creationTimestamp !== undefined) metadata['creationTimestamp'] = previous.creationTimestamp
  if (previous.deletionTimestamp !== undefined) metadata['deletionTimestamp'] = previous.deletionTimestamp
  if (previous.deletionGracePeriodSeconds !== undefined && metadata['deletionGracePeriodSeconds'] === undefined) {
    metadata['deletionGracePeriodSeconds'] = previous.deletionGracePeriodSeconds
  }
}

/**
 * Returns a copy of `object` with the defaults kube-apiserver v1.32 applies on a write.
 * Pass `old` on update: creation-only steps (Pod admission plugins and initial status, the Job
 * selector, the Namespace finalizer) then do not run, and system metadata is kept from `old`.
 * For a Job to get its selector, metadata.uid must be set before this runs, as the API server
 * sets it before the Job strategy. Cluster IPs are not allocated here (see cluster-ip.ts).
 */
export function defaultObject(info: ResourceInfo, object: KubeObject, old?: KubeObject): KubeObject {
  const copy = structuredClone(object)
  const metadata = copy.metadata as unknown as JsonObject
  // A cluster-scoped object's namespace is cleared (rest.EnsureObjectNamespaceMatchesRequestNamespace).
  if (!info.namespaced) delete metadata['namespace']
  if (old !== undefined) keepSystemFields(metadata, old)
  const kindKey = `${info.group}/${info.kind}`
  const body = copy as unknown as JsonObject
  const oldBody = old === undefined ? undefined : (structuredClone(old) as unknown as JsonObject)
  DEFAULTERS[kindKey]?.(body, oldBody)
  const zeroStatus = ZERO_STATUS[kindKey]
  if (zeroStatus !== undefined && !isJsonObject(body['status'])) body['status'] = structuredClone(zeroStatus)
  return copy
}
