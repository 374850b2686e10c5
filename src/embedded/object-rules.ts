import type {KubeObject} from '../backend/object.js'

// Kinds whose registry strategy keeps metadata.generation (pkg/registry/*/strategy.go, v1.32); others leave it unset.
const GENERATION_RESOURCES = new Set([
  'apps/deployments',
  'apps/replicasets',
  'apps/statefulsets',
  'apps/daemonsets',
  'batch/jobs',
  'batch/cronjobs',
  '/replicationcontrollers',
  'autoscaling/horizontalpodautoscalers',
  'networking.k8s.io/ingresses',
  'networking.k8s.io/networkpolicies',
  'policy/poddisruptionbudgets',
  'apiextensions.k8s.io/customresourcedefinitions',
])

// Kinds with a status subresource: a write to the main resource keeps the stored status (and vice versa).
const STATUS_SUBRESOURCE = new Set([
  ...GENERATION_RESOURCES,
  '/pods',
  '/services',
  '/namespaces',
  '/nodes',
  '/persistentvolumes',
  '/persistentvolumeclaims',
  '/resourcequotas',
])

// Workload kinds whose create strategy resets status to empty (PrepareForCreate).
const STATUS_RESET_ON_CREATE = new Set(
  [...GENERATION_RESOURCES].filter((r) => r !== 'apiextensions.k8s.io/customresourcedefinitions'),
)

/** True when objects of this resource carry metadata.generation. */
export function hasGeneration(resource: string, isCustom: boolean): boolean {
  return isCustom || GENERATION_RESOURCES.has(resource)
}

/** True when the resource has a status subresource. */
export function hasStatusSubresource(resource: string): boolean {
  return STATUS_SUBRESOURCE.has(resource)
}

/** True when create clears the status the client sent. */
export function resetsStatusOnCreate(resource: string): boolean {
  return STATUS_RESET_ON_CREATE.has(resource)
}

/** Everything but metadata and status: what a generation bump watches. */
export function specOf(object: KubeObject): string {
  const {metadata: _metadata, status: _status, apiVersion: _a, kind: _k, ...rest} = object
  return JSON.stringify(rest)
}
