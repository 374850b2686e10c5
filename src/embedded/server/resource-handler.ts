import type {IncomingMessage, ServerResponse} from 'node:http'
import type {ResourceInfo, ResourceRef} from '../../backend/refs.js'
import {BUILTIN_RESOURCES} from '../../resources/builtin.js'
import {hasReason, StatusError} from '../../backend/status.js'
import type {EmbeddedBackend} from '../embedded-backend.js'
import {readBody} from './request-body.js'
import type {ResourceContext, ResourceRoute} from './resource/context.js'
import {serveDelete, serveDeleteCollection} from './resource/delete.js'
import {serveLog} from './resource/log.js'
import {wantsWatch, watchQuery} from './resource/query.js'
import {serveGet, serveList} from './resource/read.js'
import {schemaSource} from './resource/schemas.js'
import {serveWatch} from './resource/watch.js'
import {serveCreate, servePatch, serveSubresourceCreate, serveUpdate} from './resource/write.js'
import {checkResourcePath} from './resource/path-checks.js'
import {failureStatus, methodNotAllowedOnPath, pathNotFound, statusOf, writeStatus} from './status-response.js'
import {acceptedForm} from './table-response.js'

export type {ResourceContext} from './resource/context.js'

// kinds that have no status subresource (api/discovery/*.json, v1.32)
const WITHOUT_STATUS = new Set([
  '/configmaps',
  '/secrets',
  '/serviceaccounts',
  '/events',
  '/endpoints',
  '/limitranges',
  '/podtemplates',
  'events.k8s.io/events',
  'discovery.k8s.io/endpointslices',
  'apps/controllerrevisions',
  'coordination.k8s.io/leases',
  'scheduling.k8s.io/priorityclasses',
  'storage.k8s.io/storageclasses',
  'rbac.authorization.k8s.io/roles',
  'rbac.authorization.k8s.io/rolebindings',
  'rbac.authorization.k8s.io/clusterroles',
  'rbac.authorization.k8s.io/clusterrolebindings',
])
const SCALABLE = new Set(['apps/deployments', 'apps/replicasets', 'apps/statefulsets', '/replicationcontrollers'])

async function resolve(ctx: ResourceContext, route: ResourceRoute): Promise<ResourceInfo> {
  const ref: ResourceRef = {group: route.group, version: route.version, resource: route.resource}
  try {
    return await ctx.backend.resolve(ref)
  } catch (error) {
    // an unserved resource is a path the server does not know, not a missing object
    if (hasReason(error, 'NotFound')) throw pathNotFound()
    throw error
  }
}

// which subresources exist; custom resources' status and scale are left to the backend (their CRD says)
function checkSubresource(info: ResourceInfo, route: ResourceRoute, custom: boolean): void {
  const sub = route.subresource
  if (sub === undefined) return
  const key = `${info.group}/${info.resource}`
  const known =
    (sub === 'status' && !WITHOUT_STATUS.has(key)) ||
    (sub === 'scale' && (SCALABLE.has(key) || custom)) ||
    (key === '/pods' && (sub === 'log' || sub === 'eviction')) ||
    (key === 'certificates.k8s.io/certificatesigningrequests' && sub === 'approval')
  if (!known) throw pathNotFound()
}

// one schema source per backend, built on first use (the built-in definitions take a moment to derive)
const schemaSources = new WeakMap<EmbeddedBackend, NonNullable<ResourceContext['schemaFor']>>()

function withSchemas(ctx: ResourceContext): ResourceContext {
  if (ctx.schemaFor) return ctx
  let source = schemaSources.get(ctx.backend)
  if (!source) {
    source = schemaSource(ctx.backend.store)
    schemaSources.set(ctx.backend, source)
  }
  return {...ctx, schemaFor: source}
}

/** Serves one REST request on a resource path, as kube-apiserver's handlers do (v1.32). */
export async function handleResource(
  context: ResourceContext,
  requested: ResourceRoute,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
): Promise<void> {
  const ctx = withSchemas(context)
  try {
    const method = req.method ?? 'GET'
    const info = await resolve(ctx, requested)
    const custom = !BUILTIN_RESOURCES.some((r) => r.group === info.group && r.resource === info.resource)
    checkSubresource(info, requested, custom)
    const watch = requested.watch === true || (method === 'GET' && wantsWatch(query))
    const route = checkResourcePath(info, requested, {method, watch})
    const form = acceptedForm(req.headers.accept)
    if (method === 'GET') {
      if (route.subresource === 'log') return await serveLog(ctx, route, req, res, query)
      if (route.subresource === 'eviction') throw methodNotAllowedOnPath()
      const watch = watchQuery(query, route.watch === true)
      if (watch.watch) {
        if (route.subresource !== undefined) throw pathNotFound()
        return await serveWatch(ctx, route, info, req, res, query, watch, form)
      }
      if (route.name === undefined) return await serveList(ctx, route, res, query, form)
      return await serveGet(ctx, route, res, query, form)
    }
    if (route.watch) throw methodNotAllowedOnPath()
    const raw = await readBody(req, ctx.deadline ? {signal: ctx.deadline} : {})
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim() ?? ''
    if ((method === 'POST' || method === 'PUT') && contentType !== '' && contentType !== 'application/json') {
      // protobuf (kubectl's typed clients, e.g. `create deployment`) and CBOR are not decoded here
      throw new StatusError(
        failureStatus(
          415,
          'UnsupportedMediaType',
          `the body of the request was in an unknown format - accepted media types include: application/json`,
        ),
      )
    }
    switch (method) {
      case 'POST':
        if (route.name === undefined)
          return await serveCreate(ctx, route, info, raw, res, query, req.headers['user-agent'])
        if (route.subresource !== undefined) return await serveSubresourceCreate(ctx, route, raw, res)
        break
      case 'PUT':
        if (route.name !== undefined)
          return await serveUpdate(ctx, route, info, raw, res, query, req.headers['user-agent'])
        break
      case 'PATCH':
        if (route.name !== undefined) return await servePatch(ctx, route, info, req, raw, res, query)
        break
      case 'DELETE':
        if (route.subresource !== undefined) break
        if (route.name !== undefined) return await serveDelete(ctx, route, info, raw, res, query)
        return await serveDeleteCollection(ctx, route, raw, res, query)
    }
    throw methodNotAllowedOnPath()
  } catch (error) {
    if (res.headersSent) {
      if (!res.writableEnded) res.end()
      return
    }
    writeStatus(res, statusOf(error))
  }
}
