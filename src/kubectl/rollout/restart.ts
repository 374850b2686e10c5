import type {Backend} from '../../backend/backend.js'
import type {KubeObject} from '../../backend/object.js'
import type {ResourceRef} from '../../backend/refs.js'
import {writeOptions} from '../write-options.js'

/** The pod-template annotation whose change makes a workload roll its pods. */
export const RESTARTED_AT_ANNOTATION = 'kubectl.kubernetes.io/restartedAt'
const RESTARTABLE_KINDS = new Set(['Deployment', 'DaemonSet', 'StatefulSet'])

/**
 * `rollout restart`: stamps the pod template with the time, so the controller rolls every pod
 * (kubectl/pkg/polymorphichelpers/objectrestarter.go, v1.32). `restartedAt` is RFC 3339 client time.
 */
export async function restartWorkload(
  backend: Backend,
  ref: ResourceRef,
  object: KubeObject,
  options: {restartedAt: string; dryRun: 'none' | 'client' | 'server'; fieldManager: string},
): Promise<KubeObject> {
  const name = object.metadata.name ?? ''
  if (!RESTARTABLE_KINDS.has(object.kind)) throw new Error(`restarting is not supported`)
  const spec = object['spec'] as {paused?: boolean} | undefined
  if (object.kind === 'Deployment' && spec?.paused) {
    throw new Error(`can't restart paused deployment (run rollout resume first)`)
  }
  const body = {spec: {template: {metadata: {annotations: {[RESTARTED_AT_ANNOTATION]: options.restartedAt}}}}}
  if (options.dryRun === 'client') return object
  return backend.patch(ref, name, {type: 'strategic', body}, writeOptions(options))
}
