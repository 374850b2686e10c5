import {randomBytes, timingSafeEqual} from 'node:crypto'
import {createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse} from 'node:http'
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
import {DEFAULT_REQUEST_TIMEOUT_MS, startRequestDeadline} from './request-deadline.js'
import {splitRequestTarget} from './request-path.js'
import {
  failureStatus,
  methodNotAllowedOnPath,
  pathNotFound,
  statusOf,
  writeJson,
  writeStatus,
} from './status-response.js'

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
  /** how long a request that is not long-running may take (kube-apiserver --request-timeout); 60 s if unset */
  requestTimeoutMs?: number
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
  if (!doc) throw pathNotFound()
  writeJson(res, 200, doc)
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
  // as kube-apiserver's filter chain: a malformed path never reaches a handler (Go's net/http refuses it),
  // the deadline comes before authentication (request_deadline.go wraps WithAuthentication, v1.32)
  const {path, query} = splitRequestTarget(req.url ?? '/')
  const route = parseRoute(path)
  const deadline = startRequestDeadline(req, res, {
    route,
    query,
    serverTimeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
  })
  if (!authorized(req, options.token)) {
    writeStatus(res, failureStatus(401, 'Unauthorized', 'Unauthorized'))
    return
  }
  options.beforeRequest?.()
  const method = req.method ?? 'GET'
  if (route.type !== 'resource' && route.type !== 'unknown' && method !== 'GET') throw methodNotAllowedOnPath()
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
          {backend, afterWrite: options.afterWrite ?? (() => undefined), ...(deadline ? {deadline} : {})},
          route,
          req,
          res,
          query,
        ),
      )
      return
    }
    case 'unknown':
      throw pathNotFound()
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
  const limits = connectionLimits(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS)
  // https.Server extends tls.Server, not http.Server, but offers the same listen/close/closeAllConnections
  return (
    options.tls
      ? createHttpsServer({cert: options.tls.cert, key: options.tls.key, ...limits}, handler)
      : createServer(limits, handler)
  ) as Server
}

// kube-apiserver's http.Server: MaxHeaderBytes 1 MiB, which the request line counts towards (so a long
// label selector in the query is served, where Node's 16 KiB default would refuse it), and
// ReadHeaderTimeout 32 s (apiserver server/secure_serving.go, v1.32). Node's own cap on a whole request
// stays a backstop behind the request deadline.
const MAX_HEADER_BYTES = 1 << 20
const READ_HEADER_TIMEOUT_MS = 32_000
const NODE_REQUEST_TIMEOUT_MS = 300_000

function connectionLimits(requestTimeoutMs: number): ServerOptions {
  return {
    maxHeaderSize: MAX_HEADER_BYTES,
    headersTimeout: READ_HEADER_TIMEOUT_MS,
    requestTimeout: Math.max(NODE_REQUEST_TIMEOUT_MS, requestTimeoutMs + READ_HEADER_TIMEOUT_MS),
  }
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
