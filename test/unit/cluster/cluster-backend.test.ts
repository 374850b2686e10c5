import {mkdtempSync, rmSync} from 'node:fs'
import {createServer, type IncomingMessage, type Server} from 'node:http'
import {connect, type AddressInfo, type Socket} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {openClusterBackend} from '../../../src/cluster/cluster-backend.js'
import type {KubeconfigSelection} from '../../../src/cluster/kubeconfig/select.js'

// What the cluster backend sends, as a real HTTP server on loopback receives it.

interface Received {
  method: string
  url: string
  contentType: string | undefined
  accept: string | undefined
  authorization: string | undefined
  body: unknown
}

let server: Server
let received: Received[]
let home: string

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8')
  return text === '' ? undefined : (JSON.parse(text) as unknown)
}

beforeEach(async () => {
  received = []
  home = mkdtempSync(join(tmpdir(), 'skiff-cluster-backend-'))
  server = createServer((req, res) => {
    void readBody(req).then((body) => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        contentType: req.headers['content-type'],
        accept: req.headers.accept,
        authorization: req.headers.authorization,
        body,
      })
      res.setHeader('Content-Type', 'application/json')
      const path = new URL(req.url ?? '/', 'http://x').pathname
      if (path === '/api' || path === '/apis') {
        res.end(JSON.stringify({kind: 'APIGroupDiscoveryList', items: discoveryFor(path)}))
      } else res.end(JSON.stringify({kind: 'Deployment', apiVersion: 'apps/v1', metadata: {name: 'web'}}))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
})

afterEach(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  rmSync(home, {recursive: true, force: true})
})

function discoveryFor(path: string): unknown[] {
  const resource = (group: string, kind: string, plural: string) => ({
    metadata: {name: group},
    versions: [
      {
        version: 'v1',
        resources: [
          {
            resource: plural,
            responseKind: {kind},
            scope: 'Namespaced',
            singularResource: kind.toLowerCase(),
            verbs: ['get'],
          },
        ],
      },
    ],
  })
  return path === '/api' ? [resource('', 'Pod', 'pods')] : [resource('apps', 'Deployment', 'deployments')]
}

function selection(extra: Partial<KubeconfigSelection['cluster']> = {}): KubeconfigSelection {
  const {port} = server.address() as AddressInfo
  return {
    contextName: 'c',
    clusterName: 'c',
    userName: 'u',
    cluster: {server: `http://127.0.0.1:${port}`, ...extra},
    user: {token: 't'},
    namespace: '',
  }
}

describe('ClusterBackend', () => {
  it('sends a server-side apply as kubectl does: apply-patch content type, fieldManager and force', async () => {
    const backend = await openClusterBackend(selection(), {env: {SKIFF_HOME: home}})
    const ref = {group: 'apps', version: 'v1', resource: 'deployments', namespace: 'shop'}
    await backend.patch(
      ref,
      'web',
      {type: 'apply', body: {apiVersion: 'apps/v1', kind: 'Deployment'}},
      {fieldManager: 'skiff', force: true},
    )
    await backend.patch(ref, 'web', {type: 'strategic', body: {spec: {}}}, {dryRun: true})
    await backend.close()
    expect(received.map((r) => [r.method, r.url, r.contentType])).toEqual([
      [
        'PATCH',
        '/apis/apps/v1/namespaces/shop/deployments/web?fieldManager=skiff&force=true',
        'application/apply-patch+yaml',
      ],
      [
        'PATCH',
        '/apis/apps/v1/namespaces/shop/deployments/web?dryRun=All&fieldManager=kubectl',
        'application/strategic-merge-patch+json',
      ],
    ])
    expect(received[0]?.authorization).toBe('Bearer t')
  })

  it('finds the collection for a create through discovery, cached on disk for the next process', async () => {
    const first = await openClusterBackend(selection(), {env: {SKIFF_HOME: home}})
    await first.create({apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'web', namespace: 'shop'}})
    await first.close()
    const second = await openClusterBackend(selection(), {env: {SKIFF_HOME: home}})
    await second.create({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'p'}})
    await second.close()
    expect(received.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /api',
      'GET /apis',
      'POST /apis/apps/v1/namespaces/shop/deployments?fieldManager=kubectl',
      'POST /api/v1/namespaces/default/pods?fieldManager=kubectl',
    ])
  })

  it('asks for Tables as kubectl get does, and deletes with DeleteOptions', async () => {
    const backend = await openClusterBackend(selection(), {env: {SKIFF_HOME: home}})
    const pods = {group: '', version: 'v1', resource: 'pods', namespace: 'default'}
    await expect(backend.table(pods, {limit: 500})).rejects.toThrow('did not answer a Table')
    await backend.delete(pods, 'p', {propagationPolicy: 'Foreground', gracePeriodSeconds: 0})
    // --sort-by reads the objects: kubectl asks for them whole then
    await expect(backend.table(pods, {limit: 500, includeObject: 'Object'})).rejects.toThrow('did not answer a Table')
    await backend.close()
    expect(received[0]?.url).toBe('/api/v1/namespaces/default/pods?limit=500&includeObject=Metadata')
    expect(received[2]?.url).toBe('/api/v1/namespaces/default/pods?limit=500&includeObject=Object')
    expect(received[0]?.accept).toBe(
      'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json',
    )
    expect(received[1]?.body).toEqual({
      kind: 'DeleteOptions',
      apiVersion: 'v1',
      propagationPolicy: 'Foreground',
      gracePeriodSeconds: 0,
    })
  })

  it('goes through a proxy-url with client-node’s KubeConfig', async () => {
    // Given: the loopback server is also the proxy: it tunnels CONNECT requests back to itself
    const tunnels: string[] = []
    const {port} = server.address() as AddressInfo
    server.on('connect', (req: IncomingMessage, client: Socket) => {
      tunnels.push(req.url ?? '')
      const upstream = connect(port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
        upstream.pipe(client)
        client.pipe(upstream)
      })
    })
    const backend = await openClusterBackend(
      {...selection(), cluster: {server: 'http://cluster.invalid:6443', 'proxy-url': `http://127.0.0.1:${port}`}},
      {env: {SKIFF_HOME: home}},
    )
    await backend.get({group: 'apps', version: 'v1', resource: 'deployments', namespace: 'a'}, 'web')
    await backend.close()
    expect(tunnels).toEqual(['cluster.invalid:6443'])
    expect(received[0]?.url).toBe('/apis/apps/v1/namespaces/a/deployments/web')
    expect(received[0]?.authorization).toBe('Bearer t')
  })
})
