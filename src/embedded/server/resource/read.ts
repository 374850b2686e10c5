import type {ServerResponse} from 'node:http'
import type {ListOptions} from '../../../backend/backend.js'
import type {KubeList} from '../../../backend/object.js'
import type {Status} from '../../../backend/status.js'
import {StatusError} from '../../../backend/status.js'
import {writeJson} from '../status-response.js'
import {
  type MetaForm,
  parseIncludeObject,
  partialMetadata,
  partialMetadataList,
  withIncludeObject,
} from '../table-response.js'
import {refOf, type ResourceContext, type ResourceRoute} from './context.js'
import {listOptions} from './query.js'
import {checkResourceVersion} from './resource-version.js'

// kube-apiserver's answer to a list at a resourceVersion the server has not reached (cacher, v1.32)
function tooLargeResourceVersion(sent: number, current: number): StatusError {
  const status: Status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `Too large resource version: ${sent}, current: ${current}`,
    reason: 'Timeout',
    details: {
      retryAfterSeconds: 1,
      causes: [{reason: 'ResourceVersionTooLarge', message: 'Too large resource version', field: ''}],
    },
    code: 504,
  }
  return new StatusError(status)
}

// which lists the watch cache hands to etcd: an Exact match, and without a match a limit with a
// resourceVersion or a continue (apiserver storage/cacher shouldDelegateList, v1.32)
function isListFromStorage(options: ListOptions, query: URLSearchParams): boolean {
  const match = query.get('resourceVersionMatch') ?? ''
  if (match === 'Exact') return true
  if (match !== '') return false
  const resourceVersion = options.resourceVersion ?? ''
  return (
    (options.limit !== undefined && resourceVersion !== '' && resourceVersion !== '0') || options.continue !== undefined
  )
}

function expiredList(): StatusError {
  const status: Status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'The resourceVersion for the provided list is too old.',
    reason: 'Expired',
    code: 410,
  }
  return new StatusError(status)
}

/**
 * GET on a collection: a list, a Table or PartialObjectMetadataList as Accept asks, one chunk at a time
 * with limit/continue. The embedded store serves the newest state: a resourceVersion it has not reached
 * times out as kube-apiserver's does, and an Exact one older than the change log is Expired.
 */
export async function serveList(
  ctx: ResourceContext,
  route: ResourceRoute,
  res: ServerResponse,
  query: URLSearchParams,
  form: MetaForm | undefined,
): Promise<void> {
  const options = listOptions(query)
  checkResourceVersion(options.resourceVersion, {fromStorage: isListFromStorage(options, query)})
  const sent = Number(options.resourceVersion ?? '0')
  if (options.resourceVersion && options.resourceVersion !== '0') {
    const current = ctx.backend.store.revision()
    if (sent > current) throw tooLargeResourceVersion(sent, current)
    if (query.get('resourceVersionMatch') === 'Exact' && sent < ctx.backend.store.oldestRetainedRevision() - 1) {
      throw expiredList()
    }
  }
  if (form?.as === 'Table') {
    // the backend builds the Table (custom resources' printer columns included) with the list's metadata
    const table = await ctx.backend.table(refOf(route), options)
    writeJson(res, 200, withIncludeObject(table, parseIncludeObject(query.get('includeObject')), form.version))
    return
  }
  const list: KubeList = await ctx.backend.list(refOf(route), options)
  if (form?.as === 'PartialObjectMetadataList' || form?.as === 'PartialObjectMetadata') {
    writeJson(res, 200, partialMetadataList(list, form.version))
    return
  }
  writeJson(res, 200, list)
}

/** GET on an object or its status/scale subresource, as itself, a one-row Table or its metadata. */
export async function serveGet(
  ctx: ResourceContext,
  route: ResourceRoute,
  res: ServerResponse,
  query: URLSearchParams,
  form: MetaForm | undefined,
): Promise<void> {
  if (form?.as === 'Table' && route.subresource === undefined) {
    const table = await ctx.backend.table(refOf(route), {name: route.name ?? ''})
    const resourceVersion = table.rows[0]?.object?.metadata.resourceVersion
    const withMeta = resourceVersion === undefined ? table : {...table, metadata: {resourceVersion}}
    writeJson(res, 200, withIncludeObject(withMeta, parseIncludeObject(query.get('includeObject')), form.version))
    return
  }
  const object = await ctx.backend.get(refOf(route), route.name ?? '')
  if (form?.as === 'PartialObjectMetadata') {
    writeJson(res, 200, partialMetadata(object, form.version))
    return
  }
  writeJson(res, 200, object)
}
