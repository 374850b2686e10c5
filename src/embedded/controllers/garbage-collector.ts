import type {KubeObject} from '../../backend/object.js'
import {refFor} from '../../resources/registry.js'
import {FOREGROUND_FINALIZER, ORPHAN_FINALIZER} from '../delete-object.js'
import type {ChangeEvent, StoreKey} from '../store/store.js'
import {readObject, type Controller, type ReconcileContext} from './controller.js'

/**
 * The garbage collector (kube-controller-manager's garbagecollector, v1.32): deletes objects whose owners
 * are all gone, deletes the dependents of an owner deleted in the foreground before letting it go, and
 * strips ownerReferences from the dependents of an owner deleted with orphan propagation.
 */
export const garbageCollector: Controller = {
  name: 'garbage-collector',

  keysFor(change: ChangeEvent, ctx: ReconcileContext): StoreKey[] {
    const self: StoreKey = {resource: change.resource, namespace: change.namespace, name: change.name}
    const {metadata} = change.object
    const keys: StoreKey[] = []
    if (change.type !== 'DELETED' && ((metadata.ownerReferences ?? []).length > 0 || isWaitingOnGc(change.object))) {
      keys.push(self)
    }
    // an owner that went away or began deleting: look at its dependents
    if (change.type === 'DELETED' || metadata.deletionTimestamp !== undefined) {
      if (metadata.uid) keys.push(...ctx.cache.dependentsOf(metadata.uid))
    }
    // a dependent that went away may be the last thing its foreground-deleting owner waits for
    if (change.type === 'DELETED') {
      for (const owner of metadata.ownerReferences ?? []) {
        const ownerKey = ctx.cache.keyOfUid(owner.uid)
        if (ownerKey) keys.push(ownerKey)
      }
    }
    return keys
  },

  async reconcile(key: StoreKey, ctx: ReconcileContext): Promise<void> {
    const object = await readObject(ctx, key)
    if (!object) return
    const finalizers = object.metadata.finalizers ?? []
    if (object.metadata.deletionTimestamp !== undefined && finalizers.includes(ORPHAN_FINALIZER)) {
      await orphanDependents(object, ctx)
      await removeFinalizer(key, object, ORPHAN_FINALIZER, ctx)
      return
    }
    if (object.metadata.deletionTimestamp !== undefined && finalizers.includes(FOREGROUND_FINALIZER)) {
      if (await deleteDependentsInForeground(object, ctx)) await removeFinalizer(key, object, FOREGROUND_FINALIZER, ctx)
      return
    }
    await collectIfOwnerless(key, object, ctx)
  },
}

function isWaitingOnGc(object: KubeObject): boolean {
  const finalizers = object.metadata.finalizers ?? []
  return finalizers.includes(ORPHAN_FINALIZER) || finalizers.includes(FOREGROUND_FINALIZER)
}

async function orphanDependents(owner: KubeObject, ctx: ReconcileContext): Promise<void> {
  const uid = owner.metadata.uid ?? ''
  for (const dependentKey of ctx.cache.dependentsOf(uid)) {
    const dependent = await readObject(ctx, dependentKey)
    const info = ctx.infoFor(dependentKey.resource)
    if (!dependent || !info) continue
    const next = structuredClone(dependent)
    const remaining = (next.metadata.ownerReferences ?? []).filter((ref) => ref.uid !== uid)
    if (remaining.length > 0) next.metadata.ownerReferences = remaining
    else delete next.metadata.ownerReferences
    await ctx.api.update(next)
  }
}

/** Deletes the dependents not yet deleting; true when none is left. */
async function deleteDependentsInForeground(owner: KubeObject, ctx: ReconcileContext): Promise<boolean> {
  const dependents = ctx.cache.dependentsOf(owner.metadata.uid ?? '')
  for (const dependentKey of dependents) {
    const dependent = await readObject(ctx, dependentKey)
    const info = ctx.infoFor(dependentKey.resource)
    if (!dependent || !info || dependent.metadata.deletionTimestamp !== undefined) continue
    // a dependent with dependents of its own is deleted in the foreground too, so the wait is transitive
    const hasOwn = ctx.cache.dependentsOf(dependent.metadata.uid ?? '').length > 0
    await ctx.api.delete(refFor(info, dependentKey.namespace), dependentKey.name, {
      propagationPolicy: hasOwn ? 'Foreground' : 'Background',
    })
  }
  return ctx.cache.dependentsOf(owner.metadata.uid ?? '').length === 0
}

async function removeFinalizer(
  key: StoreKey,
  object: KubeObject,
  finalizer: string,
  ctx: ReconcileContext,
): Promise<void> {
  const next = structuredClone(object)
  next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((f) => f !== finalizer)
  if (next.metadata.finalizers.length === 0) delete next.metadata.finalizers
  if (!ctx.infoFor(key.resource)) return
  await ctx.api.update(next)
}

async function collectIfOwnerless(key: StoreKey, object: KubeObject, ctx: ReconcileContext): Promise<void> {
  const owners = object.metadata.ownerReferences ?? []
  if (owners.length === 0 || object.metadata.deletionTimestamp !== undefined) return
  // an owner reference names a uid: a new object with the old owner's name is not the owner
  const living = owners.filter((owner) => ctx.cache.keyOfUid(owner.uid) !== undefined)
  if (living.length > 0) return
  const info = ctx.infoFor(key.resource)
  if (!info) return
  await ctx.api.delete(refFor(info, key.namespace), key.name, {propagationPolicy: 'Background'})
}
