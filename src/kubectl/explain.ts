import type {Backend} from '../backend/backend.js'
import {isJsonObject, type JsonObject} from '../backend/object.js'
import type {ResourceInfo} from '../backend/refs.js'
import {parseJsonPath} from '../output/jsonpath/parser.js'
import {readModels} from '../output/explain/openapi-v2-models.js'
import {
  groupVersionResourceString,
  renderPlaintext,
  type ExplainRender,
  type ExplainedResource,
} from '../output/explain/plaintext.js'
import {renderPlaintextOpenApiV2} from '../output/explain/plaintext-openapiv2.js'
import {ResourceTypeError, type ResourceRegistry} from '../resources/registry.js'
import {compareVersionPriority} from '../resources/version-priority.js'

/** `explain` as kubectl's ExplainOptions (kubectl/pkg/cmd/explain/explain.go, v1.32). */
export interface ExplainOptions {
  /** TYPE[.FIELD...]: `pods`, `deployments.apps.spec.template` */
  target: string
  /** --api-version, '' when not given */
  apiVersion: string
  recursive: boolean
  /** --output: plaintext, plaintext-openapiv2 (anything else is kubectl's `unrecognized format`) */
  output: string
}

const PLAINTEXT = 'plaintext'
const PLAINTEXT_OPENAPIV2 = 'plaintext-openapiv2'

/** The nodes of `{.TARGET}` as kubectl's explain parses its argument (jsonPathParse, trailing dot dropped). */
function fieldNodes(target: string): {type: string; name?: string}[] {
  const list = parseJsonPath(`{.${target.replace(/\.$/, '')}}`).root.nodes
  const [action] = list
  if (list.length !== 1 || action?.type !== 'list') throw new Error('must pass in 1 jsonpath string')
  return action.nodes
}

function fieldNames(nodes: readonly {type: string; name?: string}[]): string[] {
  return nodes.map((node) => {
    if (node.type !== 'field') throw new Error('invalid jsonpath syntax, first node must be field node')
    return node.name ?? ''
  })
}

/** The resource name the argument starts with, for building the RESTMapper before explaining. */
export function explainedResourceName(target: string): string {
  const [first] = fieldNodes(target)
  if (first?.type !== 'field') throw new Error('invalid jsonpath syntax, first node must be field node')
  return first.name ?? ''
}

/**
 * RESTMapper.ResourcesFor for a bare resource name: a short name expands to its resource; otherwise every
 * group and version whose plural or singular matches, the groups in discovery order, preferred versions first.
 */
function resourcesFor(registry: ResourceRegistry, name: string, warnings: string[]): ResourceInfo[] {
  const lower = name.toLowerCase()
  const all = registry.resources
  const short = all.find((r) => r.shortNames.includes(lower))
  // the shortcut expander warns of every other resource the short name would also name (shortcut.go, v1.32)
  const shadowed = new Set(
    all
      .filter((r) => r.shortNames.includes(lower) && (r.group !== short?.group || r.resource !== short.resource))
      .map((r) => (r.group === '' ? r.resource : `${r.resource}.${r.group}`)),
  )
  for (const other of shadowed) warnings.push(`short name "${lower}" could also match lower priority resource ${other}`)
  const matching = short
    ? all.filter((r) => r.group === short.group && r.resource === short.resource)
    : all.filter((r) => r.resource === lower || r.singular === lower || r.kind.toLowerCase() === lower)
  if (matching.length === 0) throw new ResourceTypeError(name)
  const groups = [...new Set(all.map((r) => r.group))]
  return [...matching].sort(
    (a, b) => groups.indexOf(a.group) - groups.indexOf(b.group) || compareVersionPriority(a.version, b.version),
  )
}

/** What the argument names: the resource, and the field path after it. */
interface ExplainRequest {
  resource: ResourceInfo
  fieldPath: string[]
}

// SplitAndParseResourceRequestWithMatchingPrefix: `deployments.apps.spec` is the apps resource's spec
function requestWithMatchingPrefix(target: string, registry: ResourceRegistry, warnings: string[]): ExplainRequest {
  const trimmed = target.replace(/\.$/, '')
  const candidates = resourcesFor(registry, explainedResourceName(target), warnings)
  for (const resource of candidates) {
    const groupResource = resource.group === '' ? resource.resource : `${resource.resource}.${resource.group}`
    if (!trimmed.startsWith(groupResource)) continue
    const suffix = trimmed.slice(groupResource.length)
    // the suffix `.spec` parses as a recursive descent followed by the fields: kubectl drops the first node
    return {resource, fieldPath: suffix === '' ? [] : fieldNames(fieldNodes(suffix).slice(1))}
  }
  const [resource] = candidates
  if (!resource) throw new ResourceTypeError(target)
  return {resource, fieldPath: fieldNames(fieldNodes(trimmed).slice(1))}
}

// SplitAndParseResourceRequest, used with --api-version: the first field is the resource, the rest the path
function request(target: string, registry: ResourceRegistry, warnings: string[]): ExplainRequest {
  const nodes = fieldNodes(target)
  const names = fieldNames(nodes.slice(0, 1))
  const [resource] = resourcesFor(registry, names[0] ?? '', warnings)
  if (!resource) throw new ResourceTypeError(target)
  return {resource, fieldPath: fieldNames(nodes.slice(1))}
}

/** schema.ParseGroupVersion. */
function parseGroupVersion(text: string): {group: string; version: string} {
  if (text === '' || text === '/') return {group: '', version: ''}
  const parts = text.split('/')
  if (parts.length === 1) return {group: '', version: text}
  if (parts.length === 2) return {group: parts[0] ?? '', version: parts[1] ?? ''}
  throw new Error(`unexpected GroupVersion string: ${text}`)
}

async function openApi(backend: Backend, path: string): Promise<JsonObject> {
  if (!backend.openApi) throw new Error(`the server does not serve ${path}`)
  const document = await backend.openApi(path)
  return isJsonObject(document) ? document : {}
}

// the v3 renderer: the group-version's document, found through the /openapi/v3 index
async function explainV3(
  backend: Backend,
  resource: ExplainedResource,
  fieldPath: readonly string[],
  options: ExplainOptions,
  paths: JsonObject,
): Promise<ExplainRender> {
  const path = resource.group === '' ? `api/${resource.version}` : `apis/${resource.group}/${resource.version}`
  const entry = paths[path]
  if (!isJsonObject(entry)) throw new Error(`couldn't find resource for "${groupVersionResourceString(resource)}"`)
  const url = typeof entry['serverRelativeURL'] === 'string' ? entry['serverRelativeURL'] : `/openapi/v3/${path}`
  let document: JsonObject
  try {
    document = await openApi(backend, url)
  } catch (error) {
    throw new Error(`failed to fetch openapi schema for ${path}: ${(error as Error).message}`)
  }
  if (options.output !== PLAINTEXT) throw new Error(`unrecognized format: ${options.output}`)
  return renderPlaintext(document, resource, fieldPath, {recursive: options.recursive})
}

// the v2 renderer, for --output=plaintext-openapiv2 or a server without OpenAPI v3
async function explainV2(backend: Backend, request: ExplainRequest, options: ExplainOptions): Promise<ExplainRender> {
  const gvk = {group: request.resource.group, version: request.resource.version, kind: request.resource.kind}
  if (options.apiVersion !== '') Object.assign(gvk, parseGroupVersion(options.apiVersion))
  const root = readModels(await openApi(backend, '/openapi/v2')).lookupKind(gvk)
  if (!root) throw new Error(`couldn't find resource for "${gvk.group}/${gvk.version}, Kind=${gvk.kind}"`)
  return renderPlaintextOpenApiV2(root, gvk, request.fieldPath, {recursive: options.recursive})
}

/**
 * `explain`: the documentation of a resource or one of its fields, from the server's OpenAPI documents. Warnings
 * for stderr (a short name that names several resources) are added to `warnings`.
 */
export async function explain(
  backend: Backend,
  registry: ResourceRegistry,
  options: ExplainOptions,
  warnings: string[] = [],
): Promise<ExplainRender> {
  const found =
    options.apiVersion === ''
      ? requestWithMatchingPrefix(options.target, registry, warnings)
      : request(options.target, registry, warnings)
  if (options.output === PLAINTEXT_OPENAPIV2) return explainV2(backend, found, options)
  let paths: JsonObject | undefined
  try {
    const index = await openApi(backend, '/openapi/v3')
    paths = isJsonObject(index['paths']) ? index['paths'] : {}
  } catch (error) {
    // kubectl falls back to the v2 renderer when the server answers no v3 index
    if (options.output === PLAINTEXT) return explainV2(backend, found, options)
    throw new Error(`failed to fetch list of groupVersions: ${(error as Error).message}`)
  }
  const resource: ExplainedResource = {
    group: found.resource.group,
    version: found.resource.version,
    resource: found.resource.resource,
  }
  if (options.apiVersion !== '') Object.assign(resource, parseGroupVersion(options.apiVersion))
  return explainV3(backend, resource, found.fieldPath, options, paths)
}
