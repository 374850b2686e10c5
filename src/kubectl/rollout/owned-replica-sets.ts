import type {Backend} from '../../backend/backend.js'
import type {KubeObject} from '../../backend/object.js'

const REPLICA_SETS = {group: 'apps', version: 'v1', resource: 'replicasets'}
/** The annotation holding a Deployment's (and its ReplicaSets') revision number. */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision'

/** The ReplicaSets a Deployment controls (by controller ownerReference), as deploymentutil.GetAllReplicaSets finds them. */
export async function ownedReplicaSets(backend: Backend, deployment: KubeObject): Promise<KubeObject[]> {
  const list = await backend.list({...REPLICA_SETS, namespace: deployment.metadata.namespace})
  const uid = deployment.metadata.uid
  return list.items.filter((rs) =>
    (rs.metadata.ownerReferences ?? []).some((owner) => owner.controller === true && owner.uid === uid),
  )
}

/** A ReplicaSet's revision, or undefined when it has none (deploymentutil.Revision). */
export function revisionOf(object: KubeObject): number | undefined {
  const text = object.metadata.annotations?.[REVISION_ANNOTATION]
  if (text === undefined) return undefined
  const revision = Number(text)
  return Number.isInteger(revision) ? revision : undefined
}
