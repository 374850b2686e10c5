import {createHash} from 'node:crypto'
import type {ResourceInfo} from '../../../backend/refs.js'
import {closure, REF, type Definitions, type Schema} from './definitions.js'

/** Which OpenAPI dialect a document is written in: where references point, and how they carry siblings. */
type Dialect = 'v2' | 'v3'

function render(value: unknown, dialect: Dialect): unknown {
  if (Array.isArray(value)) return value.map((item) => render(item, dialect))
  if (typeof value !== 'object' || value === null) return value
  const entries = Object.entries(value as Schema)
  const ref = (value as Schema)[REF]
  const rest = Object.fromEntries(entries.filter(([key]) => key !== REF).map(([k, v]) => [k, render(v, dialect)]))
  if (typeof ref !== 'string') return rest
  if (dialect === 'v2') return {$ref: `#/definitions/${ref}`, ...rest}
  // OpenAPI 3.0 ignores a $ref's siblings: kube-apiserver wraps the reference in allOf to keep the description
  const $ref = `#/components/schemas/${ref}`
  return Object.keys(rest).length === 0 ? {$ref} : {allOf: [{$ref}], ...rest}
}

function renderAll(definitions: Definitions, names: Iterable<string>, dialect: Dialect): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const name of [...names].sort()) {
    const schema = definitions.schemas.get(name)
    if (schema) out[name] = render(schema, dialect)
  }
  return out
}

/** `/openapi/v2`: one Swagger 2.0 document with every definition. */
export function openApiV2Document(definitions: Definitions, serverVersion: string): object {
  return {
    swagger: '2.0',
    info: {title: 'Kubernetes', version: serverVersion},
    paths: {},
    definitions: renderAll(definitions, definitions.schemas.keys(), 'v2'),
  }
}

/** The path of a group-version under /openapi/v3/: `api/v1`, `apis/apps/v1`. */
export function groupVersionPath(root: {group: string; version: string}): string {
  return root.group === '' ? `api/${root.version}` : `apis/${root.group}/${root.version}`
}

function rootName(definitions: Definitions, root: ResourceInfo): string | undefined {
  return definitions.roots.get(`${root.group === '' ? root.version : `${root.group}/${root.version}`}/${root.kind}`)
}

// the query parameters of kube-apiserver's write operations, which kubectl checks before sending them (it
// validates client-side, against /openapi/v2, when a PATCH operation lacks fieldValidation)
const WRITE_PARAMETERS = ['dryRun', 'fieldManager', 'fieldValidation', 'pretty'].map((name) => ({
  name,
  in: 'query',
  schema: {type: 'string', uniqueItems: true},
}))
const PATCH_PARAMETERS = [
  ...WRITE_PARAMETERS,
  {name: 'force', in: 'query', schema: {type: 'boolean', uniqueItems: true}},
]

type Action = 'get' | 'list' | 'post' | 'put' | 'patch' | 'delete'

/**
 * The REST operations of a resource, each tagged with its kind: kubectl explain finds a resource's kind through
 * them, and kubectl apply looks for fieldValidation among the PATCH operation's parameters.
 */
function resourcePaths(root: ResourceInfo, definition: string): Record<string, object> {
  const prefix = `/${groupVersionPath(root)}${root.namespaced ? '/namespaces/{namespace}' : ''}/${root.resource}`
  const gvk = {group: root.group, version: root.version, kind: root.kind}
  const scope = root.namespaced ? 'Namespaced' : ''
  const object = {$ref: `#/components/schemas/${definition}`}
  const operation = (action: Action, verb: string, parameters: readonly object[]): object => ({
    operationId: `${verb}${scope}${root.kind}`,
    ...(parameters.length > 0 ? {parameters} : {}),
    responses: {'200': {description: 'OK', content: {'application/json': {schema: object}}}},
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': gvk,
  })
  return {
    [prefix]: {get: operation('list', 'list', []), post: operation('post', 'create', WRITE_PARAMETERS)},
    [`${prefix}/{name}`]: {
      get: operation('get', 'read', []),
      put: operation('put', 'replace', WRITE_PARAMETERS),
      patch: operation('patch', 'patch', PATCH_PARAMETERS),
      delete: operation('delete', 'delete', [{name: 'dryRun', in: 'query', schema: {type: 'string'}}]),
    },
  }
}

/** A custom resource's schema, from its CRD version: named as kube-apiserver names it, refs in REF form. */
export interface CustomKind {
  root: ResourceInfo
  name: string
  schema: Schema
}

/**
 * `/openapi/v3/<group-version path>`: an OpenAPI 3.0 document with the group-version's kinds (built-in roots, or
 * custom kinds with schemas of their own) and every definition they use.
 */
export function openApiV3GroupDocument(
  definitions: Definitions,
  roots: readonly ResourceInfo[],
  serverVersion: string,
  custom: readonly CustomKind[] = [],
): object {
  const start: string[] = []
  let paths: Record<string, object> = {}
  for (const root of roots) {
    const name = rootName(definitions, root)
    if (name === undefined) continue
    start.push(name)
    paths = {...paths, ...resourcePaths(root, name)}
  }
  const own: Record<string, unknown> = {}
  for (const kind of custom) {
    paths = {...paths, ...resourcePaths(kind.root, kind.name)}
    own[kind.name] = render(kind.schema, 'v3')
    const metadata = (kind.schema['properties'] as Record<string, Schema> | undefined)?.['metadata']?.[REF]
    if (typeof metadata === 'string') start.push(metadata)
  }
  return {
    openapi: '3.0.0',
    info: {title: 'Kubernetes', version: serverVersion},
    paths,
    components: {schemas: {...renderAll(definitions, closure(definitions, start), 'v3'), ...own}},
  }
}

/** The hash a client caches a group-version document under (the `hash` query of its serverRelativeURL). */
export function documentHash(text: string): string {
  return createHash('sha512').update(text).digest('hex').toUpperCase()
}

/** `/openapi/v3`: where each group-version's document is, with a hash that changes when the document does. */
export function openApiV3Index(hashes: ReadonlyMap<string, string>): object {
  const paths: Record<string, {serverRelativeURL: string}> = {}
  for (const [path, hash] of hashes) paths[path] = {serverRelativeURL: `/openapi/v3/${path}?hash=${hash}`}
  return {paths}
}
