import type {KubeObject} from '../backend/object.js'
import {labelSelectorFromSpec, labelSelectorString} from '../resources/label-selector.js'

// the kinds with a scale subresource among the built-ins (v1.32)
const SCALABLE_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'])

/** True when the object's kind serves a scale subresource. */
export function isScalable(kind: string): boolean {
  return SCALABLE_KINDS.has(kind)
}

/** The autoscaling/v1 Scale view of a scalable object, as GET .../scale returns it. */
export function scaleOf(object: KubeObject): KubeObject {
  const spec = (object['spec'] ?? {}) as {replicas?: number; selector?: Parameters<typeof labelSelectorFromSpec>[0]}
  const status = (object['status'] ?? {}) as {replicas?: number}
  const {name, namespace, uid, resourceVersion, creationTimestamp} = object.metadata
  const metadata: KubeObject['metadata'] = {name, namespace, uid, resourceVersion, creationTimestamp}
  return {
    apiVersion: 'autoscaling/v1',
    kind: 'Scale',
    metadata,
    spec: {replicas: spec.replicas ?? 0},
    status: {
      replicas: status.replicas ?? 0,
      selector: spec.selector ? labelSelectorString(labelSelectorFromSpec(spec.selector)) : '',
    },
  }
}

/** The object with the replicas of a (patched) Scale written back into its spec. */
export function withScale(object: KubeObject, scale: KubeObject): KubeObject {
  const replicas = (scale['spec'] as {replicas?: number} | undefined)?.replicas ?? 0
  const next = structuredClone(object)
  next['spec'] = {...(next['spec'] as object | undefined), replicas}
  // the Scale carries the resourceVersion the client saw: a stale one conflicts
  next.metadata.resourceVersion = scale.metadata.resourceVersion ?? object.metadata.resourceVersion
  return next
}
