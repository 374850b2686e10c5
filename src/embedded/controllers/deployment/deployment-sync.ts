import type {KubeObject} from '../../../backend/object.js'
import type {ResourceRef} from '../../../backend/refs.js'
import type {ReconcileContext} from '../controller.js'
import {controllerRefTo} from '../replicaset/owner.js'
import {
  REVISION_ANNOTATION,
  TEMPLATE_HASH_LABEL,
  byRevision,
  deploymentSpec,
  desiredReplicas,
  findNewReplicaSet,
  maxRevision,
  maxSurge,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
  specReplicas,
  sumSpecReplicas,
} from './deployment-util.js'
import {REASON, newCondition, setCondition, type DeploymentCondition} from './conditions.js'
import {canonicalJson, computeTemplateHash} from './template-hash.js'

// the recorder's component (kube-controller-manager's deployment controller, v1.32)
const COMPONENT = 'deployment-controller'

/** The new ReplicaSet (if any) and the others, as getAllReplicaSetsAndSyncRevision returns them. */
export interface ReplicaSetSplit {
  newRS: KubeObject | undefined
  oldRSs: KubeObject[]
}

/**
 * One sync of one Deployment: holds the latest Deployment and ReplicaSets as this sync writes them, and the
 * operations the rollout strategies share (pkg/controller/deployment/sync.go, v1.32).
 */
export class DeploymentSync {
  constructor(
    public d: KubeObject,
    public sets: KubeObject[],
    readonly ctx: ReconcileContext,
  ) {}

  get namespace(): string {
    return this.d.metadata.namespace ?? 'default'
  }

  get conditions(): DeploymentCondition[] {
    return ((this.d['status'] as {conditions?: DeploymentCondition[]} | undefined)?.conditions ?? []).map((c) => ({
      ...c,
    }))
  }

  private rsRef(): ResourceRef {
    return {group: 'apps', version: 'v1', resource: 'replicasets', namespace: this.namespace}
  }

  private replace(rs: KubeObject): KubeObject {
    this.sets = this.sets.map((s) => (s.metadata.uid === rs.metadata.uid ? rs : s))
    if (!this.sets.includes(rs)) this.sets.push(rs)
    return rs
  }

  /** getAllReplicaSetsAndSyncRevision: finds (or creates) the new ReplicaSet and syncs revisions. */
  async split(createIfMissing: boolean): Promise<ReplicaSetSplit> {
    const found = findNewReplicaSet(this.d, this.sets)
    const oldRSs = this.sets.filter((rs) => rs !== found)
    const newRevision = maxRevision(oldRSs) + 1
    if (found) return {newRS: await this.syncExisting(found, newRevision), oldRSs}
    if (!createIfMissing) return {newRS: undefined, oldRSs}
    return {newRS: await this.createNewReplicaSet(oldRSs, newRevision), oldRSs}
  }

  private async syncExisting(found: KubeObject, newRevision: number): Promise<KubeObject> {
    let rs = found
    const copy = structuredClone(found)
    const annotationsChanged = setNewReplicaSetAnnotations(this.d, copy, newRevision, true)
    const spec = copy['spec'] as {minReadySeconds?: number}
    const minReadySeconds = deploymentSpec(this.d).minReadySeconds ?? 0
    if (annotationsChanged || (spec.minReadySeconds ?? 0) !== minReadySeconds) {
      spec.minReadySeconds = minReadySeconds
      rs = this.replace(await this.ctx.api.update(copy))
    }
    await this.setRevision(rs.metadata.annotations?.[REVISION_ANNOTATION] ?? '')
    // a Deployment with no Progressing condition yet reports the ReplicaSet it found
    if (!this.conditions.some((c) => c.type === 'Progressing')) {
      const message = `Found new replica set "${rs.metadata.name ?? ''}"`
      const found = this.condition('Progressing', 'True', REASON.foundNewReplicaSet, message)
      await this.writeStatus({...this.status(), conditions: setCondition(this.conditions, found)})
    }
    return rs
  }

  private async createNewReplicaSet(oldRSs: KubeObject[], newRevision: number): Promise<KubeObject | undefined> {
    const spec = deploymentSpec(this.d)
    const collisionCount = (this.d['status'] as {collisionCount?: number} | undefined)?.collisionCount
    const hash = computeTemplateHash(spec.template ?? {}, collisionCount)
    const template = structuredClone(spec.template ?? {})
    template.metadata = {...template.metadata, labels: {...template.metadata?.labels, [TEMPLATE_HASH_LABEL]: hash}}
    const selector = structuredClone(spec.selector ?? {})
    selector.matchLabels = {...selector.matchLabels, [TEMPLATE_HASH_LABEL]: hash}
    const draft: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${this.d.metadata.name ?? ''}-${hash}`,
        namespace: this.namespace,
        labels: {...template.metadata.labels},
        ownerReferences: [controllerRefTo(this.d)],
      },
      spec: {replicas: 0, minReadySeconds: spec.minReadySeconds ?? 0, selector, template},
    }
    const replicas = newReplicaSetReplicas(this.d, [...oldRSs, draft], draft)
    ;(draft['spec'] as {replicas: number}).replicas = replicas
    setNewReplicaSetAnnotations(this.d, draft, newRevision, false)
    let created: KubeObject
    try {
      created = await this.ctx.api.create(draft)
    } catch (error) {
      const existing = this.ctx.cache.get({
        resource: 'apps/replicasets',
        namespace: this.namespace,
        name: draft.metadata.name ?? '',
      })
      if (!existing) throw error
      // a hash collision: a different template took the name, so count it and try again next sync
      await this.writeStatus({...this.status(), collisionCount: (collisionCount ?? 0) + 1})
      return undefined
    }
    this.replace(created)
    if (replicas > 0) await this.scaledEvent('up', created, 0, replicas)
    await this.setRevision(String(newRevision))
    const message = `Created new replica set "${created.metadata.name ?? ''}"`
    const conditions = setCondition(
      this.conditions,
      this.condition('Progressing', 'True', REASON.newReplicaSetCreated, message),
    )
    await this.writeStatus({...this.status(), conditions})
    return created
  }

  /** deploymentutil.SetDeploymentRevision, written at once; true when it changed. */
  private async setRevision(revision: string): Promise<boolean> {
    if (revision === '' || this.d.metadata.annotations?.[REVISION_ANNOTATION] === revision) return false
    const next = structuredClone(this.d)
    next.metadata.annotations = {...next.metadata.annotations, [REVISION_ANNOTATION]: revision}
    this.d = await this.ctx.api.update(next)
    return true
  }

  /** scaleReplicaSetAndRecordEvent / scaleReplicaSet: sets replicas and the replicas annotations. */
  async scaleReplicaSet(
    rs: KubeObject,
    newScale: number,
    operation?: 'up' | 'down',
  ): Promise<{scaled: boolean; rs: KubeObject}> {
    const oldScale = specReplicas(rs)
    const copy = structuredClone(rs)
    const annotationsChanged = setReplicasAnnotations(
      copy,
      desiredReplicas(this.d),
      desiredReplicas(this.d) + maxSurge(this.d),
    )
    if (oldScale === newScale && !annotationsChanged) return {scaled: false, rs}
    ;(copy['spec'] as {replicas: number}).replicas = newScale
    const updated = this.replace(await this.ctx.api.update(copy))
    if (oldScale !== newScale) {
      await this.scaledEvent(operation ?? (oldScale > newScale ? 'down' : 'up'), updated, oldScale, newScale)
    }
    return {scaled: oldScale !== newScale, rs: updated}
  }

  private async scaledEvent(operation: string, rs: KubeObject, from: number, to: number): Promise<void> {
    await this.ctx.events.record(this.d, {
      type: 'Normal',
      reason: 'ScalingReplicaSet',
      message: `Scaled ${operation} replica set ${rs.metadata.name ?? ''} from ${from} to ${to}`,
      component: COMPONENT,
    })
  }

  /** cleanupDeployment: deletes the oldest empty ReplicaSets beyond revisionHistoryLimit. */
  async cleanup(oldRSs: readonly KubeObject[]): Promise<void> {
    const limit = deploymentSpec(this.d).revisionHistoryLimit
    if (limit === undefined) return
    const cleanable = oldRSs.filter((rs) => rs.metadata.deletionTimestamp === undefined).sort(byRevision)
    const excess = cleanable.length - limit
    for (const rs of cleanable.slice(0, Math.max(0, excess))) {
      const status = (rs['status'] as {replicas?: number; observedGeneration?: number} | undefined) ?? {}
      if ((status.replicas ?? 0) !== 0 || specReplicas(rs) !== 0) continue
      if ((rs.metadata.generation ?? 0) > (status.observedGeneration ?? 0)) continue
      await this.ctx.api.delete(this.rsRef(), rs.metadata.name ?? '', {})
    }
  }

  condition(type: string, status: string, reason: string, message: string): DeploymentCondition {
    return newCondition(type, status, reason, message, this.ctx.clock.timestamp())
  }

  status(): Record<string, unknown> {
    return structuredClone((this.d['status'] as Record<string, unknown> | undefined) ?? {})
  }

  /** Writes status when it differs from the stored one; true when it wrote. */
  async writeStatus(status: Record<string, unknown>): Promise<boolean> {
    if (canonicalJson(status) === canonicalJson(this.d['status'] ?? {})) return false
    this.d = await this.ctx.api.update({...this.d, status}, {subresource: 'status'})
    return true
  }
}

/** deploymentutil.NewRSNewReplicas: how big the new ReplicaSet may be now. */
export function newReplicaSetReplicas(d: KubeObject, allRSs: readonly KubeObject[], newRS: KubeObject): number {
  if (deploymentSpec(d).strategy?.type === 'Recreate') return desiredReplicas(d)
  const current = sumSpecReplicas(allRSs)
  const maxTotal = desiredReplicas(d) + maxSurge(d)
  if (current >= maxTotal) return specReplicas(newRS)
  const scaleUp = Math.min(maxTotal - current, desiredReplicas(d) - specReplicas(newRS))
  return specReplicas(newRS) + scaleUp
}
