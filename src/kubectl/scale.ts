import type {Backend} from '../backend/backend.js'
import type {KubeObject} from '../backend/object.js'
import type {ResourceRef} from '../backend/refs.js'
import {hasReason} from '../backend/status.js'

/** What `scale` asks of one object. */
export interface ScaleOptions {
  replicas: number
  /** --current-replicas: -1 for no precondition */
  currentReplicas: number
  /** --resource-version precondition; '' for none */
  resourceVersion: string
  dryRun: 'none' | 'client' | 'server'
}

/** kubectl's PreconditionError (kubectl/pkg/scale/scale.go, v1.32). */
export class ScalePreconditionError extends Error {
  constructor(precondition: string, expected: string, actual: string) {
    super(`Expected ${precondition} to be ${expected}, was ${actual}`)
    this.name = 'ScalePreconditionError'
  }
}

// kubectl scale: a blind scale retries conflicts (scale.go NewRetryParams(1s, timeout) — here a few tries)
const CONFLICT_RETRIES = 5

/** Checks kubectl's scale preconditions as needed, then sets the replicas through the scale subresource. */
export async function scaleObject(
  backend: Backend,
  ref: ResourceRef,
  name: string,
  options: ScaleOptions,
): Promise<KubeObject> {
  const scaleRef: ResourceRef = {...ref, subresource: 'scale'}
  const hasPrecondition = options.currentReplicas !== -1 || options.resourceVersion !== ''
  for (let attempt = 0; ; attempt++) {
    try {
      const current = hasPrecondition || options.dryRun === 'client' ? await backend.get(scaleRef, name) : undefined
      if (current) checkPreconditions(current, options)
      if (options.dryRun === 'client') return current ?? (await backend.get(scaleRef, name))
      const metadata = options.resourceVersion === '' ? {} : {metadata: {resourceVersion: options.resourceVersion}}
      return await backend.patch(
        scaleRef,
        name,
        {type: 'merge', body: {...metadata, spec: {replicas: options.replicas}}},
        options.dryRun === 'server' ? {dryRun: true} : {},
      )
    } catch (error) {
      // a conflict against a --resource-version precondition is final; otherwise the object moved: try again
      if (!hasReason(error, 'Conflict') || options.resourceVersion !== '' || attempt >= CONFLICT_RETRIES) throw error
    }
  }
}

function checkPreconditions(scale: KubeObject, options: ScaleOptions): void {
  const replicas = (scale['spec'] as {replicas?: number} | undefined)?.replicas ?? 0
  if (options.currentReplicas !== -1 && replicas !== options.currentReplicas) {
    throw new ScalePreconditionError('replicas', String(options.currentReplicas), String(replicas))
  }
  const version = scale.metadata.resourceVersion ?? ''
  if (options.resourceVersion !== '' && version !== options.resourceVersion) {
    throw new ScalePreconditionError('resource version', options.resourceVersion, version)
  }
}
