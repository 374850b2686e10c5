import type {Backend} from '../../backend/backend.js'
import type {KubeObject} from '../../backend/object.js'
import type {ResourceRef} from '../../backend/refs.js'
import {writeOptions} from '../write-options.js'

/**
 * `rollout pause` (paused: true) and `rollout resume` (false): sets spec.paused on a Deployment
 * (kubectl/pkg/polymorphichelpers/objectpauser.go and objectresumer.go, v1.32). Errors are kubectl's
 * predicate words ('is already paused'), which the command prefixes with the resource and name.
 */
export async function setPaused(
  backend: Backend,
  ref: ResourceRef,
  object: KubeObject,
  options: {paused: boolean; dryRun: 'none' | 'client' | 'server'; fieldManager: string},
): Promise<KubeObject> {
  if (object.kind !== 'Deployment') {
    throw new Error(`${options.paused ? 'pausing' : 'resuming'} is not supported`)
  }
  const paused = (object['spec'] as {paused?: boolean} | undefined)?.paused === true
  // kubectl refuses a no-op with these words, and the command exits 1
  if (paused && options.paused) throw new Error('is already paused')
  if (!paused && !options.paused) throw new Error('is not paused')
  if (options.dryRun === 'client') return object
  return backend.patch(
    ref,
    object.metadata.name ?? '',
    {type: 'strategic', body: {spec: {paused: options.paused}}},
    writeOptions(options),
  )
}
