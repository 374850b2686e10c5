import {randomBytes, timingSafeEqual} from 'node:crypto'
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'
import type {EmbeddedBackend} from '../embedded-backend.js'
import {
  coreVersionsDocument,
  groupDocument,
  groupListDocument,
  resourceListDocument,
  versionDocument,
} from './discovery.js'
import {handleResource} from './resource-handler.js'
import {parseRoute} from './route.js'
import {failureStatus, statusOf, writeJson, writeStatus} from './status-response.js'

/** How the API server is set up. */
export interface ApiServerOptions {
  /** the bearer token every request must carry */
  token: string
  /** called after every successful write, so the control plane can settle */
  afterWrite?: () => void
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
    case 'core-versions':
      // aggregated discovery (apidiscovery.k8s.io/v2) is not served: a plain application/json answer makes
      // kubectl fall back to the legacy documents
      writeJson(res, 200, coreVersionsDocument())
      return
    case 'groups':
      writeJson(res, 200, groupListDocument(await backend.discover()))
      return
    case 'group': {
      const doc = groupDocument(await backend.discover(), route.group)
      if (doc) writeJson(res, 200, doc)
      else notFoundPath(res, url.pathname)
      return
    }
    case 'resource-list': {
      const doc = resourceListDocument(await backend.discover(), route.group, route.version)
      if (doc) writeJson(res, 200, doc)
      else notFoundPath(res, url.pathname)
      return
    }
    case 'resource':
      await handleResource(
        {backend, afterWrite: options.afterWrite ?? (() => undefined)},
        route,
        req,
        res,
        url.searchParams,
      )
      return
    case 'unknown':
      notFoundPath(res, url.pathname)
      return
  }
}

/** The Kubernetes API over an embedded cluster, as a node:http server (not yet listening). */
export function createApiServer(backend: EmbeddedBackend, options: ApiServerOptions): Server {
  return createServer((req, res) => {
    serve(backend, options, req, res).catch((error: unknown) => {
      if (res.headersSent) res.end()
      else writeStatus(res, statusOf(error))
    })
  })
}

/** Starts listening on 127.0.0.1 (port 0 picks a free one) and resolves to the bound port. */
export function listenOnLoopback(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve((server.address() as AddressInfo).port)
    })
  })
}
