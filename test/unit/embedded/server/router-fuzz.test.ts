import {Agent, type Server} from 'node:http'
import fc from 'fast-check'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import type {ResourceRef} from '../../../../src/backend/refs.js'
import type {EmbeddedBackend} from '../../../../src/embedded/embedded-backend.js'
import {createApiServer, listenOnLoopback} from '../../../../src/embedded/server/api-server.js'
import {openTempCluster, type TempCluster} from '../temp-cluster.js'
import {rawRequest} from './raw-http.js'

// Property: whatever path, dot segments and percent-encodings (well-formed or not) a request carries,
// `skiff serve` answers without a 500 and changes no object but the one the path names, read as its
// client meant it: each segment percent-decoded on its own, nothing resolved. The server runs without
// the control plane settling, so a write changes exactly what the request wrote.

const TOKEN = 'fuzz-token'
let cluster: TempCluster
let backend: EmbeddedBackend
let server: Server
let port: number
const agent = new Agent({keepAlive: true, maxSockets: 1})

const NAMESPACES = ['alpha', 'beta', 'configmaps'] as const
const WATCHED: ResourceRef[] = [
  {group: '', version: 'v1', resource: 'namespaces'},
  {group: '', version: 'v1', resource: 'configmaps'},
  {group: '', version: 'v1', resource: 'secrets'},
]

beforeAll(async () => {
  cluster = await openTempCluster()
  backend = cluster.backend
  server = createApiServer(backend, {token: TOKEN})
  port = await listenOnLoopback(server, 0)
  for (const namespace of NAMESPACES) {
    await backend.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: namespace}})
    for (const name of ['one', 'two']) {
      await backend.create({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name, namespace}, data: {a: '1'}})
      await backend.create({apiVersion: 'v1', kind: 'Secret', metadata: {name, namespace}, data: {a: 'MQ=='}})
    }
  }
})

afterAll(async () => {
  agent.destroy()
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await cluster.dispose()
})

interface Key {
  resource: string
  namespace: string
  name: string
}

// every object of the watched resources, keyed resource/namespace/name, with what marks a change
async function snapshot(): Promise<Map<string, {key: Key; version: string}>> {
  const out = new Map<string, {key: Key; version: string}>()
  for (const ref of WATCHED) {
    for (const item of (await backend.list(ref)).items) {
      const key = {resource: ref.resource, namespace: item.metadata.namespace ?? '', name: item.metadata.name ?? ''}
      const version = `${item.metadata.resourceVersion ?? ''}|${item.metadata.deletionTimestamp ?? ''}`
      out.set(`${key.resource}/${key.namespace}/${key.name}`, {key, version})
    }
  }
  return out
}

/** Which stored objects a request may change, from the path as its client meant it. */
type Allowed = (key: Key) => boolean

const NOTHING: Allowed = () => false

// the oracle's own reading of a target, independent of the server's: split at '?', trim slashes, split on
// '/', decodeURIComponent each segment (which throws on a malformed escape and on bytes that are not UTF-8)
function allowedChanges(target: string, method: string): Allowed {
  if (method === 'GET') return NOTHING
  const path = target.split('?')[0] ?? ''
  let segments: string[]
  try {
    segments = path
      .replace(/^\/+|\/+$/g, '')
      .split('/')
      .map((segment) => decodeURIComponent(segment))
  } catch {
    return NOTHING
  }
  const [api, version, ...rest] = segments
  if (api !== 'api' || version !== 'v1' || rest[0] !== 'namespaces') return NOTHING
  const [, first, second, third, fourth, ...extra] = rest
  if (extra.length > 0 || first === undefined || first === '') return NOTHING
  const namespaced = second === 'configmaps' || second === 'secrets'
  if (second === undefined || ((second === 'status' || second === 'finalize') && third === undefined)) {
    // a namespace, and what it holds, which its deletion takes with it
    return (key) => (key.resource === 'namespaces' && key.name === first) || key.namespace === first
  }
  if (!namespaced) return NOTHING
  if (third === undefined) {
    // the collection: a create adds to it, a deletecollection removes from it
    return (key) => key.resource === second && key.namespace === first
  }
  if (third === '' || (fourth !== undefined && fourth !== 'status')) return NOTHING
  return (key) => key.resource === second && key.namespace === first && key.name === third
}

const SEGMENT_CHARS = [..."abz09-._~!$&'()*+,;=:@", '/', '?', '#', '%', ' ', '\\', '"', '\u00e9', '\u20ac', '\u0000']
const MALFORMED = ['%', '%z', '%4', '%zz', '%G1', '%C0', '%FF', '%E2%82', '%C0%AF']

const weird = fc.string({unit: fc.constantFrom(...SEGMENT_CHARS), maxLength: 5})
const DOTS = ['..', '.', '', '...', 'one/..', '../one']
const namespaceText = fc.oneof(
  {weight: 4, arbitrary: fc.constantFrom(...NAMESPACES)},
  {weight: 2, arbitrary: fc.constantFrom('default', ...DOTS)},
  {weight: 1, arbitrary: weird},
)
const resourceText = fc.oneof(
  {weight: 4, arbitrary: fc.constantFrom('configmaps', 'secrets')},
  {weight: 1, arbitrary: fc.constantFrom('namespaces', 'status', 'finalize', 'watch', ...DOTS)},
  {weight: 1, arbitrary: weird},
)
const nameText = fc.oneof(
  {weight: 2, arbitrary: fc.constantFrom('one', 'two')},
  {weight: 3, arbitrary: fc.constantFrom(...DOTS)},
  {weight: 1, arbitrary: weird},
)
const anyText = fc.oneof(namespaceText, resourceText, nameText, fc.constantFrom('api', 'v1', 'namespaces', 'watch'))

// how each character goes on the wire: as itself where a request target allows it, else percent-encoded
// (upper or lower hex); `raw` lets '/', '?', '#' and '%' through unencoded, changing what the path says
const charStyle = fc.constantFrom('plain', 'plain', 'upper', 'lower', 'raw')
const PCHAR = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]$/

function encodeChar(char: string, style: string): string {
  const escaped = [...Buffer.from(char, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('')
  if (style === 'raw' && /^[/?#%]$/.test(char)) return char
  if (style === 'plain' && PCHAR.test(char)) return char
  return style === 'lower' ? escaped : escaped.toUpperCase()
}

const malformedTail = fc.oneof(
  {weight: 6, arbitrary: fc.constant('')},
  {weight: 1, arbitrary: fc.constantFrom(...MALFORMED)},
)

function encoded(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(text, fc.array(charStyle, {minLength: 6, maxLength: 6}), malformedTail)
    .map(([plain, styles, tail]) => {
      const chars = [...plain].map((char, i) => encodeChar(char, styles[i % styles.length] ?? 'plain'))
      return `${chars.join('')}${tail}`
    })
}

const [API, V1, NS] = [fc.constant('api'), fc.constant('v1'), fc.constant('namespaces')]

// shapes that reach the stored objects often, and paths of any shape
const segments = fc.oneof(
  fc.tuple(API, V1, NS, encoded(namespaceText), encoded(resourceText), encoded(nameText)),
  fc.tuple(API, V1, NS, encoded(namespaceText), encoded(resourceText), encoded(nameText), encoded(resourceText)),
  fc.tuple(API, V1, NS, encoded(namespaceText), encoded(resourceText)),
  fc.tuple(API, V1, NS, encoded(namespaceText)),
  fc.tuple(API, V1, encoded(resourceText), encoded(nameText)),
  fc.array(encoded(anyText), {maxLength: 8}),
)

const QUERIES = [
  '',
  '?dryRun=All',
  '?labelSelector=a%3Db',
  '?timeout=5s',
  '?resourceVersion=abc',
  '?watch=1&timeoutSeconds=-1',
]

const request = fc.record({
  method: fc.constantFrom('GET', 'DELETE', 'PUT', 'PATCH', 'POST'),
  target: fc
    .tuple(segments, fc.constantFrom('', '/'), fc.constantFrom(...QUERIES))
    .map(([parts, trailing, query]) => `/${parts.join('/')}${trailing}${query}`),
  name: fc.constantFrom('one', 'two', 'fresh', '..'),
})

function bodyFor(method: string, name: string): {body: string; contentType: string} | undefined {
  if (method === 'PUT' || method === 'POST') {
    const object: KubeObject = {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name}, data: {fuzzed: 'yes'}}
    return {body: JSON.stringify(object), contentType: 'application/json'}
  }
  if (method === 'PATCH') {
    return {body: '{"metadata":{"labels":{"fuzzed":"yes"}}}', contentType: 'application/merge-patch+json'}
  }
  return undefined
}

describe("serve's router under fuzzing", () => {
  it('answers every path without a 500 and changes no object but the one the path names', async () => {
    await fc.assert(
      fc.asyncProperty(request, async ({method, target, name}) => {
        // the namespace collection itself is left alone: deleting every namespace would end the game
        fc.pre(!(method === 'DELETE' && /^\/+api\/v1\/namespaces\/*(\?|$)/.test(target)))
        const before = await snapshot()
        const answer = await rawRequest(port, {
          method,
          target,
          token: TOKEN,
          agent,
          stopAtStream: true,
          ...bodyFor(method, name),
        })
        expect(answer.status, `${method} ${target}: ${answer.text}`).toBeLessThan(500)
        if (answer.status >= 400 && answer.headers['content-type'] === 'application/json') {
          expect(answer.json?.['kind'], `${method} ${target}`).toBe('Status')
        }
        const after = await snapshot()
        const allowed = allowedChanges(target, method)
        for (const [id, entry] of new Map([...before, ...after])) {
          const changed = before.get(id)?.version !== after.get(id)?.version
          if (changed) expect(allowed(entry.key), `${method} ${target} changed ${id}`).toBe(true)
        }
      }),
      {numRuns: 400},
    )
    // and the server still serves
    expect((await rawRequest(port, {method: 'GET', target: '/version', token: TOKEN})).status).toBe(200)
  }, 60_000)
})
