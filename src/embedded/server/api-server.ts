import {randomBytes, timingSafeEqual} from 'node:crypto'
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http'
import {createServer as createHttpsServer} from 'node:https'
import type {AddressInfo} from 'node:net'
import type {EmbeddedBackend} from '../embedded-backend.js'
import type {KubeObject} from '../../backend/object.js'
import type {ResourceRef} from '../../backend/refs.js'
import {
  aggregatedContentType,
  aggregatedDocument,
  coreVersionsDocument,
  discoveredResources,
  groupDocument,
  groupListDocument,
  negotiateAggregatedDiscovery,
  resourceListDocument,
  versionDocument,
} from './discovery.js'
import {handleResource} from './resource-handler.js'
import {parseRoute, type Route} from './route.js'
import {failureStatus, statusOf, writeJson, writeStatus} from './status-response.js'

const CRDS: ResourceRef = {group: 'apiextensions.k8s.io', version: 'v1', resource: 'customresourcedefinitions'}

/** How the API server is set up. */
export interface ApiServerOptions {
  /** the bearer token every request must carry */
  token: string
  /** called after every successful write, so the control plane can settle */
  afterWrite?: () => void
  /** called before every authorized request, e.g. to take up another process's `cluster advance` */
  beforeRequest?: () => void
  /** the serving certificate and key (PEM); without them the server speaks plain HTTP */
  tls?: {cert: string; key: string}
}

/** A random bearer token (32 bytes, hex). */
export function generateToken(): string {
  return randomBytes(32).toString('hex')
}

function authorized(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? ''
  const match = /^Bearer\s+(.+)$/i.exec(header)
  if (!match?.[1]) return false
  const sent = Buffer.from(match[1].trim())
  const expected = Buffer.from(token)
  return sent.length === expected.length && timingSafeEqual(sent, expected)
}

function notFoundPath(res: ServerResponse, path: string): void {
  writeStatus(res, failureStatus(404, 'NotFound', `the server could not find the requested resource (${path})`))
}

// the stored CRDs, for the subresources their versions declare
async function customResourceDefinitions(backend: EmbeddedBackend): Promise<KubeObject[]> {
  return (await backend.list(CRDS)).items
}

// discovery is computed per request from the backend, so a CRD created a moment ago is listed at once
async function serveDiscovery(
  backend: EmbeddedBackend,
  route: Extract<Route, {type: 'core-versions' | 'groups' | 'group' | 'resource-list'}>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const served = await backend.discover()
  if (route.type === 'core-versions' || route.type === 'groups') {
    const aggregated = negotiateAggregatedDiscovery(req.headers.accept)
    if (aggregated) {
      const resources = discoveredResources(served, await customResourceDefinitions(backend))
      const doc = aggregatedDocument(resources, route.type === 'core-versions', aggregated)
      writeDiscovery(res, aggregatedContentType(aggregated), doc)
    } else {
      const doc = route.type === 'core-versions' ? coreVersionsDocument() : groupListDocument(served)
      writeDiscovery(res, 'application/json', doc)
    }
    return
  }
  const doc =
    route.type === 'group'
      ? groupDocument(served, route.group)
      : resourceListDocument(
          discoveredResources(served, await customResourceDefinitions(backend)),
          route.group,
          route.version,
        )
  if (doc) writeJson(res, 200, doc)
  else notFoundPath(res, new URL(req.url ?? '/', 'http://localhost').pathname)
}

// /api and /apis answer in the media type asked for (aggregated discovery's names its group, version and kind);
// Vary tells a client's HTTP cache (kubectl's ~/.kube/cache) that the answer depends on Accept
function writeDiscovery(res: ServerResponse, contentType: string, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(200, {'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text), Vary: 'Accept'})
  res.end(text)
}

async function serve(
  backend: EmbeddedBackend,
  options: ApiServerOptions,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (!authorized(req, options.token)) {
    writeStatus(res, failureStatus(401, 'Unauthorized', 'Unauthorized'))
    return
  }
  options.beforeRequest?.()
  const url = new URL(req.url ?? '/', 'http://localhost')
  const route = parseRoute(url.pathname)
  const method = req.method ?? 'GET'
  if (route.type !== 'resource' && route.type !== 'unknown' && method !== 'GET') {
    writeStatus(
      res,
      failureStatus(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource'),
    )
    return
  }
  switch (route.type) {
    case 'version':
      writeJson(res, 200, versionDocument(await backend.version()))
      return
    case 'health':
      res.writeHead(200, {'Content-Type': 'text/plain; charset=utf-8'})
      res.end('ok')
      return
    case 'openapi-v2':
    case 'openapi-v3':
    case 'openapi-v3-group': {
      // the schemas are built from @kubernetes/client-node's models: loaded on the first /openapi request only
      const {serveOpenApi} = await import('./openapi/serve-openapi.js')
      await serveOpenApi(route, req, res, await backend.version(), async () => ({
        resources: await backend.discover(),
        crds: await customResourceDefinitions(backend),
      }))
      return
    }
    case 'core-versions':
    case 'groups':
    case 'group':
    case 'resource-list':
      await serveDiscovery(backend, route, req, res)
      return
    case 'resource': {
      const {impersonatedUser, impersonationHeaders} = await import('../reviews/impersonation.js')
      const user = impersonatedUser(backend.store, backend.requester, impersonationHeaders(req.headersDistinct))
      await backend.onBehalfOf(user, () =>
        handleResource(
          {backend, afterWrite: options.afterWrite ?? (() => undefined)},
          route,
          req,
          res,
          url.searchParams,
        ),
      )
      return
    }
    case 'unknown':
      notFoundPath(res, url.pathname)
      return
  }
}

/** The Kubernetes API over an embedded cluster, as a node:http(s) server (not yet listening). */
export function createApiServer(backend: EmbeddedBackend, options: ApiServerOptions): Server {
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    serve(backend, options, req, res).catch((error: unknown) => {
      if (res.headersSent) res.end()
      else writeStatus(res, statusOf(error))
    })
  }
  // https.Server extends tls.Server, not http.Server, but offers the same listen/close/closeAllConnections
  return (
    options.tls ? createHttpsServer({cert: options.tls.cert, key: options.tls.key}, handler) : createServer(handler)
  ) as Server
}

/** Starts listening on `address` (127.0.0.1 unless asked; port 0 picks a free one) and resolves to the bound port. */
export function listenOnLoopback(server: Server, port: number, address = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, address, () => {
      server.off('error', reject)
      resolve((server.address() as AddressInfo).port)
    })
  })
}
