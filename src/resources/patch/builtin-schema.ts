import {parseApiVersion} from '../../backend/refs.js'
import type {FieldSpec, PatchSchema, TypeTable} from './schema.js'
import {tableSchema} from './schema.js'

// The patchStrategy/patchMergeKey tags of k8s.io/api types.go (v1.32), as a graph of the types that hold them:
// PodSpec appears once and is reached from Pod.spec, every *.spec.template.spec and CronJob's jobTemplate.
// Fields without tags are left out: they are replaced whole (lists) or merged key by key (maps).

const mergeBy = (mergeKey: string, type?: string): FieldSpec => ({strategy: 'merge', mergeKey, type})
const conditions = mergeBy('type')

const TYPES: TypeTable = {
  ObjectMeta: {finalizers: {strategy: 'merge'}, ownerReferences: mergeBy('uid')},
  PodTemplateSpec: {metadata: {type: 'ObjectMeta'}, spec: {type: 'PodSpec'}},
  PodSpec: {
    volumes: {...mergeBy('name', 'Volume'), retainKeys: true},
    initContainers: mergeBy('name', 'Container'),
    containers: mergeBy('name', 'Container'),
    ephemeralContainers: mergeBy('name', 'Container'),
    imagePullSecrets: mergeBy('name'),
    hostAliases: mergeBy('ip'),
    topologySpreadConstraints: mergeBy('topologyKey'),
    schedulingGates: mergeBy('name'),
    resourceClaims: {...mergeBy('name'), retainKeys: true},
  },
  Container: {
    ports: mergeBy('containerPort'),
    env: mergeBy('name'),
    volumeMounts: mergeBy('mountPath'),
    volumeDevices: mergeBy('devicePath'),
  },
  Volume: {ephemeral: {type: 'EphemeralVolumeSource'}},
  EphemeralVolumeSource: {volumeClaimTemplate: {type: 'PersistentVolumeClaimTemplate'}},
  PersistentVolumeClaimTemplate: {metadata: {type: 'ObjectMeta'}},
  PodStatus: {
    conditions,
    podIPs: mergeBy('ip'),
    hostIPs: mergeBy('ip'),
    resourceClaimStatuses: {...mergeBy('name'), retainKeys: true},
  },
  ConditionsStatus: {conditions},
  NodeSpec: {podCIDRs: {strategy: 'merge'}},
  NodeStatus: {conditions, addresses: mergeBy('type')},
  ServiceSpec: {ports: mergeBy('port')},
  DeploymentSpec: {template: {type: 'PodTemplateSpec'}, strategy: {retainKeys: true}},
  WorkloadSpec: {template: {type: 'PodTemplateSpec'}},
  JobTemplateSpec: {metadata: {type: 'ObjectMeta'}, spec: {type: 'WorkloadSpec'}},
  CronJobSpec: {jobTemplate: {type: 'JobTemplateSpec'}},
  WebhookConfiguration: {metadata: {type: 'ObjectMeta'}, webhooks: mergeBy('name')},
  ServiceAccount: {metadata: {type: 'ObjectMeta'}, secrets: mergeBy('name')},
  PodTemplate: {metadata: {type: 'ObjectMeta'}, template: {type: 'PodTemplateSpec'}},
  // kinds by their spec and status types
  Pod: {metadata: {type: 'ObjectMeta'}, spec: {type: 'PodSpec'}, status: {type: 'PodStatus'}},
  Node: {metadata: {type: 'ObjectMeta'}, spec: {type: 'NodeSpec'}, status: {type: 'NodeStatus'}},
  Service: {metadata: {type: 'ObjectMeta'}, spec: {type: 'ServiceSpec'}, status: {type: 'ConditionsStatus'}},
  Deployment: {metadata: {type: 'ObjectMeta'}, spec: {type: 'DeploymentSpec'}, status: {type: 'ConditionsStatus'}},
  Workload: {metadata: {type: 'ObjectMeta'}, spec: {type: 'WorkloadSpec'}, status: {type: 'ConditionsStatus'}},
  CronJob: {metadata: {type: 'ObjectMeta'}, spec: {type: 'CronJobSpec'}},
  WithConditions: {metadata: {type: 'ObjectMeta'}, status: {type: 'ConditionsStatus'}},
  Plain: {metadata: {type: 'ObjectMeta'}},
}

// Every kind kubectl's scheme knows gets a strategic merge patch; the rest (custom resources) a JSON merge patch.
// apiextensions.k8s.io is served by a built-in API server that accepts strategic merge patches for CRDs.
const KINDS: Readonly<Record<string, string>> = {
  Pod: 'Pod',
  Node: 'Node',
  Service: 'Service',
  ServiceAccount: 'ServiceAccount',
  PodTemplate: 'PodTemplate',
  ReplicationController: 'Workload',
  Namespace: 'WithConditions',
  PersistentVolumeClaim: 'WithConditions',
  ConfigMap: 'Plain',
  Secret: 'Plain',
  Endpoints: 'Plain',
  Event: 'Plain',
  LimitRange: 'Plain',
  ResourceQuota: 'Plain',
  PersistentVolume: 'Plain',
  'apps/Deployment': 'Deployment',
  'apps/ReplicaSet': 'Workload',
  'apps/StatefulSet': 'Workload',
  'apps/DaemonSet': 'Workload',
  'apps/ControllerRevision': 'Plain',
  'batch/Job': 'Workload',
  'batch/CronJob': 'CronJob',
  'autoscaling/HorizontalPodAutoscaler': 'WithConditions',
  'policy/PodDisruptionBudget': 'WithConditions',
  'networking.k8s.io/Ingress': 'Plain',
  'networking.k8s.io/IngressClass': 'Plain',
  'networking.k8s.io/NetworkPolicy': 'Plain',
  'discovery.k8s.io/EndpointSlice': 'Plain',
  'events.k8s.io/Event': 'Plain',
  'coordination.k8s.io/Lease': 'Plain',
  'rbac.authorization.k8s.io/Role': 'Plain',
  'rbac.authorization.k8s.io/RoleBinding': 'Plain',
  'rbac.authorization.k8s.io/ClusterRole': 'Plain',
  'rbac.authorization.k8s.io/ClusterRoleBinding': 'Plain',
  'storage.k8s.io/StorageClass': 'Plain',
  'scheduling.k8s.io/PriorityClass': 'Plain',
  'admissionregistration.k8s.io/ValidatingWebhookConfiguration': 'WebhookConfiguration',
  'admissionregistration.k8s.io/MutatingWebhookConfiguration': 'WebhookConfiguration',
  'apiextensions.k8s.io/CustomResourceDefinition': 'Plain',
}

/**
 * The strategic merge patch schema of a built-in kind, or undefined for kinds that take JSON merge patches
 * (custom resources), as kubectl's patcher and kube-apiserver decide.
 */
export function patchSchemaFor(apiVersion: string, kind: string): PatchSchema | undefined {
  const {group} = parseApiVersion(apiVersion)
  const key = group === '' ? kind : `${group}/${kind}`
  const typeName = Object.prototype.hasOwnProperty.call(KINDS, key) ? KINDS[key] : undefined
  return typeName === undefined ? undefined : tableSchema(TYPES, typeName)
}
