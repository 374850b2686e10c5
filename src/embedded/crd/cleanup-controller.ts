import {refFor} from '../../resources/registry.js'
import {readObject, type Controller, type ReconcileContext} from '../controllers/controller.js'
import type {ChangeEvent, StoreKey} from '../store/store.js'
import {CLEANUP_FINALIZER} from './delete-definition.js'
import {DEFINITIONS_RESOURCE, type CustomResourceDefinition} from './types.js'

// a custom resource held by its own finalizers is looked at again after this long
const REQUEUE_WHILE_INSTANCES_REMAIN_MS = 5_000

/**
 * The CRD finalizer (apiextensions-apiserver pkg/controller/finalizer/crd_finalizer.go, v1.32): a definition
 * being deleted has all its custom resources deleted, then its cleanup finalizer removed, so it goes and its
 * kind is no longer served.
 */
export const definitionCleanupController: Controller = {
  name: 'crd-cleanup',

  keysFor(change: ChangeEvent): StoreKey[] {
    if (change.resource === DEFINITIONS_RESOURCE) {
      return change.type === 'DELETED' ? [] : [{resource: DEFINITIONS_RESOURCE, namespace: '', name: change.name}]
    }
    // a custom resource that went may be the last one its terminating definition waits for
    const [group = '', plural = ''] = change.resource.split('/')
    if (change.type !== 'DELETED' || !group.includes('.')) return []
    return [{resource: DEFINITIONS_RESOURCE, namespace: '', name: `${plural}.${group}`}]
  },

  async reconcile(key: StoreKey, ctx: ReconcileContext): Promise<{requeueAfterMs: number} | void> {
    const crd = (await readObject(ctx, key)) as CustomResourceDefinition | undefined
    if (!crd || crd.metadata.deletionTimestamp === undefined) return
    if (!(crd.metadata.finalizers ?? []).includes(CLEANUP_FINALIZER)) return
    const resource = `${crd.spec.group}/${crd.spec.names.plural}`
    const info = ctx.infoFor(resource)
    // deleted through the API as any client would; a resource no longer served has no API to delete through
    // (crd_finalizer.go deleteInstances skips a definition that is not Established, v1.32)
    if (info) {
      for (const object of ctx.cache.list(resource)) {
        if (object.metadata.deletionTimestamp !== undefined) continue
        const ref = refFor(info, object.metadata.namespace)
        await ctx.api.delete(ref, object.metadata.name ?? '', {propagationPolicy: 'Background'})
      }
      if (ctx.cache.list(resource).length > 0) return {requeueAfterMs: REQUEUE_WHILE_INSTANCES_REMAIN_MS}
    }
    const next = structuredClone(crd)
    next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((f) => f !== CLEANUP_FINALIZER)
    await ctx.api.update(next)
  },
}
