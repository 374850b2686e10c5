import type {ServerResponse} from 'node:http'
import type {KubeObject} from '../../../backend/object.js'
import type {ResourceInfo} from '../../../backend/refs.js'
import {hasReason, type Status} from '../../../backend/status.js'
import {writeJson} from '../status-response.js'
import {itemRef, refOf, type ResourceContext, type ResourceRoute} from './context.js'
import {parseJson} from './decode.js'
import {deleteOptions, listOptions} from './query.js'

// the registries whose DELETE answers with the deleted object (ReturnDeletedObject: true, v1.32);
// the others answer a Success Status naming it
const RETURNS_DELETED_OBJECT = new Set(['/pods', '/services', '/serviceaccounts', 'storage.k8s.io/storageclasses'])

function bodyOf(raw: Buffer): unknown {
  return raw.length > 0 ? parseJson(raw.toString('utf8'), 'DeleteOptions') : undefined
}

// store.go finalizeDelete: what a finished delete returns
function deletedAnswer(info: ResourceInfo, object: KubeObject | Status): KubeObject | Status | object {
  if (object.kind === 'Status') return object
  const kubeObject = object as KubeObject
  // an object that lingers (finalizers, graceful pod deletion) is returned as it now is
  if (kubeObject.metadata.deletionTimestamp !== undefined) return kubeObject
  if (RETURNS_DELETED_OBJECT.has(`${info.group}/${info.resource}`)) return kubeObject
  const details: Record<string, string> = {name: kubeObject.metadata.name ?? ''}
  if (info.group !== '') details['group'] = info.group
  details['kind'] = info.resource
  if (kubeObject.metadata.uid !== undefined) details['uid'] = kubeObject.metadata.uid
  return {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details}
}

/** DELETE on an object, with DeleteOptions from the query or the body (delete.go, v1.32). */
export async function serveDelete(
  ctx: ResourceContext,
  route: ResourceRoute,
  info: ResourceInfo,
  raw: Buffer,
  res: ServerResponse,
  query: URLSearchParams,
): Promise<void> {
  const options = deleteOptions(query, bodyOf(raw))
  const result = await ctx.backend.delete(refOf(route), route.name ?? '', options)
  if (!options.dryRun) ctx.afterWrite()
  writeJson(res, 200, deletedAnswer(info, result))
}

/** DELETE on a collection: every object the selectors match, then the list of them (deletecollection). */
export async function serveDeleteCollection(
  ctx: ResourceContext,
  route: ResourceRoute,
  raw: Buffer,
  res: ServerResponse,
  query: URLSearchParams,
): Promise<void> {
  const options = deleteOptions(query, bodyOf(raw))
  const ref = refOf(route)
  const {limit: _limit, continue: _continue, ...selectors} = listOptions(query)
  const list = await ctx.backend.list(ref, selectors)
  const items: KubeObject[] = []
  for (const item of list.items) {
    try {
      const result = await ctx.backend.delete(itemRef(ref, item), item.metadata.name ?? '', options)
      if (result.kind !== 'Status') items.push(result as KubeObject)
    } catch (error) {
      // gone meanwhile (a controller or another client deleted it): nothing left to delete
      if (!hasReason(error, 'NotFound')) throw error
    }
  }
  if (!options.dryRun) ctx.afterWrite()
  writeJson(res, 200, {...list, metadata: {resourceVersion: String(ctx.backend.store.revision())}, items})
}
