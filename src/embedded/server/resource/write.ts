import type {IncomingMessage, ServerResponse} from 'node:http'
import {parse as parseYaml} from 'yaml'
import type {Patch, WriteOptions} from '../../../backend/backend.js'
import {isJsonObject, type KubeObject} from '../../../backend/object.js'
import type {ResourceInfo} from '../../../backend/refs.js'
import {badRequest, invalid, StatusError} from '../../../backend/status.js'
import {BUILTIN_RESOURCES} from '../../../resources/builtin.js'
import {failureStatus, methodNotAllowedOnPath, writeJson} from '../status-response.js'
import {refOf, type ResourceContext, type ResourceRoute} from './context.js'
import {decodeObject, parseJson, placeForCreate, placeForUpdate, validateFields} from './decode.js'
import {deleteOptions, writeQuery, type WriteQuery} from './query.js'
import {managerFromUserAgent} from '../../field-manager/component-managers.js'

// autoscaling/v1 Scale, the body of PUT .../scale
const SCALE_INFO: ResourceInfo = {
  group: 'autoscaling',
  version: 'v1',
  kind: 'Scale',
  resource: 'scale',
  singular: '',
  shortNames: [],
  namespaced: true,
  verbs: [],
  categories: [],
}

function backendOptions(query: WriteQuery, userAgent: string | undefined): WriteOptions {
  // fieldValidation is applied to the body here, before the backend sees it
  const options: WriteOptions = {}
  if (query.dryRun) options.dryRun = true
  // a write that names no manager is recorded under its client's name, as kube-apiserver does
  const manager = query.fieldManager ?? managerFromUserAgent(userAgent ?? '')
  if (manager !== '') options.fieldManager = manager
  if (query.force !== undefined) options.force = query.force
  return options
}

async function schemaOf(ctx: ResourceContext, info: ResourceInfo) {
  return ctx.schemaFor ? ctx.schemaFor(info) : undefined
}

function finish(
  ctx: ResourceContext,
  res: ServerResponse,
  code: number,
  body: unknown,
  query: WriteQuery,
  warnings: string[],
): void {
  if (!query.dryRun) ctx.afterWrite()
  writeJson(res, code, body, warnings)
}

/** POST on a collection: create (create.go, v1.32). */
export async function serveCreate(
  ctx: ResourceContext,
  route: ResourceRoute,
  info: ResourceInfo,
  raw: Buffer,
  res: ServerResponse,
  query: URLSearchParams,
  userAgent: string | undefined,
): Promise<void> {
  const options = writeQuery(query, 'CreateOptions')
  const decoded = decodeObject(raw, {
    info,
    served: await ctx.backend.discover(),
    schema: await schemaOf(ctx, info),
    validation: options.fieldValidation,
  })
  const object = placeForCreate(decoded.value, info, route.namespace)
  const created = await ctx.backend.create(object, backendOptions(options, userAgent))
  finish(ctx, res, 201, created, options, decoded.warnings)
}

/** PUT on an object, its status or its scale: update (update.go, v1.32). */
export async function serveUpdate(
  ctx: ResourceContext,
  route: ResourceRoute,
  info: ResourceInfo,
  raw: Buffer,
  res: ServerResponse,
  query: URLSearchParams,
  userAgent: string | undefined,
): Promise<void> {
  const options = writeQuery(query, 'UpdateOptions')
  const name = route.name ?? ''
  if (route.subresource === 'scale') {
    const decoded = decodeObject(raw, {
      info: SCALE_INFO,
      served: [],
      schema: undefined,
      validation: options.fieldValidation,
    })
    const scale = placeForUpdate(decoded.value, {...SCALE_INFO, namespaced: info.namespaced}, name, route.namespace)
    const replicas = (scale['spec'] as {replicas?: unknown} | undefined)?.replicas
    // the Scale's resourceVersion travels with the patch, so a stale Scale conflicts as on a real cluster
    const body: Record<string, unknown> = {spec: {replicas: typeof replicas === 'number' ? replicas : 0}}
    if (scale.metadata.resourceVersion) body['metadata'] = {resourceVersion: scale.metadata.resourceVersion}
    const result = await ctx.backend.patch(
      refOf(route),
      name,
      {type: 'merge', body},
      backendOptions(options, userAgent),
    )
    finish(ctx, res, 200, result, options, decoded.warnings)
    return
  }
  const decoded = decodeObject(raw, {
    info,
    served: await ctx.backend.discover(),
    schema: await schemaOf(ctx, info),
    validation: options.fieldValidation,
  })
  const object = placeForUpdate(decoded.value, info, name, route.namespace)
  const writeOptions: WriteOptions & {subresource?: string} = backendOptions(options, userAgent)
  if (route.subresource !== undefined) writeOptions.subresource = route.subresource
  const updated = await ctx.backend.update(object, writeOptions)
  finish(ctx, res, 200, updated, options, decoded.warnings)
}

const PATCH_TYPES = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
} as const

function unsupportedPatch(custom: boolean): StatusError {
  const types = Object.keys(PATCH_TYPES).filter((t) => !(custom && t.includes('strategic')))
  return new StatusError(
    failureStatus(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: ${types.join(', ')}`,
    ),
  )
}

function patchOptionsInvalid(field: string, message: string): Error {
  return invalid({group: 'meta.k8s.io', kind: 'PatchOptions'}, '', [{reason: 'FieldValueInvalid', field, message}])
}

/** PATCH on an object, its status or its scale, in the four patch types (patch.go, v1.32). */
export async function servePatch(
  ctx: ResourceContext,
  route: ResourceRoute,
  info: ResourceInfo,
  req: IncomingMessage,
  raw: Buffer,
  res: ServerResponse,
  query: URLSearchParams,
): Promise<void> {
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim() ?? ''
  const custom = !BUILTIN_RESOURCES.some((r) => r.group === info.group && r.resource === info.resource)
  const type = (PATCH_TYPES as Record<string, Patch['type'] | undefined>)[contentType]
  if (type === undefined || (custom && type === 'strategic')) throw unsupportedPatch(custom)
  const options = writeQuery(query, 'PatchOptions')
  const userAgent = req.headers['user-agent']
  if (options.force !== undefined && type !== 'apply') {
    throw patchOptionsInvalid('force', 'Forbidden: may not be specified for non-apply patch')
  }
  if (type === 'apply' && !options.fieldManager) {
    throw invalid({group: 'meta.k8s.io', kind: 'PatchOptions'}, '', [
      {reason: 'FieldValueRequired', field: 'fieldManager', message: 'Required value: is required for apply patch'},
    ])
  }
  const text = raw.toString('utf8')
  const schema = route.subresource === 'scale' ? undefined : await schemaOf(ctx, info)
  let patch: Patch
  let warnings: string[] = []
  switch (type) {
    case 'json': {
      const body = parseJsonPatchBody(text)
      patch = {type, body}
      break
    }
    case 'merge':
    case 'strategic': {
      const body = parseJsonPatchBody(text, false)
      const checked = validateFields(body, text, schema, options.fieldValidation, (problems) =>
        badRequest(`strict decoding error: ${problems.join(', ')}`),
      )
      patch = {type, body: checked.value}
      warnings = checked.warnings
      break
    }
    case 'apply': {
      const body = parseApplyBody(text)
      const name = route.name ?? ''
      const where = route.namespace ? `${route.namespace}/${name}` : name
      const checked = validateFields(body, undefined, schema, options.fieldValidation, (problems) =>
        badRequest(
          `failed to create typed patch object (${where}; ${info.group === '' ? '' : `${info.group}/`}${info.version}, Kind=${info.kind}): ${problems
            .map((p) => p.replace(/^unknown field "(.*)"$/, '.$1: field not declared in schema'))
            .join(', ')}`,
        ),
      )
      patch = {type, body: checked.value}
      warnings = checked.warnings
      break
    }
  }
  const patched = await ctx.backend.patch(refOf(route), route.name ?? '', patch, backendOptions(options, userAgent))
  finish(ctx, res, 200, patched, options, warnings)
}

function parseJsonPatchBody(text: string): unknown[]
function parseJsonPatchBody(text: string, jsonPatch: false): unknown
function parseJsonPatchBody(text: string, jsonPatch = true): unknown {
  let body: unknown
  try {
    body = JSON.parse(text) as unknown
  } catch {
    throw badRequest(jsonPatch ? 'invalid JSON Patch' : 'Invalid JSON Patch')
  }
  if (jsonPatch && !Array.isArray(body)) {
    throw badRequest(
      `json: cannot unmarshal ${isJsonObject(body) ? 'object' : typeof body} into Go value of type jsonpatch.Patch`,
    )
  }
  if (!jsonPatch && !isJsonObject(body)) {
    throw badRequest('Invalid JSON Patch')
  }
  return body
}

function parseApplyBody(text: string): KubeObject {
  let body: unknown
  try {
    body = parseYaml(text, {uniqueKeys: true}) as unknown
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw badRequest(`error decoding YAML: ${detail}`)
  }
  if (!isJsonObject(body)) throw badRequest('error decoding YAML: the apply patch is not an object')
  return body as KubeObject
}

/** POST on a subresource: pods/{name}/eviction deletes the pod as its DeleteOptions say (eviction.go, v1.32). */
export async function serveSubresourceCreate(
  ctx: ResourceContext,
  route: ResourceRoute,
  raw: Buffer,
  res: ServerResponse,
): Promise<void> {
  if (!(route.group === '' && route.resource === 'pods' && route.subresource === 'eviction')) {
    throw methodNotAllowedOnPath()
  }
  const body = parseJson(raw.toString('utf8'), 'Eviction')
  const eviction = isJsonObject(body) ? body : {}
  const metadata = isJsonObject(eviction['metadata']) ? eviction['metadata'] : {}
  if (metadata['name'] !== undefined && metadata['name'] !== route.name) {
    throw badRequest('name in URL does not match name in Eviction object')
  }
  const options = deleteOptions(
    new URLSearchParams(),
    isJsonObject(eviction['deleteOptions']) ? eviction['deleteOptions'] : undefined,
  )
  await ctx.backend.delete(
    {group: '', version: 'v1', resource: 'pods', namespace: route.namespace},
    route.name ?? '',
    options,
  )
  if (!options.dryRun) ctx.afterWrite()
  writeJson(res, 201, {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201})
}
