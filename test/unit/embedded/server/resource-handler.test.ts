import type {Server} from 'node:http'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {EmbeddedBackend} from '../../../../src/embedded/embedded-backend.js'
import {createApiServer, listenOnLoopback} from '../../../../src/embedded/server/api-server.js'
import {openTempCluster, type TempCluster} from '../temp-cluster.js'

// The REST semantics of `skiff serve`, through a real HTTP server over a temporary embedded cluster.

const TOKEN = 'test-token'
let cluster: TempCluster
let backend: EmbeddedBackend
let server: Server
let base: string

beforeAll(async () => {
  cluster = await openTempCluster()
  backend = cluster.backend
  server = createApiServer(backend, {token: TOKEN, afterWrite: () => void backend.settle()})
  base = `http://127.0.0.1:${await listenOnLoopback(server, 0)}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await cluster.dispose()
})

interface Answer {
  status: number
  body: Record<string, unknown>
  headers: Headers
}

async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const init: RequestInit = {method, headers: {Authorization: `Bearer ${TOKEN}`, ...headers}}
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body)
    ;(init.headers as Record<string, string>)['Content-Type'] ??= 'application/json'
  }
  const response = await fetch(`${base}${path}`, init)
  const text = await response.text()
  return {
    status: response.status,
    body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
    headers: response.headers,
  }
}

const CONFIGMAPS = '/api/v1/namespaces/default/configmaps'
const DEPLOYMENTS = '/apis/apps/v1/namespaces/default/deployments'

function configMap(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name, labels: {app: 'demo'}}, data: {a: '1'}, ...extra}
}

function deployment(name: string, replicas = 1): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name},
    spec: {
      replicas,
      selector: {matchLabels: {app: name}},
      template: {metadata: {labels: {app: name}}, spec: {containers: [{name: 'c', image: 'nginx'}]}},
    },
  }
}

describe('create, get, update, delete', () => {
  it('creates with 201, refuses a duplicate with 409 AlreadyExists', async () => {
    expect((await call('POST', CONFIGMAPS, configMap('one'))).status).toBe(201)
    const again = await call('POST', CONFIGMAPS, configMap('one'))
    expect(again.status).toBe(409)
    expect(again.body['message']).toBe('configmaps "one" already exists')
  })

  it('fills kind and apiVersion from the URL when the body leaves them out', async () => {
    const created = await call('POST', CONFIGMAPS, {metadata: {name: 'bare'}, data: {x: 'y'}})
    expect(created.status).toBe(201)
    expect(created.body['kind']).toBe('ConfigMap')
  })

  it('answers a stale resourceVersion with 409 Conflict in the API server words', async () => {
    await call('POST', CONFIGMAPS, configMap('stale'))
    const answer = await call(
      'PUT',
      `${CONFIGMAPS}/stale`,
      configMap('stale', {metadata: {name: 'stale', resourceVersion: '1'}}),
    )
    expect(answer.status).toBe(409)
    expect(answer.body['message']).toBe(
      'Operation cannot be fulfilled on configmaps "stale": the object has been modified; please apply your changes to the latest version and try again',
    )
  })

  it('refuses a body whose name differs from the URL', async () => {
    const answer = await call('PUT', `${CONFIGMAPS}/one`, configMap('two'))
    expect(answer.status).toBe(400)
    expect(answer.body['message']).toBe('the name of the object (two) does not match the name on the URL (one)')
  })

  it('refuses a body of another kind or namespace', async () => {
    const service = await call('POST', CONFIGMAPS, {apiVersion: 'v1', kind: 'Service', metadata: {name: 's'}})
    expect(service.body['message']).toBe(
      'Service in version "v1" cannot be handled as a ConfigMap: converting (v1.Service) to (core.ConfigMap): unknown conversion',
    )
    const elsewhere = await call('POST', CONFIGMAPS, configMap('x', {metadata: {name: 'x', namespace: 'kube-system'}}))
    expect(elsewhere.body['message']).toBe(
      'the namespace of the provided object does not match the namespace sent on the request',
    )
  })

  it('answers bad JSON with the decoder error and keeps serving', async () => {
    const answer = await call('POST', CONFIGMAPS, '{bad')
    expect(answer.status).toBe(400)
    expect(answer.body['message']).toBe(
      "the object provided is unrecognized (must be of type ConfigMap): couldn't get version/kind; json parse error: invalid character 'b' looking for beginning of object key string ({bad)",
    )
    expect((await call('GET', CONFIGMAPS)).status).toBe(200)
  })

  it('refuses a body over 3 MiB with 413', async () => {
    const answer = await call('POST', CONFIGMAPS, configMap('big', {data: {a: 'x'.repeat(3 * 1024 * 1024)}}))
    expect(answer.status).toBe(413)
    expect(answer.body['message']).toBe('Request entity too large: limit is 3145728')
  })

  it('deletes with a Success Status for most kinds and the object for pods', async () => {
    await call('POST', CONFIGMAPS, configMap('gone'))
    const answer = await call('DELETE', `${CONFIGMAPS}/gone`)
    expect(answer.body).toMatchObject({kind: 'Status', status: 'Success', details: {name: 'gone', kind: 'configmaps'}})
    expect((await call('GET', `${CONFIGMAPS}/gone`)).status).toBe(404)
  })

  it('checks delete preconditions', async () => {
    await call('POST', CONFIGMAPS, configMap('pre'))
    const answer = await call('DELETE', `${CONFIGMAPS}/pre`, {preconditions: {uid: 'nope'}})
    expect(answer.status).toBe(409)
    expect(String(answer.body['message'])).toContain('Precondition failed: UID in precondition: nope')
  })

  it('deletes a collection by label selector', async () => {
    await call('POST', CONFIGMAPS, configMap('sel-a', {metadata: {name: 'sel-a', labels: {batch: 'x'}}}))
    await call('POST', CONFIGMAPS, configMap('sel-b', {metadata: {name: 'sel-b', labels: {batch: 'x'}}}))
    const answer = await call('DELETE', `${CONFIGMAPS}?labelSelector=batch%3Dx`)
    expect(answer.status).toBe(200)
    expect((answer.body['items'] as unknown[]).length).toBe(2)
    const left = await call('GET', `${CONFIGMAPS}?labelSelector=batch%3Dx`)
    expect(left.body['items']).toEqual([])
  })

  it('stores nothing on dryRun=All', async () => {
    const answer = await call('POST', `${CONFIGMAPS}?dryRun=All`, configMap('dry'))
    expect(answer.status).toBe(201)
    expect((await call('GET', `${CONFIGMAPS}/dry`)).status).toBe(404)
    const bad = await call('POST', `${CONFIGMAPS}?dryRun=Some`, configMap('dry'))
    expect(bad.status).toBe(422)
  })

  it('answers unknown paths and subresources with 404 NotFound', async () => {
    expect((await call('GET', '/api/v1/namespaces/default/widgets')).body['message']).toBe(
      'the server could not find the requested resource',
    )
    expect((await call('GET', `${CONFIGMAPS}/one/status`)).status).toBe(404)
  })
})

describe('field validation', () => {
  const bad = () => ({
    ...deployment('strict'),
    spec: {...(deployment('strict')['spec'] as object), foo: 1},
  })

  it('Strict refuses unknown fields with the strict decoding error', async () => {
    const answer = await call('POST', `${DEPLOYMENTS}?fieldValidation=Strict`, bad())
    expect(answer.status).toBe(400)
    expect(answer.body['message']).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo"',
    )
  })

  it('Strict reports duplicate fields', async () => {
    const text = JSON.stringify(configMap('dup')).replace('"data":', '"data":{"z":"1"},"data":')
    const answer = await call('POST', `${CONFIGMAPS}?fieldValidation=Strict`, text)
    expect(answer.body['message']).toBe(
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: duplicate field "data"',
    )
  })

  it('Warn creates, drops the field and sends a Warning header', async () => {
    const answer = await call('POST', `${DEPLOYMENTS}?fieldValidation=Warn`, {...bad(), metadata: {name: 'warned'}})
    expect(answer.status).toBe(201)
    expect(answer.headers.get('warning')).toBe('299 - "unknown field \\"spec.foo\\""')
    expect((answer.body['spec'] as Record<string, unknown>)['foo']).toBeUndefined()
  })

  it('Strict refuses unknown fields in a merge patch', async () => {
    await call('POST', CONFIGMAPS, configMap('patched'))
    const answer = await call(
      'PATCH',
      `${CONFIGMAPS}/patched?fieldValidation=Strict`,
      {nope: 1},
      {
        'Content-Type': 'application/merge-patch+json',
      },
    )
    expect(answer.status).toBe(400)
    expect(answer.body['message']).toBe('strict decoding error: unknown field "nope"')
  })
})

describe('patch and subresources', () => {
  it('patches in json, merge and strategic forms, and refuses other media types with 415', async () => {
    await call('POST', CONFIGMAPS, configMap('p'))
    const path = `${CONFIGMAPS}/p`
    await call('PATCH', path, [{op: 'add', path: '/data/b', value: '2'}], {
      'Content-Type': 'application/json-patch+json',
    })
    await call('PATCH', path, {data: {c: '3'}}, {'Content-Type': 'application/merge-patch+json'})
    const last = await call('PATCH', path, {data: {d: '4'}}, {'Content-Type': 'application/strategic-merge-patch+json'})
    expect(last.body['data']).toEqual({a: '1', b: '2', c: '3', d: '4'})
    const other = await call('PATCH', path, {data: {}}, {'Content-Type': 'text/plain'})
    expect(other.status).toBe(415)
  })

  it('reads and writes autoscaling/v1 Scale, refusing a stale one', async () => {
    await call('POST', DEPLOYMENTS, deployment('scaled'))
    const scale = await call('GET', `${DEPLOYMENTS}/scaled/scale`)
    expect(scale.body).toMatchObject({apiVersion: 'autoscaling/v1', kind: 'Scale', spec: {replicas: 1}})
    const updated = await call('PUT', `${DEPLOYMENTS}/scaled/scale`, {
      ...scale.body,
      spec: {replicas: 3},
    })
    expect(updated.body).toMatchObject({kind: 'Scale', spec: {replicas: 3}})
    const stale = await call('PUT', `${DEPLOYMENTS}/scaled/scale`, {...scale.body, spec: {replicas: 2}})
    expect(stale.status).toBe(409)
  })
})

describe('lists and tables', () => {
  it('pages with limit and continue', async () => {
    for (const name of ['page-a', 'page-b', 'page-c']) await call('POST', CONFIGMAPS, configMap(name))
    const first = await call('GET', `${CONFIGMAPS}?limit=2`)
    const meta = first.body['metadata'] as {continue?: string}
    expect((first.body['items'] as unknown[]).length).toBe(2)
    expect(meta.continue).toBeTruthy()
    const second = await call('GET', `${CONFIGMAPS}?limit=2&continue=${encodeURIComponent(meta.continue ?? '')}`)
    expect((second.body['items'] as unknown[]).length).toBeGreaterThan(0)
  })

  it('answers a Table in v1 or v1beta1 as Accept asks, rows carrying what includeObject says', async () => {
    const v1 = await call('GET', `${CONFIGMAPS}?limit=1`, undefined, {
      Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
    })
    expect(v1.body).toMatchObject({kind: 'Table', apiVersion: 'meta.k8s.io/v1'})
    expect((v1.body['metadata'] as {continue?: string}).continue).toBeTruthy()
    const rows = v1.body['rows'] as {object: {kind: string}}[]
    expect(rows[0]?.object.kind).toBe('PartialObjectMetadata')
    const beta = await call('GET', `${CONFIGMAPS}/one?includeObject=None`, undefined, {
      Accept: 'application/json;as=Table;v=v1beta1;g=meta.k8s.io',
    })
    expect(beta.body['apiVersion']).toBe('meta.k8s.io/v1beta1')
    expect((beta.body['rows'] as object[])[0]).not.toHaveProperty('object')
  })

  it('times out on a resourceVersion the server has not reached', async () => {
    const answer = await call('GET', `${CONFIGMAPS}?resourceVersion=99999999`)
    expect(answer.status).toBe(504)
    expect(String(answer.body['message'])).toContain('Too large resource version: 99999999')
  })
})

describe('watch', () => {
  async function readEvents(
    path: string,
    count: number,
    during?: () => Promise<void>,
  ): Promise<Record<string, unknown>[]> {
    const controller = new AbortController()
    const response = await fetch(`${base}${path}`, {
      headers: {Authorization: `Bearer ${TOKEN}`},
      signal: controller.signal,
    })
    expect(response.status).toBe(200)
    const reader = response.body!.getReader()
    const events: Record<string, unknown>[] = []
    let buffer = ''
    const pending = during?.()
    while (events.length < count) {
      const {done, value} = await reader.read()
      if (done) break
      buffer += new TextDecoder().decode(value)
      let newline = buffer.indexOf('\n')
      while (newline >= 0) {
        events.push(JSON.parse(buffer.slice(0, newline)) as Record<string, unknown>)
        buffer = buffer.slice(newline + 1)
        newline = buffer.indexOf('\n')
      }
    }
    await pending
    controller.abort()
    return events
  }

  it('sends changes after a resourceVersion, then ends at timeoutSeconds', async () => {
    const list = await call('GET', CONFIGMAPS)
    const rv = (list.body['metadata'] as {resourceVersion: string}).resourceVersion
    const events = await readEvents(`${CONFIGMAPS}?watch=1&resourceVersion=${rv}`, 1, async () => {
      await call('POST', CONFIGMAPS, configMap('watched'))
    })
    expect(events[0]).toMatchObject({type: 'ADDED', object: {metadata: {name: 'watched'}}})
    const ended = await fetch(`${base}${CONFIGMAPS}?watch=1&resourceVersion=${rv}&timeoutSeconds=1`, {
      headers: {Authorization: `Bearer ${TOKEN}`},
    })
    // the stream ends by itself after one second with the events since rv
    expect((await ended.text()).trim().split('\n').length).toBeGreaterThan(0)
  })

  it('sends the initial events then a bookmark with sendInitialEvents', async () => {
    const response = await fetch(
      `${base}${CONFIGMAPS}?watch=1&sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan&timeoutSeconds=1`,
      {headers: {Authorization: `Bearer ${TOKEN}`}},
    )
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as {type: string; object: {metadata: {annotations?: Record<string, string>}}})
    const last = lines[lines.length - 1]
    expect(lines[0]?.type).toBe('ADDED')
    expect(last?.type).toBe('BOOKMARK')
    expect(last?.object.metadata.annotations).toEqual({'k8s.io/initial-events-end': 'true'})
  })

  it('refuses sendInitialEvents without its companions', async () => {
    const answer = await call('GET', `${CONFIGMAPS}?watch=1&sendInitialEvents=true`)
    expect(answer.status).toBe(422)
  })
})
