import type {KubeObject} from '../../backend/object.js'
import type {ResourceRef} from '../../backend/refs.js'
import {
  LabelSelectorError,
  labelSelectorFromSpec,
  matchesLabels,
  type LabelSelector,
  type LabelSelectorSpec,
} from '../../resources/label-selector.js'
import type {ChangeEvent, StoreKey} from '../store/store.js'
import {readObject, type Controller, type ReconcileContext, type ReconcileResult} from './controller.js'
import {canonicalJson} from './deployment/template-hash.js'
import {adopted, controllerOf, controllerRefTo, released} from './replicaset/owner.js'
import {availableAtMs, isPodActive, isPodAvailable, isPodReady} from './replicaset/pod-state.js'
import {podsToDelete} from './replicaset/pods-to-delete.js'

const REPLICASETS = 'apps/replicasets'
const PODS = '/pods'
// the recorder's component (kube-controller-manager's replicaset controller, v1.32)
const COMPONENT = 'replicaset-controller'
// replica_set.go BurstReplicas: at most this many creations or deletions per sync (v1.32)
const BURST_REPLICAS = 500
// controller.SlowStartInitialBatchSize (pkg/controller/controller_utils.go, v1.32)
const SLOW_START_INITIAL_BATCH_SIZE = 1

interface PodTemplate {
  metadata?: {labels?: Record<string, string>; annotations?: Record<string, string>; finalizers?: string[]}
  spec?: Record<string, unknown>
}

interface ReplicaSetSpec {
  replicas?: number
  minReadySeconds?: number
  selector?: LabelSelectorSpec
  template?: PodTemplate
}

/**
 * The ReplicaSet controller (pkg/controller/replicaset, v1.32): keeps spec.replicas active pods, adopting
 * matching orphans and releasing pods that stopped matching, and reports what it sees in status.
 */
export const replicaSetController: Controller = {
  name: 'replicaset',

  keysFor(change: ChangeEvent, ctx: ReconcileContext): StoreKey[] {
    if (change.resource === REPLICASETS) {
      return change.type === 'DELETED' ? [] : [{resource: REPLICASETS, namespace: change.namespace, name: change.name}]
    }
    if (change.resource !== PODS) return []
    const owner = controllerOf(change.object)
    if (owner) {
      if (owner.kind !== 'ReplicaSet') return []
      const key = ctx.cache.keyOfUid(owner.uid)
      return key ? [key] : []
    }
    // an orphan: every ReplicaSet whose selector matches may adopt it (getPodReplicaSets)
    if (change.type === 'DELETED' || change.object.metadata.deletionTimestamp !== undefined) return []
    return ctx.cache
      .list(REPLICASETS, change.namespace)
      .filter((rs) => selects(rs, change.object.metadata.labels))
      .map((rs) => ({resource: REPLICASETS, namespace: change.namespace, name: rs.metadata.name ?? ''}))
  },

  async reconcile(key: StoreKey, ctx: ReconcileContext): Promise<ReconcileResult | void> {
    const rs = await readObject(ctx, key)
    if (!rs) return
    const spec = specOf(rs)
    const selector = selectorOf(rs)
    if (!selector) return
    // the pods it owns and the orphans its selector matches: every pod claimPods could keep, adopt or release
    const candidates = new Set([
      ...ctx.cache.ownedBy(PODS, key.namespace, rs.metadata.uid ?? ''),
      ...ctx.cache.selectOrphans(PODS, key.namespace, selector),
    ])
    const pods = [...candidates].filter(isPodActive)
    const owned = await claimPods(rs, selector, pods, ctx)
    if (rs.metadata.deletionTimestamp === undefined) await manageReplicas(rs, owned, ctx)
    return updateStatus(rs, spec, owned, ctx)
  },
}

function specOf(rs: KubeObject): ReplicaSetSpec {
  return (rs['spec'] as ReplicaSetSpec | undefined) ?? {}
}

function selectorOf(rs: KubeObject): LabelSelector | undefined {
  try {
    return labelSelectorFromSpec(specOf(rs).selector)
  } catch (error) {
    // admission refuses invalid selectors; should one be stored, the controller logs it and skips the object
    if (error instanceof LabelSelectorError) return undefined
    throw error
  }
}

function selects(rs: KubeObject, labels: Record<string, string> | undefined): boolean {
  const selector = selectorOf(rs)
  return selector !== undefined && matchesLabels(selector, labels) && rs.metadata.deletionTimestamp === undefined
}

/** PodControllerRefManager.ClaimPods: the pods this ReplicaSet controls, after adoption and release. */
async function claimPods(
  rs: KubeObject,
  selector: LabelSelector,
  pods: readonly KubeObject[],
  ctx: ReconcileContext,
): Promise<KubeObject[]> {
  const uid = rs.metadata.uid ?? ''
  const owned: KubeObject[] = []
  for (const pod of pods) {
    const owner = controllerOf(pod)
    const matches = matchesLabels(selector, pod.metadata.labels)
    if (owner?.uid === uid) {
      if (matches || rs.metadata.deletionTimestamp !== undefined) owned.push(pod)
      else await ctx.api.update(released(pod, uid))
    } else if (!owner && matches && rs.metadata.deletionTimestamp === undefined) {
      owned.push(await ctx.api.update(adopted(pod, rs)))
    }
  }
  return owned
}

/** replica_set.go manageReplicas: creates or deletes pods until spec.replicas are active. */
async function manageReplicas(rs: KubeObject, owned: readonly KubeObject[], ctx: ReconcileContext): Promise<void> {
  const diff = owned.length - (specOf(rs).replicas ?? 1)
  if (diff < 0) {
    await slowStartBatch(Math.min(-diff, BURST_REPLICAS), async () => {
      const pod = await ctx.api.create(podFromTemplate(rs))
      await ctx.events.record(rs, {
        type: 'Normal',
        reason: 'SuccessfulCreate',
        message: `Created pod: ${pod.metadata.name ?? ''}`,
        component: COMPONENT,
      })
    })
    return
  }
  if (diff === 0) return
  const related = relatedPods(rs, ctx)
  for (const pod of podsToDelete(owned, related, Math.min(diff, BURST_REPLICAS), ctx.clock.now())) {
    await ctx.api.delete(podsRef(rs), pod.metadata.name ?? '', {})
    await ctx.events.record(rs, {
      type: 'Normal',
      reason: 'SuccessfulDelete',
      message: `Deleted pod: ${pod.metadata.name ?? ''}`,
      component: COMPONENT,
    })
  }
}

// getIndirectlyRelatedPods: the active pods of every ReplicaSet sharing this one's controller (its Deployment)
function relatedPods(rs: KubeObject, ctx: ReconcileContext): KubeObject[] {
  const namespace = rs.metadata.namespace ?? ''
  const owner = controllerOf(rs)
  const siblings = new Set([rs.metadata.uid ?? ''])
  if (owner) {
    for (const sibling of ctx.cache.ownedBy(REPLICASETS, namespace, owner.uid)) {
      if (controllerOf(sibling)?.uid === owner.uid) siblings.add(sibling.metadata.uid ?? '')
    }
  }
  return [...siblings].flatMap((uid) =>
    ctx.cache.ownedBy(PODS, namespace, uid).filter((pod) => isPodActive(pod) && controllerOf(pod)?.uid === uid),
  )
}

/**
 * replica_set.go slowStartBatch: runs `count` creations in batches of 1, 2, 4, ... (SlowStartInitialBatchSize
 * doubling), and stops at the first batch with a failure, so a template the API refuses costs one request,
 * not five hundred. The first failure is rethrown once its batch is done. One thread: a batch's creations
 * run one after another (upstream runs them in parallel).
 */
async function slowStartBatch(count: number, create: () => Promise<void>): Promise<void> {
  let remaining = count
  for (let size = Math.min(remaining, SLOW_START_INITIAL_BATCH_SIZE); size > 0; size = Math.min(2 * size, remaining)) {
    let failure: {reason: unknown} | undefined
    for (let i = 0; i < size; i++) {
      try {
        await create()
      } catch (error) {
        failure ??= {reason: error}
      }
    }
    remaining -= size
    if (failure) throw failure.reason
  }
}

/** controller.GetPodFromTemplate: a pod named `<rs>-<5 random chars>` with the template's labels and spec. */
function podFromTemplate(rs: KubeObject): KubeObject {
  const template = specOf(rs).template ?? {}
  const metadata: KubeObject['metadata'] = {
    generateName: `${rs.metadata.name ?? ''}-`,
    namespace: rs.metadata.namespace ?? 'default',
    ownerReferences: [controllerRefTo(rs)],
  }
  if (template.metadata?.labels) metadata.labels = structuredClone(template.metadata.labels)
  if (template.metadata?.annotations) metadata.annotations = structuredClone(template.metadata.annotations)
  if (template.metadata?.finalizers) metadata.finalizers = [...template.metadata.finalizers]
  return {apiVersion: 'v1', kind: 'Pod', metadata, spec: structuredClone(template.spec ?? {})}
}

function podsRef(rs: KubeObject): ResourceRef {
  return {group: '', version: 'v1', resource: 'pods', namespace: rs.metadata.namespace ?? 'default'}
}

/** replica_set_utils.go calculateStatus, written only when it changed; requeues when a pod will turn available. */
async function updateStatus(
  rs: KubeObject,
  spec: ReplicaSetSpec,
  owned: readonly KubeObject[],
  ctx: ReconcileContext,
): Promise<ReconcileResult | void> {
  const now = ctx.clock.now()
  const minReadySeconds = spec.minReadySeconds ?? 0
  const templateLabels = spec.template?.metadata?.labels ?? {}
  const fullyLabeled = owned.filter((pod) =>
    Object.entries(templateLabels).every(([k, v]) => pod.metadata.labels?.[k] === v),
  ).length
  const ready = owned.filter(isPodReady).length
  const available = owned.filter((pod) => isPodAvailable(pod, minReadySeconds, now)).length
  const previous = (rs['status'] as Record<string, unknown> | undefined) ?? {}
  // ReplicaSetStatus: replicas is always written, the other counts are omitempty
  const status: Record<string, unknown> = {replicas: owned.length}
  if (fullyLabeled > 0) status['fullyLabeledReplicas'] = fullyLabeled
  if (ready > 0) status['readyReplicas'] = ready
  if (available > 0) status['availableReplicas'] = available
  if (rs.metadata.generation !== undefined) status['observedGeneration'] = rs.metadata.generation
  if (previous['conditions'] !== undefined) status['conditions'] = previous['conditions']
  if (canonicalJson(status) !== canonicalJson(previous)) {
    await ctx.api.update({...rs, status}, {subresource: 'status'})
  }
  const upcoming = owned
    .map((pod) => availableAtMs(pod, minReadySeconds, now))
    .filter((at): at is number => at !== undefined)
  if (upcoming.length > 0) return {requeueAfterMs: Math.min(...upcoming) - now}
}
