import {Agent, createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {afterEach, describe, expect, it} from 'vitest'
import {ApiClient} from '../../../src/cluster/api-client.js'
import {renderError} from '../../../src/cli/render-error.js'

let server: Server | undefined

afterEach(async () => {
  server?.closeAllConnections()
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = undefined
})

// a real HTTP server on loopback that answers each request with `handler`
async function listen(handler: Parameters<typeof createServer>[1]): Promise<ApiClient['connection']> {
  server = createServer(handler)
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  return {server: new URL(`http://127.0.0.1:${port}`), agent: new Agent(), headers: {Authorization: 'Bearer t'}}
}

describe('ApiClient', () => {
  it('sends the token and the query, and reads JSON', async () => {
    const connection = await listen((req, res) => {
      res.setHeader('Content-Type', 'application/json')
      res.end(JSON.stringify({url: req.url, auth: req.headers.authorization, accept: req.headers.accept}))
    })
    const client = new ApiClient(connection, undefined)
    const answer = await client.json<Record<string, string>>({
      method: 'GET',
      path: '/api/v1/pods',
      query: {labelSelector: 'app=web', limit: 5, continue: undefined},
      accept: 'application/json;as=Table;v=v1;g=meta.k8s.io',
    })
    client.close()
    expect(answer).toEqual({
      url: '/api/v1/pods?labelSelector=app%3Dweb&limit=5',
      auth: 'Bearer t',
      accept: 'application/json;as=Table;v=v1;g=meta.k8s.io',
    })
  })

  it('turns an error response into kubectl’s words, Status or not', async () => {
    const connection = await listen((req, res) => {
      res.statusCode = 404
      if (req.url?.startsWith('/status')) {
        res.end(JSON.stringify({kind: 'Status', status: 'Failure', reason: 'NotFound', message: 'pods "x" not found'}))
      } else res.end('404 page not found')
    })
    const client = new ApiClient(connection, undefined)
    const about = {qualifiedResource: 'pods', name: 'x'}
    const [fromStatus, generic] = await Promise.allSettled([
      client.send({method: 'GET', path: '/status', about}),
      client.send({method: 'GET', path: '/plain', about}),
    ])
    client.close()
    expect(fromStatus.status === 'rejected' && renderError(fromStatus.reason)).toBe(
      'Error from server (NotFound): pods "x" not found\n',
    )
    expect(generic.status === 'rejected' && renderError(generic.reason)).toBe(
      'Error from server (NotFound): the server could not find the requested resource (get pods x)\n',
    )
  })

  it('gives up after --request-timeout with kubectl’s words', async () => {
    // a server that accepts the request and never answers
    const connection = await listen(() => undefined)
    const client = new ApiClient(connection, 100)
    await expect(client.send({method: 'GET', path: '/api'})).rejects.toThrow(
      'Unable to connect to the server: net/http: request canceled (Client.Timeout exceeded while awaiting headers)',
    )
    client.close()
  })

  it('tracks the server’s clock from its Date header', async () => {
    const connection = await listen((_req, res) => {
      res.setHeader('Date', new Date(Date.now() + 3_600_000).toUTCString())
      res.end('{}')
    })
    const client = new ApiClient(connection, undefined)
    await client.send({method: 'GET', path: '/version'})
    client.close()
    expect(client.clockOffsetMs).toBeGreaterThan(3_590_000)
    expect(client.clockOffsetMs).toBeLessThan(3_601_000)
  })
})
