import type {KubeObject} from '../../backend/object.js'
import {
  LabelSelectorError,
  labelSelectorFromSpec,
  matchesLabels,
  type LabelSelector,
} from '../../resources/label-selector.js'
import type {ChangeEvent, StoreKey} from '../store/store.js'
import {readObject, type Controller, type ReconcileContext, type ReconcileResult} from './controller.js'
import {DeploymentSync} from './deployment/deployment-sync.js'
import {deploymentSpec, isRollingUpdate} from './deployment/deployment-util.js'
import {syncDeploymentStatus} from './deployment/rollout-status.js'
import {
  checkPausedConditions,
  isScalingEvent,
  rolloutRecreate,
  rolloutRolling,
  syncScaling,
} from './deployment/rollout.js'
import {adopted, controllerOf, released} from './replicaset/owner.js'

const DEPLOYMENTS = 'apps/deployments'
const REPLICASETS = 'apps/replicasets'

/**
 * The Deployment controller (pkg/controller/deployment, v1.32): one ReplicaSet per pod template, named
 * `<deployment>-<pod-template-hash>`, rolled out by the RollingUpdate or Recreate strategy, with revisions,
 * proportional scaling, history cleanup and the Available/Progressing conditions.
 */
export const deploymentController: Controller = {
  name: 'deployment',

  keysFor(change: ChangeEvent, ctx: ReconcileContext): StoreKey[] {
    if (change.resource === DEPLOYMENTS) {
      return change.type === 'DELETED' ? [] : [{resource: DEPLOYMENTS, namespace: change.namespace, name: change.name}]
    }
    if (change.resource === REPLICASETS) return ownersOrAdopters(change, ctx)
    // Recreate waits for the old pods to be gone: a pod's deletion concerns its ReplicaSet's Deployment
    if (change.resource === '/pods' && change.type === 'DELETED') {
      const rsKey = keyOfController(change.object, 'ReplicaSet', ctx)
      const rs = rsKey && ctx.cache.get(rsKey)
      const key = rs && keyOfController(rs, 'Deployment', ctx)
      return key ? [key] : []
    }
    return []
  },

  async reconcile(key: StoreKey, ctx: ReconcileContext): Promise<ReconcileResult | void> {
    const d = await readObject(ctx, key)
    if (!d) return
    const selector = selectorOf(d)
    // an empty selector would select every pod: the controller refuses to act on it
    if (!selector || selector.requirements.length === 0) return
    const sets = await claimReplicaSets(d, selector, ctx)
    const sync = new DeploymentSync(d, sets, ctx)
    if (d.metadata.deletionTimestamp !== undefined) {
      const {newRS, oldRSs} = await sync.split(false)
      await syncDeploymentStatus(sync, [...oldRSs, ...(newRS ? [newRS] : [])], newRS)
      return
    }
    await checkPausedConditions(sync)
    if (deploymentSpec(sync.d).paused || (await isScalingEvent(sync))) {
      await syncScaling(sync)
      return
    }
    const requeueAfterMs = isRollingUpdate(sync.d) ? await rolloutRolling(sync) : await rolloutRecreate(sync)
    if (requeueAfterMs !== undefined) return {requeueAfterMs}
  },
}

function keyOfController(object: KubeObject, kind: string, ctx: ReconcileContext): StoreKey | undefined {
  const owner = controllerOf(object)
  return owner?.kind === kind ? ctx.cache.keyOfUid(owner.uid) : undefined
}

function ownersOrAdopters(change: ChangeEvent, ctx: ReconcileContext): StoreKey[] {
  const owner = controllerOf(change.object)
  if (owner) {
    const key = owner.kind === 'Deployment' ? ctx.cache.keyOfUid(owner.uid) : undefined
    return key ? [key] : []
  }
  if (change.type === 'DELETED') return []
  return ctx.cache
    .list(DEPLOYMENTS, change.namespace)
    .filter((d) => {
      const selector = selectorOf(d)
      return (
        selector !== undefined &&
        selector.requirements.length > 0 &&
        matchesLabels(selector, change.object.metadata.labels)
      )
    })
    .map((d) => ({resource: DEPLOYMENTS, namespace: change.namespace, name: d.metadata.name ?? ''}))
}

function selectorOf(d: KubeObject): LabelSelector | undefined {
  try {
    return labelSelectorFromSpec(deploymentSpec(d).selector)
  } catch (error) {
    // admission refuses invalid selectors; should one be stored, the controller logs it and skips the object
    if (error instanceof LabelSelectorError) return undefined
    throw error
  }
}

/** ReplicaSetControllerRefManager.ClaimReplicaSets: owned ones that still match, plus matching orphans. */
async function claimReplicaSets(d: KubeObject, selector: LabelSelector, ctx: ReconcileContext): Promise<KubeObject[]> {
  const uid = d.metadata.uid ?? ''
  const deleting = d.metadata.deletionTimestamp !== undefined
  const owned: KubeObject[] = []
  for (const rs of ctx.cache.list(REPLICASETS, d.metadata.namespace ?? 'default')) {
    const owner = controllerOf(rs)
    const matches = matchesLabels(selector, rs.metadata.labels)
    if (owner?.uid === uid) {
      if (matches || deleting) owned.push(rs)
      else await ctx.api.update(released(rs, uid))
    } else if (!owner && matches && !deleting && rs.metadata.deletionTimestamp === undefined) {
      owned.push(await ctx.api.update(adopted(rs, d)))
    }
  }
  return owned
}
