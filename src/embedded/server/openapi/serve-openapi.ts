import type {IncomingMessage, ServerResponse} from 'node:http'
import type {ServerVersion} from '../../../backend/backend.js'
import type {KubeObject} from '../../../backend/object.js'
import type {ResourceInfo} from '../../../backend/refs.js'
import {BUILTIN_RESOURCES} from '../../../resources/builtin.js'
import {patchSchemaFor} from '../../../resources/patch/builtin-schema.js'
import type {Route} from '../route.js'
import {failureStatus, pathNotFound, writeStatus} from '../status-response.js'
import {buildDefinitions, type Definitions, type Schema} from './definitions.js'
import {customKinds} from './custom-kinds.js'
import {
  type CustomKind,
  documentHash,
  groupVersionPath,
  openApiV2Document,
  openApiV3GroupDocument,
  openApiV3Index,
} from './documents.js'
import {OPENAPI_V2_PROTOBUF, OPENAPI_V2_PROTOBUF_CONTENT_TYPE, openApiV2Protobuf} from './protobuf-v2.js'
import {clientNodeModels} from './client-node-models.js'

type OpenApiRoute = Extract<Route, {type: 'openapi-v2' | 'openapi-v3' | 'openapi-v3-group'}>

/** The documents of one server version, rendered once: the schemas of the built-in kinds do not change. */
interface OpenApiDocuments {
  definitions: Definitions
  /** apiVersion and kind as a built-in kind describes them, for custom kinds' schemas */
  standard: {apiVersion?: Schema; kind?: Schema}
  v2: string
  v3Hashes: Map<string, string>
  v3Groups: Map<string, string>
}

// the v3 documents of the custom kinds, by group-version path
function customDocuments(
  definitions: Definitions,
  kinds: readonly CustomKind[],
  version: ServerVersion,
): Map<string, string> {
  const byPath = new Map<string, CustomKind[]>()
  for (const kind of kinds) {
    const path = groupVersionPath(kind.root)
    byPath.set(path, [...(byPath.get(path) ?? []), kind])
  }
  const documents = new Map<string, string>()
  for (const [path, group] of byPath)
    documents.set(path, JSON.stringify(openApiV3GroupDocument(definitions, [], version.gitVersion, group)))
  return documents
}

async function renderDocuments(version: ServerVersion): Promise<OpenApiDocuments> {
  const definitions: Definitions = buildDefinitions(await clientNodeModels(), BUILTIN_RESOURCES, patchSchemaFor)
  const v3Groups = new Map<string, string>()
  const byPath = new Map<string, typeof BUILTIN_RESOURCES>()
  for (const info of BUILTIN_RESOURCES) {
    const path = groupVersionPath(info)
    byPath.set(path, [...(byPath.get(path) ?? []), info])
  }
  const hashes = new Map<string, string>()
  for (const [path, roots] of byPath) {
    const text = JSON.stringify(openApiV3GroupDocument(definitions, roots, version.gitVersion))
    v3Groups.set(path, text)
    hashes.set(path, documentHash(text))
  }
  const pod = definitions.schemas.get(definitions.roots.get('v1/Pod') ?? '')?.['properties'] as
    Record<string, Schema> | undefined
  return {
    definitions,
    standard: {
      ...(pod?.['apiVersion'] ? {apiVersion: pod['apiVersion']} : {}),
      ...(pod?.['kind'] ? {kind: pod['kind']} : {}),
    },
    v2: JSON.stringify(openApiV2Document(definitions, version.gitVersion)),
    v3Hashes: hashes,
    v3Groups,
  }
}

let documents: Promise<OpenApiDocuments> | undefined

// The first media type of the Accept header skiff can write: JSON, or for /openapi/v2 also gnostic's protobuf.
function negotiate(accept: string | undefined, protobuf: boolean): 'json' | 'protobuf' | undefined {
  if (accept === undefined || accept.trim() === '') return 'json'
  for (const range of accept.split(',')) {
    const type = range.split(';')[0]?.trim()
    if (type === 'application/json' || type === '*/*' || type === 'application/*') return 'json'
    if (protobuf && type === OPENAPI_V2_PROTOBUF) return 'protobuf'
  }
  return undefined
}

/**
 * The JSON text of /openapi/v2, /openapi/v3 or /openapi/v3/<group-version>, or undefined when no group serves
 * the path. Shared by serve and by the embedded backend's own OpenAPI reads (kubectl explain's documents).
 */
export async function openApiDocumentText(
  route: OpenApiRoute,
  version: ServerVersion,
  custom: () => Promise<{resources: ResourceInfo[]; crds: KubeObject[]}>,
): Promise<string | undefined> {
  documents ??= renderDocuments(version)
  const docs = await documents
  if (route.type === 'openapi-v2') return docs.v2
  // custom resources come and go with their CRDs: their documents are made per request
  const {resources, crds} = await custom()
  const customGroups = customDocuments(docs.definitions, customKinds(resources, crds, docs.standard), version)
  if (route.type === 'openapi-v3-group') return docs.v3Groups.get(route.path) ?? customGroups.get(route.path)
  const hashes = new Map(docs.v3Hashes)
  for (const [path, doc] of customGroups) if (!hashes.has(path)) hashes.set(path, documentHash(doc))
  return JSON.stringify(openApiV3Index(hashes))
}

/** Answers /openapi/v2, /openapi/v3 and /openapi/v3/<group-version> for the built-in kinds. */
export async function serveOpenApi(
  route: OpenApiRoute,
  req: IncomingMessage,
  res: ServerResponse,
  version: ServerVersion,
  custom: () => Promise<{resources: ResourceInfo[]; crds: KubeObject[]}>,
): Promise<void> {
  const format = negotiate(req.headers.accept, route.type === 'openapi-v2')
  if (format === 'protobuf') {
    const body = openApiV2Protobuf(BUILTIN_RESOURCES, version.gitVersion)
    res.writeHead(200, {'Content-Type': OPENAPI_V2_PROTOBUF_CONTENT_TYPE, 'Content-Length': body.length})
    res.end(body)
    return
  }
  if (format === undefined) {
    writeStatus(
      res,
      failureStatus(406, 'NotAcceptable', 'only the following media types are accepted: application/json'),
    )
    return
  }
  const text = await openApiDocumentText(route, version, custom)
  if (text === undefined) {
    writeStatus(res, pathNotFound().status)
    return
  }
  const headers: Record<string, string | number> = {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  }
  // a document asked for by its hash never changes under that hash
  if (route.type === 'openapi-v3-group' && new URL(req.url ?? '/', 'http://localhost').searchParams.has('hash'))
    headers['Cache-Control'] = 'public, immutable'
  res.writeHead(200, headers)
  res.end(text)
}
