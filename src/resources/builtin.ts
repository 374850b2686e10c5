import type {ResourceInfo} from '../backend/refs.js'

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] as const

interface KindSpec {
  group: string
  version: string
  kind: string
  resource: string
  shortNames?: string[]
  namespaced: boolean
  categories?: string[]
  verbs?: readonly string[]
}

function info(spec: KindSpec): ResourceInfo {
  return {
    group: spec.group,
    version: spec.version,
    kind: spec.kind,
    resource: spec.resource,
    singular: spec.kind.toLowerCase(),
    shortNames: spec.shortNames ?? [],
    namespaced: spec.namespaced,
    verbs: spec.verbs ?? ALL_VERBS,
    categories: spec.categories ?? [],
  }
}

// Names, short names, scope and categories as kube-apiserver v1.32 serves them (api/discovery/aggregated_v2.json).
/** The built-in kinds the embedded control plane serves, in discovery order. */
export const BUILTIN_RESOURCES: readonly ResourceInfo[] = [
  info({group: '', version: 'v1', kind: 'ConfigMap', resource: 'configmaps', shortNames: ['cm'], namespaced: true}),
  info({group: '', version: 'v1', kind: 'Endpoints', resource: 'endpoints', shortNames: ['ep'], namespaced: true}),
  info({group: '', version: 'v1', kind: 'Event', resource: 'events', shortNames: ['ev'], namespaced: true}),
  info({
    group: '',
    version: 'v1',
    kind: 'LimitRange',
    resource: 'limitranges',
    shortNames: ['limits'],
    namespaced: true,
  }),
  info({
    group: '',
    version: 'v1',
    kind: 'Namespace',
    resource: 'namespaces',
    shortNames: ['ns'],
    namespaced: false,
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  }),
  info({group: '', version: 'v1', kind: 'Node', resource: 'nodes', shortNames: ['no'], namespaced: false}),
  info({
    group: '',
    version: 'v1',
    kind: 'PersistentVolumeClaim',
    resource: 'persistentvolumeclaims',
    shortNames: ['pvc'],
    namespaced: true,
  }),
  info({
    group: '',
    version: 'v1',
    kind: 'PersistentVolume',
    resource: 'persistentvolumes',
    shortNames: ['pv'],
    namespaced: false,
  }),
  info({
    group: '',
    version: 'v1',
    kind: 'Pod',
    resource: 'pods',
    shortNames: ['po'],
    namespaced: true,
    categories: ['all'],
  }),
  info({
    group: '',
    version: 'v1',
    kind: 'ReplicationController',
    resource: 'replicationcontrollers',
    shortNames: ['rc'],
    namespaced: true,
    categories: ['all'],
  }),
  info({
    group: '',
    version: 'v1',
    kind: 'ResourceQuota',
    resource: 'resourcequotas',
    shortNames: ['quota'],
    namespaced: true,
  }),
  info({group: '', version: 'v1', kind: 'Secret', resource: 'secrets', namespaced: true}),
  info({
    group: '',
    version: 'v1',
    kind: 'ServiceAccount',
    resource: 'serviceaccounts',
    shortNames: ['sa'],
    namespaced: true,
  }),
  info({
    group: '',
    version: 'v1',
    kind: 'Service',
    resource: 'services',
    shortNames: ['svc'],
    namespaced: true,
    categories: ['all'],
  }),
  info({
    group: 'apiextensions.k8s.io',
    version: 'v1',
    kind: 'CustomResourceDefinition',
    resource: 'customresourcedefinitions',
    shortNames: ['crd', 'crds'],
    namespaced: false,
    categories: ['api-extensions'],
  }),
  info({group: 'apps', version: 'v1', kind: 'ControllerRevision', resource: 'controllerrevisions', namespaced: true}),
  info({
    group: 'apps',
    version: 'v1',
    kind: 'DaemonSet',
    resource: 'daemonsets',
    shortNames: ['ds'],
    namespaced: true,
    categories: ['all'],
  }),
  info({
    group: 'apps',
    version: 'v1',
    kind: 'Deployment',
    resource: 'deployments',
    shortNames: ['deploy'],
    namespaced: true,
    categories: ['all'],
  }),
  info({
    group: 'apps',
    version: 'v1',
    kind: 'ReplicaSet',
    resource: 'replicasets',
    shortNames: ['rs'],
    namespaced: true,
    categories: ['all'],
  }),
  info({
    group: 'apps',
    version: 'v1',
    kind: 'StatefulSet',
    resource: 'statefulsets',
    shortNames: ['sts'],
    namespaced: true,
    categories: ['all'],
  }),
  info({
    group: 'autoscaling',
    version: 'v2',
    kind: 'HorizontalPodAutoscaler',
    resource: 'horizontalpodautoscalers',
    shortNames: ['hpa'],
    namespaced: true,
    categories: ['all'],
  }),
  info({
    group: 'batch',
    version: 'v1',
    kind: 'CronJob',
    resource: 'cronjobs',
    shortNames: ['cj'],
    namespaced: true,
    categories: ['all'],
  }),
  info({group: 'batch', version: 'v1', kind: 'Job', resource: 'jobs', namespaced: true, categories: ['all']}),
  info({group: 'coordination.k8s.io', version: 'v1', kind: 'Lease', resource: 'leases', namespaced: true}),
  info({group: 'discovery.k8s.io', version: 'v1', kind: 'EndpointSlice', resource: 'endpointslices', namespaced: true}),
  info({
    group: 'events.k8s.io',
    version: 'v1',
    kind: 'Event',
    resource: 'events',
    shortNames: ['ev'],
    namespaced: true,
  }),
  info({
    group: 'networking.k8s.io',
    version: 'v1',
    kind: 'Ingress',
    resource: 'ingresses',
    shortNames: ['ing'],
    namespaced: true,
  }),
  info({
    group: 'networking.k8s.io',
    version: 'v1',
    kind: 'NetworkPolicy',
    resource: 'networkpolicies',
    shortNames: ['netpol'],
    namespaced: true,
  }),
  info({
    group: 'policy',
    version: 'v1',
    kind: 'PodDisruptionBudget',
    resource: 'poddisruptionbudgets',
    shortNames: ['pdb'],
    namespaced: true,
  }),
  info({
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    kind: 'ClusterRoleBinding',
    resource: 'clusterrolebindings',
    namespaced: false,
  }),
  info({
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    kind: 'ClusterRole',
    resource: 'clusterroles',
    namespaced: false,
  }),
  info({
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    kind: 'RoleBinding',
    resource: 'rolebindings',
    namespaced: true,
  }),
  info({group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'Role', resource: 'roles', namespaced: true}),
  info({
    group: 'storage.k8s.io',
    version: 'v1',
    kind: 'StorageClass',
    resource: 'storageclasses',
    shortNames: ['sc'],
    namespaced: false,
  }),
]
