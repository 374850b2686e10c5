/** An owner of an object, as metadata.ownerReferences holds it. */
export interface OwnerReference {
  apiVersion: string
  kind: string
  name: string
  uid: string
  controller?: boolean
  blockOwnerDeletion?: boolean
}

/** metadata of every Kubernetes object (meta/v1 ObjectMeta). */
export interface ObjectMeta {
  name?: string
  generateName?: string
  namespace?: string
  uid?: string
  resourceVersion?: string
  generation?: number
  creationTimestamp?: string
  deletionTimestamp?: string
  deletionGracePeriodSeconds?: number
  labels?: Record<string, string>
  annotations?: Record<string, string>
  ownerReferences?: OwnerReference[]
  finalizers?: string[]
  managedFields?: unknown[]
}

/** Any Kubernetes object; kind-specific fields are read through the index signature. */
export interface KubeObject {
  apiVersion: string
  kind: string
  metadata: ObjectMeta
  [field: string]: unknown
}

/** A list of objects (`kind: List` or `<Kind>List`). */
export interface KubeList {
  apiVersion: string
  kind: string
  metadata: {resourceVersion?: string; continue?: string; remainingItemCount?: number}
  items: KubeObject[]
}

/** A plain JSON object, for walking unstructured content. */
export type JsonObject = Record<string, unknown>

/** True when a value is a plain (non-array, non-null) object. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
