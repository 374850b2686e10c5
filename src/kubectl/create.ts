import type {Backend} from '../backend/backend.js'
import type {KubeObject} from '../backend/object.js'

/** Creates one object, or with a client dry run returns it unsent as kubectl does. */
export async function createObject(
  backend: Backend,
  object: KubeObject,
  dryRun: 'none' | 'client' | 'server',
): Promise<KubeObject> {
  if (dryRun === 'client') return object
  return backend.create(object, dryRun === 'server' ? {dryRun: true} : {})
}
