import type {DeleteOptions} from '../backend/backend.js'
import type {KubeObject} from '../backend/object.js'
import type {ResourceInfo} from '../backend/refs.js'
import {conflict, forbidden, notFound} from '../backend/status.js'
import type {Clock} from './clock/clock.js'
import {storeKey, storeResource} from './storage-key.js'
import type {Store} from './store/store.js'

// metav1 finalizers the garbage collector honours (apimachinery/pkg/apis/meta/v1/types.go, v1.32)
export const FOREGROUND_FINALIZER = 'foregroundDeletion'
export const ORPHAN_FINALIZER = 'orphan'
// the NamespaceLifecycle admission plugin refuses to delete these (v1.32)
const IMMORTAL_NAMESPACES = new Set(['default', 'kube-system', 'kube-public'])
// the namespace lifecycle controller's spec.finalizers entry
export const NAMESPACE_FINALIZER = 'kubernetes'

/**
 * kube-apiserver's DELETE: preconditions, propagation finalizers, deletionTimestamp while finalizers remain,
 * namespaces that terminate, pods on a live node that terminate gracefully. Returns the object as it is
 * after the request (with deletionTimestamp if it lingers). Must run inside a store transaction.
 */
export function deleteObject(
  store: Store,
  clock: Clock,
  info: ResourceInfo,
  namespace: string | undefined,
  name: string,
  options: DeleteOptions,
): KubeObject {
  const resource = storeResource(info)
  if (resource === '/namespaces' && IMMORTAL_NAMESPACES.has(name)) {
    throw forbidden(`namespaces "${name}" is forbidden: this namespace may not be deleted`, {name, kind: 'namespaces'})
  }
  const key = storeKey(info, namespace, name)
  const current = store.get(key)
  if (!current) throw notFound(info, name)
  const object = structuredClone(current.object)
  const {uid, resourceVersion} = options.preconditions ?? {}
  if (uid !== undefined && uid !== object.metadata.uid) {
    throw conflict(
      info,
      name,
      `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${object.metadata.uid}`,
    )
  }
  if (resourceVersion !== undefined && resourceVersion !== object.metadata.resourceVersion) {
    throw conflict(
      info,
      name,
      `Precondition failed: ResourceVersion in precondition: ${resourceVersion}, ResourceVersion in object meta: ${object.metadata.resourceVersion}`,
    )
  }
  const finalizers = new Set(object.metadata.finalizers ?? [])
  if (options.propagationPolicy === 'Foreground') finalizers.add(FOREGROUND_FINALIZER)
  if (options.propagationPolicy === 'Orphan') finalizers.add(ORPHAN_FINALIZER)
  if (options.propagationPolicy === 'Background') {
    finalizers.delete(FOREGROUND_FINALIZER)
    finalizers.delete(ORPHAN_FINALIZER)
  }
  const lingers =
    finalizers.size > 0 ||
    (resource === '/namespaces' && namespaceFinalizers(object).length > 0) ||
    (resource === '/pods' && terminatesGracefully(store, object, options))
  if (!lingers) return options.dryRun ? object : store.remove(key, object)

  if (finalizers.size > 0) object.metadata.finalizers = [...finalizers]
  if (object.metadata.deletionTimestamp === undefined) {
    object.metadata.deletionTimestamp = clock.timestamp()
    object.metadata.deletionGracePeriodSeconds = resource === '/pods' ? gracePeriodOf(object, options) : 0
  }
  if (resource === '/namespaces') object['status'] = {...(object['status'] as object | undefined), phase: 'Terminating'}
  return options.dryRun ? object : store.put(key, object)
}

/** True when an update released the last thing holding an object marked for deletion: it leaves the store. */
export function isDeletionComplete(resource: string, object: KubeObject, old: KubeObject): boolean {
  if (object.metadata.deletionTimestamp === undefined || (object.metadata.finalizers ?? []).length > 0) return false
  if (resource === '/namespaces' && namespaceFinalizers(object).length > 0) return false
  // only the write that removes the last finalizer ends the object; a graceful pod stays until its kubelet
  // deletes it with grace period 0, whatever status it writes meanwhile (registry/generic/registry/store.go)
  const held =
    (old.metadata.finalizers ?? []).length > 0 || (resource === '/namespaces' && namespaceFinalizers(old).length > 0)
  return held
}

function namespaceFinalizers(namespace: KubeObject): string[] {
  return (namespace['spec'] as {finalizers?: string[]} | undefined)?.finalizers ?? []
}

/** A pod bound to an existing node terminates over its grace period; any other pod goes at once (pod GC). */
function terminatesGracefully(store: Store, pod: KubeObject, options: DeleteOptions): boolean {
  const nodeName = (pod['spec'] as {nodeName?: string} | undefined)?.nodeName
  if (!nodeName || gracePeriodOf(pod, options) === 0) return false
  return store.get({resource: '/nodes', namespace: '', name: nodeName}) !== undefined
}

function gracePeriodOf(pod: KubeObject, options: DeleteOptions): number {
  if (options.gracePeriodSeconds !== undefined) return options.gracePeriodSeconds
  return (pod['spec'] as {terminationGracePeriodSeconds?: number} | undefined)?.terminationGracePeriodSeconds ?? 30
}
