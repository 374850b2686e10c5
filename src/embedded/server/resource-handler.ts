import type {IncomingMessage, ServerResponse} from 'node:http'
import type {DeleteOptions, ListOptions, LogOptions, Patch, WriteOptions} from '../../backend/backend.js'
import {isJsonObject, type KubeObject} from '../../backend/object.js'
import type {ResourceRef} from '../../backend/refs.js'
import {badRequest, methodNotAllowed, StatusError} from '../../backend/status.js'
import {buildTable, columnsFor} from '../../resources/columns/index.js'
import type {EmbeddedBackend} from '../embedded-backend.js'
import {decodeBody, readBody} from './request-body.js'
import type {Route} from './route.js'
import {failureStatus, statusOf, writeJson} from './status-response.js'
import {parseIncludeObject, wantsTable, withIncludeObject} from './table-response.js'

type ResourceRoute = Extract<Route, {type: 'resource'}>

/** What a resource request needs besides the route: the backend, and a hook run after every write. */
export interface ResourceContext {
  backend: EmbeddedBackend
  afterWrite: () => void
}

function refOf(route: ResourceRoute): ResourceRef {
  const ref: ResourceRef = {group: route.group, version: route.version, resource: route.resource}
  if (route.namespace !== undefined) ref.namespace = route.namespace
  if (route.subresource !== undefined) ref.subresource = route.subresource
  return ref
}

function listOptions(query: URLSearchParams): ListOptions {
  const options: ListOptions = {}
  const labelSelector = query.get('labelSelector')
  const fieldSelector = query.get('fieldSelector')
  const limit = query.get('limit')
  const next = query.get('continue')
  const resourceVersion = query.get('resourceVersion')
  if (labelSelector) options.labelSelector = labelSelector
  if (fieldSelector) options.fieldSelector = fieldSelector
  if (limit !== null && Number(limit) > 0) options.limit = Number(limit)
  if (next) options.continue = next
  if (resourceVersion !== null) options.resourceVersion = resourceVersion
  return options
}

function writeOptions(query: URLSearchParams): WriteOptions {
  const options: WriteOptions = {}
  const dryRun = query.getAll('dryRun')
  if (dryRun.length > 0) {
    if (dryRun.some((v) => v !== 'All')) throw badRequest(`Invalid dry run value: ${dryRun.join(', ')}`)
    options.dryRun = true
  }
  const fieldManager = query.get('fieldManager')
  if (fieldManager) options.fieldManager = fieldManager
  if (query.get('force') === 'true') options.force = true
  const validation = query.get('fieldValidation')
  if (validation === 'Strict' || validation === 'Warn' || validation === 'Ignore') options.fieldValidation = validation
  return options
}

function asObject(body: unknown): KubeObject {
  if (!isJsonObject(body) || !isJsonObject(body['metadata']) || typeof body['kind'] !== 'string') {
    throw badRequest("Object 'Kind' is missing in the request body")
  }
  return body as KubeObject
}

// the path's namespace wins when the body has none; a different one is refused as kube-apiserver does
function inNamespace(object: KubeObject, namespace: string | undefined): KubeObject {
  if (namespace === undefined) return object
  const own = object.metadata.namespace
  if (own !== undefined && own !== '' && own !== namespace) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request')
  }
  return {...object, metadata: {...object.metadata, namespace}}
}

function patchOf(contentType: string | undefined, raw: Buffer): Patch {
  const type = (contentType ?? '').split(';')[0]?.trim()
  switch (type) {
    case 'application/json-patch+json': {
      const body = decodeBody(raw)
      if (!Array.isArray(body)) throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch')
      return {type: 'json', body}
    }
    case 'application/merge-patch+json':
      return {type: 'merge', body: decodeBody(raw)}
    case 'application/strategic-merge-patch+json':
      return {type: 'strategic', body: decodeBody(raw)}
    case 'application/apply-patch+yaml':
      return {type: 'apply', body: decodeBody(raw, true)}
    default:
      throw new StatusError(
        failureStatus(415, 'UnsupportedMediaType', `the body of the request was in an unknown format: ${type ?? ''}`),
      )
  }
}

function deleteOptions(query: URLSearchParams, body: unknown): DeleteOptions {
  const options: DeleteOptions = {}
  const fromBody = isJsonObject(body) ? body : {}
  const policy = query.get('propagationPolicy') ?? fromBody['propagationPolicy']
  if (policy === 'Background' || policy === 'Foreground' || policy === 'Orphan') options.propagationPolicy = policy
  else if (fromBody['orphanDependents'] === true || query.get('orphanDependents') === 'true') {
    options.propagationPolicy = 'Orphan'
  }
  const grace = query.get('gracePeriodSeconds') ?? fromBody['gracePeriodSeconds']
  if (grace !== undefined && grace !== null && grace !== '') options.gracePeriodSeconds = Number(grace)
  const dryRun = [...query.getAll('dryRun'), ...(Array.isArray(fromBody['dryRun']) ? fromBody['dryRun'] : [])]
  if (dryRun.includes('All')) options.dryRun = true
  if (isJsonObject(fromBody['preconditions'])) {
    const pre = fromBody['preconditions']
    options.preconditions = {}
    if (typeof pre['uid'] === 'string') options.preconditions.uid = pre['uid']
    if (typeof pre['resourceVersion'] === 'string') options.preconditions.resourceVersion = pre['resourceVersion']
  }
  return options
}

function logOptions(query: URLSearchParams): LogOptions {
  const options: LogOptions = {}
  const container = query.get('container')
  if (container) options.container = container
  if (query.get('follow') === 'true') options.follow = true
  if (query.get('previous') === 'true') options.previous = true
  if (query.get('timestamps') === 'true') options.timestamps = true
  const numbers = ['tailLines', 'sinceSeconds', 'limitBytes'] as const
  for (const key of numbers) {
    const value = query.get(key)
    if (value !== null && value !== '') options[key] = Number(value)
  }
  const sinceTime = query.get('sinceTime')
  if (sinceTime) options.sinceTime = sinceTime
  return options
}

// a stream ends when its client goes away; the iterator is told to return so its generator can finish
async function streamTo(res: ServerResponse, source: AsyncIterable<string>, contentType: string): Promise<void> {
  const iterator = source[Symbol.asyncIterator]()
  let closed = false
  res.on('close', () => {
    closed = true
    void iterator.return?.()
  })
  let started = false
  try {
    for (;;) {
      const next = await iterator.next()
      if (!started) {
        res.writeHead(200, {'Content-Type': contentType, 'Transfer-Encoding': 'chunked'})
        started = true
      }
      if (next.done || closed) break
      res.write(next.value)
    }
  } catch (error) {
    if (!started) throw error
  }
  if (!started) res.writeHead(200, {'Content-Type': contentType})
  res.end()
}

async function* watchLines(
  ctx: ResourceContext,
  ref: ResourceRef,
  options: ListOptions,
  table: boolean,
): AsyncGenerator<string> {
  const info = await ctx.backend.resolve(ref)
  for await (const event of ctx.backend.watch(ref, options)) {
    let object: unknown = event.object
    if (table && (event.type === 'ADDED' || event.type === 'MODIFIED' || event.type === 'DELETED')) {
      const built = buildTable([event.object], columnsFor(info.group, info.kind), ctx.backend.clock.now())
      object = withIncludeObject(built, 'PartialObjectMetadata')
    }
    yield `${JSON.stringify({type: event.type, object})}\n`
  }
}

async function handleGet(
  ctx: ResourceContext,
  route: ResourceRoute,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
): Promise<void> {
  const ref = refOf(route)
  const table = wantsTable(req.headers.accept)
  if (route.subresource === 'log' && route.resource === 'pods' && route.group === '' && route.name !== undefined) {
    const lines = ctx.backend.logs(route.name, route.namespace ?? 'default', logOptions(query))
    await streamTo(res, lines, 'text/plain')
    return
  }
  if (query.get('watch') === 'true' || query.get('watch') === '1') {
    const options = listOptions(query)
    if (route.name !== undefined) {
      options.fieldSelector = [`metadata.name=${route.name}`, options.fieldSelector].filter(Boolean).join(',')
    }
    await streamTo(
      res,
      watchLines(ctx, {...ref, subresource: undefined} as ResourceRef, options, table),
      'application/json',
    )
    return
  }
  if (route.name === undefined) {
    const options = listOptions(query)
    if (table) {
      const result = await ctx.backend.table(ref, options)
      writeJson(res, 200, withIncludeObject(result, parseIncludeObject(query.get('includeObject'))))
    } else {
      writeJson(res, 200, await ctx.backend.list(ref, options))
    }
    return
  }
  if (table && route.subresource === undefined) {
    const result = await ctx.backend.table(ref, {name: route.name})
    writeJson(res, 200, withIncludeObject(result, parseIncludeObject(query.get('includeObject'))))
    return
  }
  writeJson(res, 200, await ctx.backend.get(ref, route.name))
}

async function deleteCollection(
  ctx: ResourceContext,
  ref: ResourceRef,
  query: URLSearchParams,
  body: unknown,
): Promise<unknown> {
  const list = await ctx.backend.list(ref, listOptions(query))
  const options = deleteOptions(query, body)
  for (const item of list.items) {
    const itemRef: ResourceRef = {...ref}
    if (item.metadata.namespace !== undefined) itemRef.namespace = item.metadata.namespace
    await ctx.backend.delete(itemRef, item.metadata.name ?? '', options)
  }
  return list
}

/** Serves one REST request on a resource path (get, list, watch, create, update, patch, delete, log). */
export async function handleResource(
  ctx: ResourceContext,
  route: ResourceRoute,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
): Promise<void> {
  try {
    const method = req.method ?? 'GET'
    const ref = refOf(route)
    if (method === 'GET') {
      await handleGet(ctx, route, req, res, query)
      return
    }
    const raw = await readBody(req)
    if (method === 'POST' && route.name === undefined) {
      const created = await ctx.backend.create(
        inNamespace(asObject(decodeBody(raw)), route.namespace),
        writeOptions(query),
      )
      ctx.afterWrite()
      writeJson(res, 201, created)
      return
    }
    if (route.name === undefined) {
      if (method === 'DELETE') {
        const result = await deleteCollection(ctx, ref, query, raw.length > 0 ? decodeBody(raw) : undefined)
        ctx.afterWrite()
        writeJson(res, 200, result)
        return
      }
      throw methodNotAllowed(`the server does not allow this method on the requested resource`)
    }
    if (method === 'PUT') {
      const object = inNamespace(asObject(decodeBody(raw)), route.namespace)
      if (object.metadata.name !== undefined && object.metadata.name !== route.name && route.subresource !== 'scale') {
        throw badRequest('the name of the object does not match the name on the URL')
      }
      const options = {...writeOptions(query), ...(route.subresource ? {subresource: route.subresource} : {})}
      const updated =
        route.subresource === 'scale'
          ? await ctx.backend.patch(
              ref,
              route.name,
              {type: 'merge', body: {spec: (object as {spec?: unknown}).spec}},
              writeOptions(query),
            )
          : await ctx.backend.update({...object, metadata: {...object.metadata, name: route.name}}, options)
      ctx.afterWrite()
      writeJson(res, 200, updated)
      return
    }
    if (method === 'PATCH') {
      const patched = await ctx.backend.patch(
        ref,
        route.name,
        patchOf(req.headers['content-type'], raw),
        writeOptions(query),
      )
      ctx.afterWrite()
      writeJson(res, 200, patched)
      return
    }
    if (method === 'DELETE') {
      const result = await ctx.backend.delete(
        ref,
        route.name,
        deleteOptions(query, raw.length > 0 ? decodeBody(raw) : undefined),
      )
      ctx.afterWrite()
      writeJson(res, 200, result)
      return
    }
    throw methodNotAllowed(`the server does not allow this method on the requested resource`)
  } catch (error) {
    if (res.headersSent) {
      res.end()
      return
    }
    const status = statusOf(error)
    writeJson(res, status.code, status)
  }
}
