import type {Backend} from '../../backend/backend.js'
import type {KubeObject} from '../../backend/object.js'
import type {ResourceRef} from '../../backend/refs.js'
import type {PodTemplateSpec} from '../describe/pod-types.js'
import {equalIgnoreHash} from '../describe/template-equality.js'
import {ownedReplicaSets, revisionOf} from './owned-replica-sets.js'

const POD_TEMPLATE_HASH = 'pod-template-hash'
// deploymentutil: annotations of a ReplicaSet that are not copied back on rollback (v1.32)
const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
])

/** What `rollout undo` did to one Deployment: the object and kubectl's operation word. */
export interface UndoResult {
  object: KubeObject
  /** 'rolled back' or 'skipped rollback (current template already matches revision 2)' */
  operation: string
}

/**
 * Rolls a Deployment back to a revision (0: the previous one) by copying that ReplicaSet's pod template
 * and annotations back (kubectl/pkg/polymorphichelpers/rollback.go DeploymentRollbacker, v1.32).
 */
export async function undoDeployment(
  backend: Backend,
  ref: ResourceRef,
  deployment: KubeObject,
  options: {toRevision: number; dryRun: 'none' | 'client' | 'server'},
): Promise<UndoResult> {
  const name = deployment.metadata.name ?? ''
  if ((deployment['spec'] as {paused?: boolean} | undefined)?.paused) {
    throw new Error(
      "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
    )
  }
  const rs = await replicaSetForRevision(backend, deployment, options.toRevision)
  const template = (rs['spec'] as {template?: PodTemplateSpec} | undefined)?.template
  const current = (deployment['spec'] as {template?: PodTemplateSpec} | undefined)?.template
  if (equalIgnoreHash(template, current)) {
    const revision = revisionOf(rs) ?? options.toRevision
    return {object: deployment, operation: `skipped rollback (current template already matches revision ${revision})`}
  }
  const restored = structuredClone(template ?? {})
  if (restored.metadata?.labels) delete restored.metadata.labels[POD_TEMPLATE_HASH]
  const annotations: Record<string, string | null> = {}
  for (const [key, value] of Object.entries(rs.metadata.annotations ?? {})) {
    if (!ANNOTATIONS_TO_SKIP.has(key)) annotations[key] = value
  }
  if (options.dryRun === 'client') return {object: deployment, operation: 'rolled back'}
  // a JSON patch replaces the whole template, so fields the old revision lacks are dropped, not merged
  const patched = await backend.patch(
    ref,
    name,
    {
      type: 'json',
      body: [
        {op: 'replace', path: '/spec/template', value: restored},
        ...(Object.keys(annotations).length > 0
          ? [
              {
                op: 'replace',
                path: '/metadata/annotations',
                value: {...deployment.metadata.annotations, ...annotations},
              },
            ]
          : []),
      ],
    },
    options.dryRun === 'server' ? {dryRun: true} : {},
  )
  return {object: patched, operation: 'rolled back'}
}

async function replicaSetForRevision(
  backend: Backend,
  deployment: KubeObject,
  toRevision: number,
): Promise<KubeObject> {
  const name = deployment.metadata.name ?? ''
  let max: {revision: number; rs: KubeObject} | undefined
  let previous: {revision: number; rs: KubeObject} | undefined
  for (const rs of await ownedReplicaSets(backend, deployment)) {
    const revision = revisionOf(rs)
    if (revision === undefined) continue
    if (toRevision > 0) {
      if (revision === toRevision) return rs
      continue
    }
    if (!max || revision > max.revision) {
      previous = max
      max = {revision, rs}
    } else if (!previous || revision > previous.revision) {
      previous = {revision, rs}
    }
  }
  if (toRevision > 0) throw new Error(`unable to find specified revision ${toRevision} in history`)
  if (!previous) throw new Error(`no revision found for deployment "${name}"`)
  return previous.rs
}
