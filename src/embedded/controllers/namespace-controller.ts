import type {KubeObject} from '../../backend/object.js'
import {hasReason} from '../../backend/status.js'
import {refFor} from '../../resources/registry.js'
import {NAMESPACE_FINALIZER} from '../delete-object.js'
import type {ChangeEvent, StoreKey} from '../store/store.js'
import {readObject, type Controller, type ReconcileContext} from './controller.js'

const NAMESPACES_RESOURCE = '/namespaces'

/**
 * The namespace lifecycle (kube-controller-manager's namespace controller and the serviceaccounts
 * controller, v1.32): a terminating namespace has its content deleted, then its finalizer removed and
 * itself removed; an active one gets its `default` ServiceAccount.
 */
export const namespaceController: Controller = {
  name: 'namespace',

  keysFor(change: ChangeEvent): StoreKey[] {
    if (change.resource === NAMESPACES_RESOURCE) {
      return change.type === 'DELETED' ? [] : [{resource: NAMESPACES_RESOURCE, namespace: '', name: change.name}]
    }
    if (change.namespace === '') return []
    // content that went away may be the last thing a terminating namespace waits for; a lost default SA is recreated
    return change.type === 'DELETED' ? [{resource: NAMESPACES_RESOURCE, namespace: '', name: change.namespace}] : []
  },

  async reconcile(key: StoreKey, ctx: ReconcileContext): Promise<void> {
    const namespace = await readObject(ctx, key)
    if (!namespace) return
    if (namespace.metadata.deletionTimestamp === undefined) {
      await ensureDefaultServiceAccount(key.name, ctx)
      return
    }
    const remaining = ctx.api.store.listInNamespace(key.name)
    for (const {resource, object} of remaining) {
      const info = ctx.infoFor(resource)
      if (!info || object.metadata.deletionTimestamp !== undefined) continue
      await ctx.api.delete(refFor(info, key.name), object.metadata.name ?? '', {propagationPolicy: 'Background'})
    }
    if (ctx.api.store.listInNamespace(key.name).length > 0) return
    await finalize(namespace, ctx)
  },
}

async function ensureDefaultServiceAccount(namespace: string, ctx: ReconcileContext): Promise<void> {
  if (ctx.api.store.get({resource: '/serviceaccounts', namespace, name: 'default'})) return
  try {
    await ctx.api.create({apiVersion: 'v1', kind: 'ServiceAccount', metadata: {name: 'default', namespace}})
  } catch (error) {
    if (!hasReason(error, 'AlreadyExists')) throw error
  }
}

async function finalize(namespace: KubeObject, ctx: ReconcileContext): Promise<void> {
  const next = structuredClone(namespace)
  const spec = (next['spec'] ?? {}) as {finalizers?: string[]}
  spec.finalizers = (spec.finalizers ?? []).filter((f) => f !== NAMESPACE_FINALIZER)
  next['spec'] = spec
  await ctx.api.update(next, {subresource: 'finalize'})
  const info = ctx.infoFor(NAMESPACES_RESOURCE)
  if (info) await ctx.api.delete(refFor(info), namespace.metadata.name ?? '', {})
}
