import {readFileSync} from 'node:fs'
import {request} from 'node:https'
import {connect, type TLSSocket} from 'node:tls'
import {execa} from 'execa'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parse as parseYaml} from 'yaml'
import {createSandbox, type Sandbox} from './support/cli.js'
import {startServe, type RunningServe} from './support/serve.js'

// `skiff serve` at its edges, over its real HTTPS socket: request paths that must not reach another
// object, malformed escapes, limits on headers, bodies and time, watch parameters at their limits, and
// the Status details real kubectl reads. Raw requests go out byte for byte (no client normalises them).

interface Endpoint {
  host: string
  port: number
  ca: Buffer
  token: string
}

function endpointOf(serve: RunningServe): Endpoint {
  const config = parseYaml(readFileSync(serve.kubeconfig, 'utf8')) as {
    clusters: Array<{cluster: {server: string; 'certificate-authority-data': string}}>
    users: Array<{user: {token: string}}>
  }
  const url = new URL(config.clusters[0]?.cluster.server ?? '')
  return {
    host: url.hostname,
    port: Number(url.port),
    ca: Buffer.from(config.clusters[0]?.cluster['certificate-authority-data'] ?? '', 'base64'),
    token: config.users[0]?.user.token ?? '',
  }
}

interface Answer {
  status: number
  body: Record<string, unknown> | undefined
}

function send(endpoint: Endpoint, method: string, target: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: endpoint.host,
        port: endpoint.port,
        ca: endpoint.ca,
        method,
        path: target,
        headers: {Authorization: `Bearer ${endpoint.token}`},
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
          }),
        )
      },
    )
    req.on('error', reject)
    req.end()
  })
}

/** Sends a request head, lets `feed` write (or hold back) the body; resolves with all the server sent until it closed. */
function exchange(endpoint: Endpoint, head: string, feed: (socket: TLSSocket) => void): Promise<string> {
  return new Promise((resolve) => {
    let received = ''
    const socket = connect({host: endpoint.host, port: endpoint.port, ca: endpoint.ca}, () => {
      socket.write(head.replace('TOKEN', endpoint.token))
      feed(socket)
    })
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (received += chunk))
    // writes after the server stopped reading fail; what it answered is still read
    socket.on('error', () => undefined)
    socket.on('close', () => resolve(received))
  })
}

function statusLineAndBody(text: string): {statusLine: string; body: Record<string, unknown>} {
  const end = text.indexOf('\r\n\r\n')
  return {
    statusLine: text.slice(0, text.indexOf('\r\n')),
    body: JSON.parse(text.slice(end + 4)) as Record<string, unknown>,
  }
}

function post(target: string, framing: string): string {
  return `POST ${target} HTTP/1.1\r\nHost: skiff\r\nAuthorization: Bearer TOKEN\r\nContent-Type: application/json\r\n${framing}\r\n`
}

const FIXTURES = `apiVersion: v1
kind: Namespace
metadata: {name: edge}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: keep, namespace: edge}
data: {a: "1"}
---
apiVersion: v1
kind: Pod
metadata: {name: box, namespace: edge}
spec:
  containers:
  - name: main
    image: busybox
    command: [sleep, '3600']
`

describe('skiff serve at its edges', () => {
  let sandbox: Sandbox
  let serve: RunningServe
  let endpoint: Endpoint

  const kubectl = (args: readonly string[], input?: string) =>
    execa('kubectl', ['--kubeconfig', serve.kubeconfig, ...args], {
      reject: false,
      env: {HOME: sandbox.home, KUBECONFIG: ''},
      cwd: sandbox.home,
      timeout: 60_000,
      ...(input === undefined ? {} : {input}),
    })

  beforeAll(async () => {
    sandbox = createSandbox()
    expect((await sandbox.run(['get', 'nodes'])).exitCode).toBe(0)
    serve = await startServe(sandbox)
    endpoint = endpointOf(serve)
    expect((await kubectl(['apply', '-f', '-'], FIXTURES)).exitCode).toBe(0)
  })

  afterAll(async () => {
    await serve?.stop()
    sandbox?.dispose()
  })

  it('refuses `..` as a name, escaped or not, and leaves the namespace and its objects', async () => {
    for (const name of ['%2E%2E', '..', '%2e', '.']) {
      for (const method of ['DELETE', 'GET']) {
        const answer = await send(endpoint, method, `/api/v1/namespaces/edge/configmaps/${name}`)
        expect(answer.status).toBe(400)
        expect(answer.body?.['reason']).toBe('BadRequest')
        expect(String(answer.body?.['message'])).toMatch(/^Name parameter invalid: "\.\.?": may not be '\.\.?'$/)
      }
    }
    expect((await kubectl(['get', 'namespace', 'edge', '-o', 'name'])).stdout).toBe('namespace/edge')
    expect((await kubectl(['get', 'configmap', 'keep', '-n', 'edge', '-o', 'name'])).stdout).toBe('configmap/keep')
  })

  it('answers malformed escapes with a 400 Status, not a 500', async () => {
    const answer = await send(endpoint, 'DELETE', '/api/v1/namespaces/edge/configmaps/%zz')
    expect(answer).toEqual({
      status: 400,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'malformed request path: invalid URL escape "%zz"',
        reason: 'BadRequest',
        code: 400,
      },
    })
    expect((await send(endpoint, 'GET', '/api/v1/namespaces/edge/configmaps/%C0%AF')).status).toBe(400)
  })

  it('lets kubectl debug report ephemeral containers missing instead of panicking on a Status without details', async () => {
    const debug = await kubectl(['debug', '-n', 'edge', 'box', '--image=busybox'])
    expect(debug.exitCode).toBe(1)
    expect(debug.stderr).not.toContain('panic')
    expect(debug.stderr).toContain(
      'error: ephemeral containers are disabled for this cluster (error from server: "the server could not find the requested resource")',
    )
  })

  it('serves a 100 KB label selector from kubectl', async () => {
    const values = Array.from({length: 14_000}, (_, i) => `v${i}`).join(',')
    const listed = await kubectl(['get', 'configmaps', '-n', 'edge', '-l', `app in (${values})`])
    expect(listed.stderr).toBe('No resources found in edge namespace.')
    expect(listed.exitCode).toBe(0)
  })

  it('answers a resourceVersion that is no number as kube-apiserver does, for a watch and a list', async () => {
    const watch = await kubectl(['get', '--raw', '/api/v1/namespaces/edge/configmaps?watch=1&resourceVersion=abc'])
    expect(watch.exitCode).toBe(1)
    expect(watch.stderr).toBe(
      'The request is invalid: resourceVersion: Invalid value: "abc": strconv.ParseUint: parsing "abc": invalid syntax',
    )
    const list = await kubectl(['get', '--raw', '/api/v1/namespaces/edge/configmaps?resourceVersion=abc&limit=500'])
    expect(list.stderr).toBe(
      'Error from server (BadRequest): invalid resource version: resourceVersion: Invalid value: "abc": strconv.ParseUint: parsing "abc": invalid syntax',
    )
  })

  it('keeps a watch open for a timeoutSeconds past what a Node timer holds', async () => {
    let seen = ''
    const text = await exchange(
      endpoint,
      'GET /api/v1/namespaces/edge/configmaps?watch=1&timeoutSeconds=4294968 HTTP/1.1\r\nHost: skiff\r\nAuthorization: Bearer TOKEN\r\n\r\n',
      (socket) => {
        socket.on('data', (chunk: string) => {
          seen += chunk
          if (seen.includes('"late"')) socket.destroy()
        })
        void kubectl(['create', 'configmap', 'late', '-n', 'edge', '--dry-run=client', '-o', 'yaml']).then((yaml) =>
          kubectl(['apply', '-f', '-'], yaml.stdout),
        )
      },
    )
    expect(text.startsWith('HTTP/1.1 200 OK')).toBe(true)
    expect(text).toContain('"name":"late"')
  })

  it('stops reading a body that never ends at 3 MiB and answers 413', async () => {
    const chunk = 'a'.repeat(64 * 1024)
    const text = await exchange(
      endpoint,
      post('/api/v1/namespaces/edge/configmaps', 'Transfer-Encoding: chunked\r\n'),
      (socket) => {
        const pump = (): void => {
          while (!socket.destroyed) {
            if (!socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`)) {
              socket.once('drain', pump)
              return
            }
          }
        }
        pump()
      },
    )
    const answer = statusLineAndBody(text)
    expect(answer.statusLine).toBe('HTTP/1.1 413 Payload Too Large')
    expect(answer.body['message']).toBe('Request entity too large: limit is 3145728')
  })

  it('answers 504 Timeout to a body that stalls past the timeout the client asked for', async () => {
    const text = await exchange(
      endpoint,
      post('/api/v1/namespaces/edge/configmaps?timeout=1s', 'Content-Length: 100\r\n'),
      (socket) => {
        socket.write('{"apiVersion":')
      },
    )
    expect(statusLineAndBody(text)).toEqual({
      statusLine: 'HTTP/1.1 504 Gateway Timeout',
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Timeout: request did not complete within the allotted timeout',
        reason: 'Timeout',
        details: {},
        code: 504,
      },
    })
    const bad = await kubectl(['get', '--raw', '/api/v1/namespaces/edge/configmaps?timeout=abc'])
    expect(bad.stderr).toBe(
      'Error from server (BadRequest): invalid timeout specified in the request URL - time: invalid duration "abc"',
    )
  })
})

describe('skiff serve --server-request-timeout', () => {
  it('answers 504 to a body still arriving at the server deadline', async () => {
    const sandbox = createSandbox()
    try {
      expect((await sandbox.run(['get', 'nodes'])).exitCode).toBe(0)
      const serve = await startServe(sandbox, ['--server-request-timeout', '1s'])
      try {
        const text = await exchange(
          endpointOf(serve),
          post('/api/v1/namespaces/default/configmaps', 'Content-Length: 100\r\n'),
          (socket) => socket.write('{'),
        )
        expect(statusLineAndBody(text).body['reason']).toBe('Timeout')
      } finally {
        await serve.stop()
      }
    } finally {
      sandbox.dispose()
    }
  })

  it('refuses a duration that is not one', async () => {
    const sandbox = createSandbox()
    try {
      const result = await sandbox.run(['serve', '--server-request-timeout', 'soon'])
      expect(result.exitCode).toBe(1)
      expect(result.stderr).toContain(
        'error: invalid argument "soon" for "--server-request-timeout" flag: time: invalid duration "soon"',
      )
    } finally {
      sandbox.dispose()
    }
  })
})
