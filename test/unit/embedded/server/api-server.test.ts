import type {Server} from 'node:http'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import type {EmbeddedBackend} from '../../../../src/embedded/embedded-backend.js'
import {createApiServer, listenOnLoopback} from '../../../../src/embedded/server/api-server.js'
import {openTempCluster, type TempCluster} from '../temp-cluster.js'
import {parseRawResponse, rawExchange, rawRequest, type RawAnswer} from './raw-http.js'

// The edges of `skiff serve`'s HTTP handling, against kube-apiserver's answers (v1.32): what a request
// path names, malformed escapes, the request deadline and body limit, watch parameters at their limits,
// and the details every Status carries.

const TOKEN = 'edge-token'
let cluster: TempCluster
let backend: EmbeddedBackend
let server: Server
let port: number

async function startServer(requestTimeoutMs?: number): Promise<{server: Server; port: number}> {
  const started = createApiServer(backend, {token: TOKEN, ...(requestTimeoutMs ? {requestTimeoutMs} : {})})
  return {server: started, port: await listenOnLoopback(started, 0)}
}

async function stopServer(stopped: Server): Promise<void> {
  stopped.closeAllConnections()
  await new Promise<void>((resolve) => stopped.close(() => resolve()))
}

beforeAll(async () => {
  cluster = await openTempCluster()
  backend = cluster.backend
  ;({server, port} = await startServer())
  // Given a namespace `edge` holding a ConfigMap, and a namespace named like a resource
  await backend.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'edge'}})
  await backend.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'configmaps'}})
  await backend.create(configMap('keep', 'edge'))
})

afterAll(async () => {
  await stopServer(server)
  await cluster.dispose()
})

function configMap(name: string, namespace: string): KubeObject {
  return {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name, namespace}, data: {a: '1'}}
}

function send(method: string, target: string, body?: unknown): Promise<RawAnswer> {
  return rawRequest(port, {
    method,
    target,
    token: TOKEN,
    ...(body !== undefined ? {body: JSON.stringify(body)} : {}),
  })
}

async function exists(resource: string, name: string, namespace?: string): Promise<boolean> {
  const ref = {group: '', version: 'v1', resource, ...(namespace ? {namespace} : {})}
  return backend.get(ref, name).then(
    (object) => object.metadata.deletionTimestamp === undefined,
    () => false,
  )
}

const EDGE_CONFIGMAPS = '/api/v1/namespaces/edge/configmaps'

describe('what a request path names', () => {
  it('takes `..` and `.`, escaped or not, as names and refuses them, touching nothing', async () => {
    for (const name of ['%2E%2E', '%2e%2e', '..', '.%2E', '%2E', '.']) {
      const deleted = await send('DELETE', `${EDGE_CONFIGMAPS}/${name}`)
      expect(deleted.status).toBe(400)
      const shown = name.replace(/%2E/gi, '.')
      expect(deleted.json).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: `Name parameter invalid: "${shown}": may not be '${shown}'`,
        reason: 'BadRequest',
        code: 400,
      })
      const read = await send('GET', `${EDGE_CONFIGMAPS}/${name}`)
      expect(read.json?.['kind']).toBe('Status')
    }
    expect(await exists('namespaces', 'edge')).toBe(true)
    expect(await exists('configmaps', 'keep', 'edge')).toBe(true)
  })

  it('never resolves dot segments across the path', async () => {
    const answer = await send('DELETE', `${EDGE_CONFIGMAPS}/../../../namespaces/edge`)
    expect(answer.status).toBe(404)
    expect(await exists('namespaces', 'edge')).toBe(true)
  })

  it('refuses names holding an escaped slash or a percent sign, as IsValidPathSegmentName does', async () => {
    expect((await send('DELETE', `${EDGE_CONFIGMAPS}/keep%2Fx`)).json?.['message']).toBe(
      `Name parameter invalid: "keep/x": may not contain '/'`,
    )
    expect((await send('GET', `${EDGE_CONFIGMAPS}/a%25b`)).json?.['message']).toBe(
      `Name parameter invalid: "a%b": may not contain '%'`,
    )
    expect(await exists('configmaps', 'keep', 'edge')).toBe(true)
  })

  it('answers a malformed escape or bytes that are not UTF-8 with 400 BadRequest, never 500', async () => {
    const cases: Array<[string, string]> = [
      ['%zz', 'malformed request path: invalid URL escape "%zz"'],
      ['a%', 'malformed request path: invalid URL escape "%"'],
      ['a%4', 'malformed request path: invalid URL escape "%4"'],
      ['%FF', 'malformed request path: "%FF" does not decode to UTF-8'],
      ['%E2%82', 'malformed request path: "%E2%82" does not decode to UTF-8'],
    ]
    for (const [name, message] of cases) {
      for (const method of ['GET', 'DELETE']) {
        const answer = await send(method, `${EDGE_CONFIGMAPS}/${name}`)
        expect(answer.status).toBe(400)
        expect(answer.json).toMatchObject({reason: 'BadRequest', message})
      }
    }
    expect((await send('GET', '/api/v1/namespaces/%zz/configmaps')).status).toBe(400)
  })

  it('refuses writes under an empty namespace and lists every namespace there, as a list at /namespaces// does', async () => {
    // before, the empty segment vanished and this deleted the namespace named "configmaps"
    const deleted = await send('DELETE', '/api/v1/namespaces//configmaps')
    expect(deleted.status).toBe(400)
    expect(deleted.json?.['message']).toBe('Namespace parameter required.')
    expect(await exists('namespaces', 'configmaps')).toBe(true)
    const named = await send('DELETE', '/api/v1/namespaces//configmaps/keep')
    expect(named.json?.['message']).toBe('Namespace parameter required.')
    const created = await send('POST', '/api/v1/namespaces//configmaps', configMap('stray', ''))
    expect(created.status).toBe(400)
    expect(await exists('configmaps', 'stray', 'default')).toBe(false)
    const listed = await send('GET', '/api/v1/namespaces//configmaps')
    expect(listed.status).toBe(200)
    expect((listed.json?.['items'] as KubeObject[]).map((item) => item.metadata.name)).toContain('keep')
  })

  it('serves a namespaced resource across namespaces only as a list or watch', async () => {
    const deleted = await send('DELETE', '/api/v1/configmaps')
    expect(deleted.status).toBe(405)
    expect(deleted.json).toMatchObject({reason: 'MethodNotAllowed', details: {}})
    expect(await exists('configmaps', 'keep', 'edge')).toBe(true)
    const created = await send('POST', '/api/v1/configmaps', configMap('stray', 'default'))
    expect(created.status).toBe(405)
    expect(await exists('configmaps', 'stray', 'default')).toBe(false)
    const named = await send('DELETE', '/api/v1/configmaps/keep')
    expect(named.status).toBe(404)
    expect(named.json).toMatchObject({message: 'the server could not find the requested resource', details: {}})
    expect((await send('GET', '/api/v1/configmaps')).status).toBe(200)
  })

  it('has no path for a cluster-scoped resource under a namespace', async () => {
    const answer = await send('DELETE', '/api/v1/namespaces/edge/namespaces/configmaps')
    expect(answer.status).toBe(404)
    expect(await exists('namespaces', 'configmaps')).toBe(true)
  })
})

describe('Status details', () => {
  it('gives the empty details of a path no route serves, which kubectl debug reads', async () => {
    for (const target of [
      '/api/v1/namespaces/edge/widgets',
      '/api/v1/namespaces/edge/pods/p/ephemeralcontainers',
      '/nope',
    ]) {
      const answer = await send('PATCH', target, {})
      expect(answer.status).toBe(404)
      expect(answer.json).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'the server could not find the requested resource',
        reason: 'NotFound',
        details: {},
        code: 404,
      })
    }
  })

  it('names the group and resource of a create refused while its definition terminates', async () => {
    // Given a custom resource whose definition is being deleted (its cleanup not run yet)
    await backend.create({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: {name: 'gadgets.example.com'},
      spec: {
        group: 'example.com',
        scope: 'Namespaced',
        names: {plural: 'gadgets', kind: 'Gadget'},
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: {openAPIV3Schema: {type: 'object', 'x-kubernetes-preserve-unknown-fields': true}},
          },
        ],
      },
    })
    const gadget = {apiVersion: 'example.com/v1', kind: 'Gadget', metadata: {name: 'g1', namespace: 'edge'}}
    await backend.create(gadget)
    await backend.delete(
      {group: 'apiextensions.k8s.io', version: 'v1', resource: 'customresourcedefinitions'},
      'gadgets.example.com',
    )
    // When another one is created, Then the 405 is NewMethodNotSupported's
    const answer = await send('POST', '/apis/example.com/v1/namespaces/edge/gadgets', {
      ...gadget,
      metadata: {name: 'g2'},
    })
    expect(answer.status).toBe(405)
    expect(answer.json).toMatchObject({
      message: 'create not allowed while custom resource definition is terminating',
      details: {group: 'example.com', kind: 'gadgets'},
    })
  })

  it('gives the same empty details for an OpenAPI document no group serves', async () => {
    const answer = await send('GET', '/openapi/v3/apis/nowhere.example.com/v1')
    expect(answer.status).toBe(404)
    expect(answer.json).toMatchObject({reason: 'NotFound', details: {}})
  })

  it('leaves empty fields out of details, as Go does', async () => {
    const missing = await send('GET', `${EDGE_CONFIGMAPS}/missing`)
    expect(missing.json?.['details']).toEqual({name: 'missing', kind: 'configmaps'})
    const post = await send('POST', '/version')
    expect(post.json).toMatchObject({code: 405, reason: 'MethodNotAllowed', details: {}})
  })
})

describe('watch parameters', () => {
  // reads a watch until `until` has been seen, running `during` once the stream is open
  async function watchUntil(target: string, until: string, during: () => Promise<void>): Promise<string> {
    let seen = ''
    await new Promise<void>((resolve, reject) => {
      void rawExchange(
        port,
        `GET ${target} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\n\r\n`,
        (socket) => {
          let started = false
          socket.on('data', (chunk: Buffer | string) => {
            seen += chunk.toString()
            if (!started && seen.includes('\r\n\r\n')) {
              started = true
              during().catch(reject)
            }
            if (seen.includes(until)) {
              socket.destroy()
              resolve()
            }
          })
        },
      ).then(() => {
        if (!seen.includes(until)) reject(new Error(`the watch ended first:\n${seen}`))
      })
    })
    return seen
  }

  it('keeps a watch open for a timeoutSeconds past what a Node timer holds', async () => {
    // before, 4294968 s answered 500 and 2147484 s ended the watch at once
    for (const [seconds, name] of [
      ['2147484', 'late-one'],
      ['4294968', 'late-two'],
      ['9223372036854775807', 'late-three'],
    ] as const) {
      const seen = await watchUntil(`${EDGE_CONFIGMAPS}?watch=1&timeoutSeconds=${seconds}`, name, async () => {
        await backend.create(configMap(name, 'edge'))
      })
      expect(seen.startsWith('HTTP/1.1 200 OK')).toBe(true)
    }
  })

  it('refuses a timeoutSeconds out of int64 range as strconv.ParseInt does, and ends a negative one at once', async () => {
    const huge = await send('GET', `${EDGE_CONFIGMAPS}?watch=1&timeoutSeconds=9223372036854775808`)
    expect(huge.status).toBe(400)
    expect(huge.json?.['message']).toBe('strconv.ParseInt: parsing "9223372036854775808": value out of range')
    const past = await send('GET', `${EDGE_CONFIGMAPS}?watch=1&timeoutSeconds=-1`)
    expect(past.status).toBe(200)
    expect(past.text).toBe('')
  })

  it('answers a resourceVersion that is no number as the watch cache and etcd do', async () => {
    const invalid = 'resourceVersion: Invalid value: "abc": strconv.ParseUint: parsing "abc": invalid syntax'
    const watch = await send('GET', `${EDGE_CONFIGMAPS}?watch=1&resourceVersion=abc`)
    expect(watch.status).toBe(422)
    expect(watch.json).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: invalid,
      reason: 'Invalid',
      code: 422,
    })
    const cached = await send('GET', `${EDGE_CONFIGMAPS}?resourceVersion=abc`)
    expect(cached.status).toBe(422)
    expect(cached.json?.['message']).toBe(invalid)
    const chunked = await send('GET', `${EDGE_CONFIGMAPS}?resourceVersion=abc&limit=500`)
    expect(chunked.status).toBe(400)
    expect(chunked.json?.['message']).toBe(`invalid resource version: ${invalid}`)
    const negative = await send('GET', `${EDGE_CONFIGMAPS}?watch=1&resourceVersion=-1`)
    expect(negative.json?.['message']).toBe(
      'resourceVersion: Invalid value: "-1": strconv.ParseUint: parsing "-1": invalid syntax',
    )
  })
})

describe('long query strings', () => {
  it('serves a 100 KB label selector, as a 1 MiB header limit does', async () => {
    const values = Array.from({length: 14_000}, (_, i) => `v${i}`).join(',')
    const selector = encodeURIComponent(`app in (${values})`)
    expect(selector.length).toBeGreaterThan(100_000)
    const listed = await send('GET', `${EDGE_CONFIGMAPS}?labelSelector=${selector}`)
    expect(listed.status).toBe(200)
    expect(listed.json?.['items']).toEqual([])
    const tooLong = await send('GET', `${EDGE_CONFIGMAPS}?labelSelector=app%3D${'b'.repeat(100_000)}`)
    expect(tooLong.status).toBe(400)
    expect(String(tooLong.json?.['message'])).toMatch(/^unable to parse requirement: values\[0\]\[app\]: Invalid value/)
  })
})

describe('request bodies and the request deadline', () => {
  const head = (target: string, extra: string): string =>
    `POST ${target} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\n${extra}\r\n`

  it('refuses a declared Content-Length past 3 MiB at once with 413', async () => {
    const text = await rawExchange(port, head(EDGE_CONFIGMAPS, 'Content-Length: 10000000000\r\n'), (socket) => {
      socket.write('{')
    })
    const answer = parseRawResponse(text)
    expect(answer.statusLine).toBe('HTTP/1.1 413 Payload Too Large')
    expect(answer.headers).toContain('Connection: close')
    expect(answer.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Request entity too large: limit is 3145728',
      reason: 'RequestEntityTooLarge',
      code: 413,
    })
  })

  it('stops reading a body that never ends at 3 MiB, answers 413 and closes the connection', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'a')
    const text = await rawExchange(port, head(EDGE_CONFIGMAPS, 'Transfer-Encoding: chunked\r\n'), (socket) => {
      const pump = (): void => {
        while (!socket.destroyed) {
          if (!socket.write(`${chunk.length.toString(16)}\r\n${chunk.toString()}\r\n`)) {
            socket.once('drain', pump)
            return
          }
        }
      }
      pump()
    })
    const answer = parseRawResponse(text)
    expect(answer.statusLine).toBe('HTTP/1.1 413 Payload Too Large')
    expect(answer.body?.['reason']).toBe('RequestEntityTooLarge')
  })

  it('answers 504 Timeout when a body is still unfinished at the deadline a client asks for', async () => {
    const text = await rawExchange(
      port,
      head(`${EDGE_CONFIGMAPS}?timeout=200ms`, 'Content-Length: 100\r\n'),
      (socket) => {
        socket.write('{"apiVersion"')
      },
    )
    const answer = parseRawResponse(text)
    expect(answer.statusLine).toBe('HTTP/1.1 504 Gateway Timeout')
    expect(answer.headers).toContain('Connection: close')
    expect(answer.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Timeout: request did not complete within the allotted timeout',
      reason: 'Timeout',
      details: {},
      code: 504,
    })
  })

  it("answers 504 at the server's own deadline", async () => {
    const short = await startServer(200)
    try {
      const text = await rawExchange(short.port, head(EDGE_CONFIGMAPS, 'Content-Length: 100\r\n'), (socket) => {
        socket.write('{')
      })
      expect(parseRawResponse(text).body?.['reason']).toBe('Timeout')
    } finally {
      await stopServer(short.server)
    }
  })

  it('refuses a malformed timeout parameter as kube-apiserver does, except on a watch, which is long-running', async () => {
    const answer = await send('GET', `${EDGE_CONFIGMAPS}?timeout=abc`)
    expect(answer.status).toBe(400)
    expect(answer.json?.['message']).toBe('invalid timeout specified in the request URL - time: invalid duration "abc"')
    expect((await send('GET', `${EDGE_CONFIGMAPS}?watch=1&timeoutSeconds=-1&timeout=abc`)).status).toBe(200)
  })
})
