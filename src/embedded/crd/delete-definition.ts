import type {DeleteOptions} from '../../backend/backend.js'
import type {KubeObject} from '../../backend/object.js'
import type {ResourceInfo} from '../../backend/refs.js'
import type {Clock} from '../clock/clock.js'
import {deleteObject} from '../delete-object.js'
import {storeKey} from '../storage-key.js'
import type {Store} from '../store/store.js'
import type {CustomResourceDefinition} from './types.js'

/** The finalizer under which the definition's custom resources are deleted before it goes. */
export const CLEANUP_FINALIZER = 'customresourcecleanup.apiextensions.k8s.io'

/**
 * DELETE of a CustomResourceDefinition: the first request adds the cleanup finalizer and the Terminating
 * condition, so the definition lingers until its custom resources are gone
 * (apiextensions-apiserver pkg/registry/customresourcedefinition/etcd.go Delete, v1.32).
 * Must run inside a store transaction.
 */
export function deleteDefinition(
  store: Store,
  clock: Clock,
  info: ResourceInfo,
  namespace: string | undefined,
  name: string,
  options: DeleteOptions,
): KubeObject {
  // preconditions and NotFound first, against the object as the client saw it
  const checked = deleteObject(store, clock, info, namespace, name, {...options, dryRun: true})
  if (options.dryRun || checked.metadata.deletionTimestamp !== undefined) {
    return options.dryRun ? checked : deleteObject(store, clock, info, namespace, name, options)
  }
  const key = storeKey(info, namespace, name)
  const current = store.get(key)?.object as CustomResourceDefinition | undefined
  if (current) store.put(key, terminating(current, clock.timestamp()))
  const {preconditions: _preconditions, ...rest} = options
  return deleteObject(store, clock, info, namespace, name, rest)
}

function terminating(crd: CustomResourceDefinition, timestamp: string): CustomResourceDefinition {
  const next = structuredClone(crd)
  next.metadata.finalizers = [...new Set([...(next.metadata.finalizers ?? []), CLEANUP_FINALIZER])]
  const status = next.status ?? {}
  const conditions = (status.conditions ?? []).filter((c) => c.type !== 'Terminating')
  conditions.push({
    lastTransitionTime: timestamp,
    message: 'CustomResource deletion is in progress',
    reason: 'InstanceDeletionInProgress',
    status: 'True',
    type: 'Terminating',
  })
  next.status = {...status, conditions}
  return next
}
