// The scale subresource: the built-in kinds' (scale-subresource.ts) and a custom resource's, whose replicas
// live where its CRD's subresources.scale points (apiextensions-apiserver pkg/registry/customresource/etcd.go
// scaleFromCustomResource and scaleUpdater, v1.32).
import {isJsonObject, type JsonObject, type KubeObject} from '../../backend/object.js'
import type {ResourceInfo} from '../../backend/refs.js'
import {isScalable, scaleOf, withScale} from '../scale-subresource.js'
import type {Store} from '../store/store.js'
import {findDefinition} from './lookup.js'
import {versionNamed, type ScaleSubresource} from './types.js'

/** Reads an object as an autoscaling/v1 Scale and writes a Scale's replicas back. */
interface ScaleAdapter {
  scaleOf(object: KubeObject): KubeObject
  withScale(object: KubeObject, scale: KubeObject): KubeObject
}

/** The scale subresource a resource serves; undefined when it has none (the API server answers 404). */
export function scaleAdapterFor(store: Store, info: ResourceInfo): ScaleAdapter | undefined {
  const crd = findDefinition(store, info)
  if (!crd) return isScalable(info.kind) ? {scaleOf, withScale} : undefined
  const scale = versionNamed(crd, info.version)?.subresources?.scale
  return scale ? customScale(scale) : undefined
}

function customScale(paths: ScaleSubresource): ScaleAdapter {
  return {
    scaleOf(object) {
      const {name, namespace, uid, resourceVersion, creationTimestamp} = object.metadata
      const selector = paths.labelSelectorPath ? readPath(object, paths.labelSelectorPath) : undefined
      return {
        apiVersion: 'autoscaling/v1',
        kind: 'Scale',
        metadata: {name, namespace, uid, resourceVersion, creationTimestamp},
        spec: {replicas: asReplicas(readPath(object, paths.specReplicasPath))},
        status: {
          replicas: asReplicas(readPath(object, paths.statusReplicasPath)),
          ...(typeof selector === 'string' ? {selector} : {}),
        },
      }
    },
    withScale(object, scale) {
      const replicas = (scale['spec'] as {replicas?: number} | undefined)?.replicas ?? 0
      const next = structuredClone(object)
      writePath(next, paths.specReplicasPath, replicas)
      // the Scale carries the resourceVersion the client saw: a stale one conflicts
      next.metadata.resourceVersion = scale.metadata.resourceVersion ?? object.metadata.resourceVersion
      return next
    },
  }
}

// `.spec.replicas` → ['spec', 'replicas']
function segments(path: string): string[] {
  return path.split('.').filter((s) => s !== '')
}

function readPath(object: JsonObject, path: string): unknown {
  let current: unknown = object
  for (const segment of segments(path)) {
    if (!isJsonObject(current)) return undefined
    current = current[segment]
  }
  return current
}

function writePath(object: JsonObject, path: string, value: unknown): void {
  const parts = segments(path)
  const last = parts.pop()
  if (last === undefined) return
  let current = object
  for (const segment of parts) {
    const child = current[segment]
    if (isJsonObject(child)) current = child
    else current = current[segment] = {}
  }
  current[last] = value
}

function asReplicas(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) ? value : 0
}
