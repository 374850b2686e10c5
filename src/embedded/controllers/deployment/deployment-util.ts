import type {KubeObject} from '../../../backend/object.js'
import type {LabelSelectorSpec} from '../../../resources/label-selector.js'
import {createdMs} from '../replicaset/owner.js'
import {scaledValue} from './int-or-percent.js'
import {canonicalJson} from './template-hash.js'

// deployment_util.go annotation keys (v1.32)
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision'
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history'
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas'
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas'
export const TEMPLATE_HASH_LABEL = 'pod-template-hash'
// annotations a Deployment does not pass on to its ReplicaSets (skipCopyAnnotation)
const NOT_COPIED = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  'deprecated.deployment.rollback.to',
])
// maxRevHistoryLengthInChars (deployment controller, v1.32)
const MAX_REVISION_HISTORY_CHARS = 2000

/** The Deployment spec fields the controller reads. */
export interface DeploymentSpec {
  replicas?: number
  selector?: LabelSelectorSpec
  template?: {metadata?: {labels?: Record<string, string>}} & Record<string, unknown>
  strategy?: {type?: string; rollingUpdate?: {maxSurge?: number | string; maxUnavailable?: number | string}}
  minReadySeconds?: number
  revisionHistoryLimit?: number
  paused?: boolean
  progressDeadlineSeconds?: number
}

/** The ReplicaSet status counts. */
export interface ReplicaSetStatus {
  replicas?: number
  readyReplicas?: number
  availableReplicas?: number
  observedGeneration?: number
}

export function deploymentSpec(d: KubeObject): DeploymentSpec {
  return (d['spec'] as DeploymentSpec | undefined) ?? {}
}

export function desiredReplicas(d: KubeObject): number {
  return deploymentSpec(d).replicas ?? 1
}

/** A ReplicaSet's spec.replicas. */
export function specReplicas(rs: KubeObject): number {
  return (rs['spec'] as {replicas?: number} | undefined)?.replicas ?? 0
}

export function rsStatus(rs: KubeObject): ReplicaSetStatus {
  return (rs['status'] as ReplicaSetStatus | undefined) ?? {}
}

export function isRollingUpdate(d: KubeObject): boolean {
  return deploymentSpec(d).strategy?.type !== 'Recreate'
}

/** deploymentutil.ResolveFenceposts: surge rounded up, unavailable rounded down, never both zero. */
function fenceposts(d: KubeObject): {surge: number; unavailable: number} {
  const rolling = deploymentSpec(d).strategy?.rollingUpdate ?? {}
  const desired = desiredReplicas(d)
  const surge = scaledValue(rolling.maxSurge ?? '25%', desired, true)
  const unavailable = scaledValue(rolling.maxUnavailable ?? '25%', desired, false)
  return surge === 0 && unavailable === 0 ? {surge, unavailable: 1} : {surge, unavailable}
}

/** deploymentutil.MaxSurge. */
export function maxSurge(d: KubeObject): number {
  return isRollingUpdate(d) ? fenceposts(d).surge : 0
}

/** deploymentutil.MaxUnavailable: never more than the desired replicas. */
export function maxUnavailable(d: KubeObject): number {
  if (!isRollingUpdate(d) || desiredReplicas(d) === 0) return 0
  return Math.min(fenceposts(d).unavailable, desiredReplicas(d))
}

export function sumSpecReplicas(sets: readonly KubeObject[]): number {
  return sets.reduce((sum, rs) => sum + specReplicas(rs), 0)
}

export function sumStatus(sets: readonly KubeObject[], field: keyof ReplicaSetStatus): number {
  return sets.reduce((sum, rs) => sum + (rsStatus(rs)[field] ?? 0), 0)
}

/** FilterActiveReplicaSets: those with replicas wanted. */
export function activeReplicaSets(sets: readonly KubeObject[]): KubeObject[] {
  return sets.filter((rs) => specReplicas(rs) > 0)
}

/** ReplicaSetsByCreationTimestamp: older first, then by name. */
export function byCreation(a: KubeObject, b: KubeObject): number {
  return createdMs(a) - createdMs(b) || compareNames(a, b)
}

/** ReplicaSetsBySizeNewer (up) / BySizeOlder (down): larger first, ties by age. */
export function bySize(newerFirst: boolean): (a: KubeObject, b: KubeObject) => number {
  return (a, b) => specReplicas(b) - specReplicas(a) || (newerFirst ? byCreation(b, a) : byCreation(a, b))
}

/** ReplicaSetsByRevision: lower revision first, then older. */
export function byRevision(a: KubeObject, b: KubeObject): number {
  return revisionOf(a) - revisionOf(b) || byCreation(a, b)
}

function compareNames(a: KubeObject, b: KubeObject): number {
  const [x, y] = [a.metadata.name ?? '', b.metadata.name ?? '']
  return x < y ? -1 : x > y ? 1 : 0
}

export function revisionOf(object: KubeObject): number {
  return Number(object.metadata.annotations?.[REVISION_ANNOTATION] ?? '0') || 0
}

/** deploymentutil.MaxRevision. */
export function maxRevision(sets: readonly KubeObject[]): number {
  return Math.max(0, ...sets.map(revisionOf))
}

/** A pod template without the pod-template-hash label, in canonical form (EqualIgnoreHash). */
export function templateIgnoringHash(template: unknown): string {
  const copy = structuredClone((template ?? {}) as {metadata?: {labels?: Record<string, string>}})
  if (copy.metadata?.labels) {
    delete copy.metadata.labels[TEMPLATE_HASH_LABEL]
    // Semantic.DeepEqual treats an empty map like an absent one
    if (Object.keys(copy.metadata.labels).length === 0) delete copy.metadata.labels
  }
  return canonicalJson(copy)
}

/** deploymentutil.FindNewReplicaSet: the oldest ReplicaSet whose template is the Deployment's. */
export function findNewReplicaSet(d: KubeObject, sets: readonly KubeObject[]): KubeObject | undefined {
  const wanted = templateIgnoringHash(deploymentSpec(d).template)
  return [...sets]
    .sort(byCreation)
    .find((rs) => templateIgnoringHash((rs['spec'] as {template?: unknown}).template) === wanted)
}

/** SetReplicasAnnotations: true when it changed them. */
export function setReplicasAnnotations(rs: KubeObject, desired: number, max: number): boolean {
  const annotations = (rs.metadata.annotations ??= {})
  let changed = false
  for (const [key, value] of [
    [DESIRED_REPLICAS_ANNOTATION, String(desired)],
    [MAX_REPLICAS_ANNOTATION, String(max)],
  ] as const) {
    if (annotations[key] !== value) {
      annotations[key] = value
      changed = true
    }
  }
  return changed
}

/**
 * SetNewReplicaSetAnnotations (v1.32): copies the Deployment's annotations, raises the revision (keeping the
 * old one in revision-history when an existing ReplicaSet becomes new again, as on rollback), and on creation
 * sets desired/max replicas. Mutates rs (a copy the caller owns); true when something changed.
 */
export function setNewReplicaSetAnnotations(
  d: KubeObject,
  rs: KubeObject,
  newRevision: number,
  exists: boolean,
): boolean {
  const annotations = (rs.metadata.annotations ??= {})
  let changed = false
  for (const [key, value] of Object.entries(d.metadata.annotations ?? {})) {
    if (NOT_COPIED.has(key) || annotations[key] === value) continue
    annotations[key] = value
    changed = true
  }
  const oldText = annotations[REVISION_ANNOTATION]
  const oldRevision = Number(oldText ?? '0') || 0
  if (oldRevision < newRevision) {
    annotations[REVISION_ANNOTATION] = String(newRevision)
    changed = true
    if (oldText !== undefined) {
      const history = (annotations[REVISION_HISTORY_ANNOTATION] ?? '').split(',').filter((r) => r !== '')
      history.push(oldText)
      while (history.join(',').length > MAX_REVISION_HISTORY_CHARS && history.length > 1) history.shift()
      annotations[REVISION_HISTORY_ANNOTATION] = history.join(',')
    }
  }
  if (!exists && setReplicasAnnotations(rs, desiredReplicas(d), desiredReplicas(d) + maxSurge(d))) changed = true
  return changed
}

/** deploymentutil.IsSaturated: the new ReplicaSet has all the replicas, all available. */
export function isSaturated(d: KubeObject, rs: KubeObject | undefined): boolean {
  if (!rs) return false
  const desired = Number(rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION] ?? 'NaN')
  const replicas = desiredReplicas(d)
  return specReplicas(rs) === replicas && desired === replicas && (rsStatus(rs).availableReplicas ?? 0) === replicas
}
