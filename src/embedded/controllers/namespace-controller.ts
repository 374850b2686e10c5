import type {KubeObject} from '../../backend/object.js'
import {hasReason} from '../../backend/status.js'
import {refFor} from '../../resources/registry.js'
import {NAMESPACE_FINALIZER} from '../delete-object.js'
import type {ChangeEvent, StoreKey} from '../store/store.js'
import {readObject, type Controller, type ReconcileContext} from './controller.js'

const NAMESPACES_RESOURCE = '/namespaces'
// core events (events.k8s.io Events are the same objects under another name)
const EVENTS_RESOURCE = '/events'

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
    for (const {resource, object} of await remainingIn(key.name, ctx)) {
      const info = ctx.infoFor(resource)
      if (!info || object.metadata.deletionTimestamp !== undefined) continue
      await ctx.api.delete(refFor(info, key.name), object.metadata.name ?? '', {propagationPolicy: 'Background'})
    }
    if ((await remainingIn(key.name, ctx)).length > 0) return
    await finalize(namespace, ctx)
  },
}

// the namespace deleter's listing: cached objects, and the events the cache does not hold, listed through the API
async function remainingIn(
  namespace: string,
  ctx: ReconcileContext,
): Promise<Array<{resource: string; object: KubeObject}>> {
  const remaining = ctx.cache.listInNamespace(namespace)
  const info = ctx.infoFor(EVENTS_RESOURCE)
  if (info) {
    for (const object of (await ctx.api.list(refFor(info, namespace))).items)
      remaining.push({resource: EVENTS_RESOURCE, object})
  }
  return remaining
}

async function ensureDefaultServiceAccount(namespace: string, ctx: ReconcileContext): Promise<void> {
  if (ctx.cache.get({resource: '/serviceaccounts', namespace, name: 'default'})) return
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
