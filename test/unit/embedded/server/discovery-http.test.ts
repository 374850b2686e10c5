import type {Server} from 'node:http'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {createApiServer, listenOnLoopback} from '../../../../src/embedded/server/api-server.js'
import {openTempCluster, type TempCluster} from '../temp-cluster.js'

// The API server over a real embedded cluster (plain HTTP: the TLS layer has its own test), asked as clients ask.

const TOKEN = 'a'.repeat(64)
const AGGREGATED_V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList'
const KUBECTL_ACCEPT = `${AGGREGATED_V2},application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json`

let cluster: TempCluster
let server: Server
let base: string

beforeAll(async () => {
  cluster = await openTempCluster()
  server = createApiServer(cluster.backend, {token: TOKEN})
  base = `http://127.0.0.1:${await listenOnLoopback(server, 0)}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  await cluster.dispose()
})

async function get(path: string, accept?: string, token = TOKEN): Promise<Response> {
  return fetch(`${base}${path}`, {
    headers: {Authorization: `Bearer ${token}`, ...(accept === undefined ? {} : {Accept: accept})},
  })
}

interface GroupDiscoveryList {
  items: {
    metadata: {name?: string}
    versions: {version: string; resources: {resource: string; subresources?: {subresource: string}[]}[]}[]
  }[]
}

describe('discovery over HTTP', () => {
  it('refuses a request without the token with a 401 Status', async () => {
    const response = await get('/apis', undefined, 'wrong')
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({kind: 'Status', reason: 'Unauthorized', message: 'Unauthorized'})
  })

  it("answers kubectl's Accept with aggregated discovery, named so in the Content-Type", async () => {
    const response = await get('/apis', KUBECTL_ACCEPT)
    expect(response.headers.get('content-type')).toBe(AGGREGATED_V2)
    const list = (await response.json()) as GroupDiscoveryList & {kind: string}
    expect(list.kind).toBe('APIGroupDiscoveryList')
    expect(list.items.map((g) => g.metadata.name)).toContain('apps')
    const core = await get('/api', KUBECTL_ACCEPT)
    expect(((await core.json()) as GroupDiscoveryList).items[0]?.versions[0]?.version).toBe('v1')
  })

  it('answers a plain Accept with the legacy documents', async () => {
    const response = await get('/apis', 'application/json')
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toMatchObject({kind: 'APIGroupList'})
    const apps = await get('/apis/apps')
    expect(await apps.json()).toMatchObject({
      kind: 'APIGroup',
      name: 'apps',
      preferredVersion: {groupVersion: 'apps/v1'},
    })
    expect((await get('/apis/nothing.example.com')).status).toBe(404)
  })

  it('serves a custom resource in discovery as soon as its CRD is stored', async () => {
    const before = (await (await get('/apis', KUBECTL_ACCEPT)).json()) as GroupDiscoveryList
    expect(before.items.map((g) => g.metadata.name)).not.toContain('example.com')
    await cluster.backend.create({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: {name: 'widgets.example.com'},
      spec: {
        group: 'example.com',
        scope: 'Namespaced',
        names: {plural: 'widgets', singular: 'widget', kind: 'Widget', shortNames: ['wd']},
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            subresources: {status: {}},
            schema: {openAPIV3Schema: {type: 'object', 'x-kubernetes-preserve-unknown-fields': true}},
          },
        ],
      },
    })
    const after = (await (await get('/apis', KUBECTL_ACCEPT)).json()) as GroupDiscoveryList
    const widgets = after.items.find((g) => g.metadata.name === 'example.com')?.versions[0]?.resources[0]
    expect(widgets).toMatchObject({resource: 'widgets', subresources: [{subresource: 'status'}]})
    const legacy = (await (await get('/apis/example.com/v1')).json()) as {resources: {name: string}[]}
    expect(legacy.resources.map((r) => r.name)).toEqual(['widgets', 'widgets/status'])
  })

  it('answers /version and the health checks', async () => {
    expect(await (await get('/version')).json()).toMatchObject({major: '1', gitVersion: expect.stringMatching(/^v1\./)})
    expect(await (await get('/readyz')).text()).toBe('ok')
  })
})

describe('OpenAPI over HTTP', () => {
  it('indexes the v3 documents by group-version, each fetched by its serverRelativeURL', async () => {
    const index = (await (await get('/openapi/v3')).json()) as {paths: Record<string, {serverRelativeURL: string}>}
    expect(Object.keys(index.paths)).toEqual(expect.arrayContaining(['api/v1', 'apis/apps/v1', 'apis/batch/v1']))
    const url = index.paths['apis/apps/v1']?.serverRelativeURL ?? ''
    expect(url).toMatch(/^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]{128}$/)
    const doc = await get(url, 'application/json')
    expect(doc.headers.get('cache-control')).toBe('public, immutable')
    expect(await doc.json()).toMatchObject({openapi: '3.0.0', components: {schemas: expect.any(Object)}})
    expect((await get('/openapi/v3/apis/nothing/v1')).status).toBe(404)
  })

  it("publishes a stored CRD's schema under its group-version, named as kube-apiserver names it", async () => {
    // the widgets CRD stored by the discovery tests above
    const index = (await (await get('/openapi/v3')).json()) as {paths: Record<string, {serverRelativeURL: string}>}
    const url = index.paths['apis/example.com/v1']?.serverRelativeURL ?? ''
    expect(url).toMatch(/^\/openapi\/v3\/apis\/example\.com\/v1\?hash=/)
    const doc = (await (await get(url)).json()) as {components: {schemas: Record<string, Record<string, unknown>>}}
    expect(doc.components.schemas['com.example.v1.Widget']).toMatchObject({
      'x-kubernetes-group-version-kind': [{group: 'example.com', kind: 'Widget', version: 'v1'}],
      properties: {metadata: {$ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'}},
    })
    expect(doc.components.schemas).toHaveProperty(['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'])
  })

  it('answers /openapi/v2 in JSON, or in protobuf when asked for it alone, and 406 for anything else', async () => {
    const json = await get('/openapi/v2', 'application/json')
    expect(await json.json()).toMatchObject({swagger: '2.0'})
    const protobuf = await get('/openapi/v2', 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf')
    expect(protobuf.headers.get('content-type')).toBe('application/com.github.proto-openapi.spec.v2.v1.0+protobuf')
    expect(
      Buffer.from(await protobuf.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('\n\x032.0')
    const refused = await get('/openapi/v2', 'application/xml')
    expect(refused.status).toBe(406)
    expect(await refused.json()).toMatchObject({kind: 'Status', reason: 'NotAcceptable', code: 406})
  })
})
