import type {Backend, DeleteOptions} from '../backend/backend.js'
import type {KubeObject} from '../backend/object.js'
import type {ResourceInfo, ResourceRef} from '../backend/refs.js'
import {hasReason} from '../backend/status.js'
import {refFor} from '../resources/registry.js'
import type {Visit} from './targets.js'
import {explainListError} from './list-error.js'
import {withSource} from './source-error.js'

/** What `delete` asks for. */
export interface DeleteRequest {
  visits: readonly Visit[]
  labelSelector?: string | undefined
  fieldSelector?: string | undefined
  ignoreNotFound: boolean
  cascade: 'background' | 'foreground' | 'orphan'
  gracePeriodSeconds?: number | undefined
  dryRun: 'none' | 'client' | 'server'
}

/** One deleted (or, with a dry run, would-be-deleted) object. */
export interface Deleted {
  info: ResourceInfo
  ref: ResourceRef
  name: string
  uid: string | undefined
}

/** Deletes what the visits name and reports each, continuing past errors as kubectl does. */
export async function deleteResources(
  backend: Backend,
  request: DeleteRequest,
  onDeleted: (deleted: Deleted) => void,
): Promise<{deleted: Deleted[]; errors: unknown[]}> {
  const deleted: Deleted[] = []
  const errors: unknown[] = []
  const options: DeleteOptions = {propagationPolicy: propagationOf(request.cascade)}
  if (request.gracePeriodSeconds !== undefined && request.gracePeriodSeconds >= 0) {
    options.gracePeriodSeconds = request.gracePeriodSeconds
  }
  if (request.dryRun === 'server') options.dryRun = true
  for (const visit of request.visits) {
    const report = (error: unknown): void => {
      if (!(request.ignoreNotFound && hasReason(error, 'NotFound'))) errors.push(error)
    }
    const ref = refFor(visit.info, visit.namespace)
    try {
      const keys =
        visit.kind === 'list'
          ? await listKeys(backend, ref, request).catch((error: unknown) => {
              throw explainListError(error, visit.info, request)
            })
          : [{namespace: visit.namespace, name: visit.name}]
      for (const {namespace, name} of keys) {
        // a list across all namespaces names each object's own namespace
        const objectRef = refFor(visit.info, namespace)
        try {
          const result =
            request.dryRun === 'client'
              ? await backend.get(objectRef, name)
              : await backend.delete(objectRef, name, options)
          const entry: Deleted = {info: visit.info, ref: objectRef, name, uid: uidOf(result)}
          deleted.push(entry)
          onDeleted(entry)
        } catch (error) {
          report(error)
        }
      }
    } catch (error) {
      report(error)
    }
  }
  return {deleted, errors}
}

/**
 * Deletes objects read from files, each visit with the file it came from (`sources`, in visit order), so that
 * an error names that file as kubectl's AddSourceToErr does: `error when deleting "web.yaml": ...`.
 */
export async function deleteFileObjects(
  backend: Backend,
  request: DeleteRequest,
  sources: readonly string[],
  onDeleted: (deleted: Deleted) => void,
): Promise<{deleted: Deleted[]; errors: unknown[]}> {
  const deleted: Deleted[] = []
  const errors: unknown[] = []
  for (const [i, visit] of request.visits.entries()) {
    const result = await deleteResources(backend, {...request, visits: [visit]}, onDeleted)
    deleted.push(...result.deleted)
    errors.push(...result.errors.map((e) => withSource('deleting', sources[i], e)))
  }
  return {deleted, errors}
}

/** Waits until each deleted object is gone (or replaced by one with another uid); false on timeout. */
export async function waitForDeletion(
  backend: Backend,
  deleted: readonly Deleted[],
  options: {timeoutMs: number; pollMs: number; now: () => number; sleep: (ms: number) => Promise<void>},
): Promise<{pending: Deleted[]}> {
  const deadline = options.now() + options.timeoutMs
  let pending = [...deleted]
  for (;;) {
    const still: Deleted[] = []
    for (const entry of pending) {
      try {
        const object = await backend.get(entry.ref, entry.name)
        if (object.metadata.uid === entry.uid) still.push(entry)
      } catch (error) {
        if (!hasReason(error, 'NotFound')) throw error
      }
    }
    pending = still
    if (pending.length === 0 || options.now() >= deadline) return {pending}
    await options.sleep(options.pollMs)
  }
}

async function listKeys(
  backend: Backend,
  ref: ResourceRef,
  request: DeleteRequest,
): Promise<Array<{namespace: string | undefined; name: string}>> {
  const list = await backend.list(ref, {labelSelector: request.labelSelector, fieldSelector: request.fieldSelector})
  return list.items.map((item) => ({namespace: item.metadata.namespace, name: item.metadata.name ?? ''}))
}

function propagationOf(cascade: DeleteRequest['cascade']): DeleteOptions['propagationPolicy'] {
  if (cascade === 'foreground') return 'Foreground'
  if (cascade === 'orphan') return 'Orphan'
  return 'Background'
}

function uidOf(result: unknown): string | undefined {
  const metadata = (result as Partial<KubeObject> | undefined)?.metadata
  return metadata?.uid
}
