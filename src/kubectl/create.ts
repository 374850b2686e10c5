import type {Backend, WriteOptions} from '../backend/backend.js'
import type {KubeObject} from '../backend/object.js'
import {writeOptions} from './write-options.js'

/** Creates one object, or with a client dry run returns it unsent as kubectl does. */
export async function createObject(
  backend: Backend,
  object: KubeObject,
  dryRun: 'none' | 'client' | 'server',
  fieldManager: string,
  fieldValidation?: WriteOptions['fieldValidation'],
): Promise<KubeObject> {
  if (dryRun === 'client') return object
  return backend.create(object, {
    ...writeOptions({dryRun, fieldManager}),
    ...(fieldValidation ? {fieldValidation} : {}),
  })
}
