import {readFileSync, writeFileSync} from 'node:fs'
import {createServer, request, type IncomingMessage, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {join} from 'node:path'
import {execa} from 'execa'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {BIN, createSandbox, type Sandbox} from './support/cli.js'
import {startServe, type RunningServe} from './support/serve.js'

// `get` through the cluster backend prints the rows of a list's first chunk before it asks for the last
// chunk. A plain forwarding proxy between skiff and a real `skiff serve` holds the request for the last
// chunk until skiff's stdout shows the first chunk's row: a client that printed only after the last chunk
// would never print it, and the proxy gives up waiting and says so.

let sandbox: Sandbox
let server: RunningServe
let proxy: Server
let proxyKubeconfig: string
let clientHome: string

const PODS = ['chunk-a', 'chunk-b', 'chunk-c']
// a client that waits for every chunk before printing would hang here: long enough for skiff to print
const HOLD_LIMIT_MS = 20_000

// what the proxy saw of the pod list requests, and what it held
const seen = {listRequests: 0, heldUntilRowPrinted: false as boolean | undefined}
let stdoutSoFar = ''
let rowPrinted: () => void = () => undefined

function clientEnv(): Record<string, string> {
  return {HOME: clientHome, SKIFF_HOME: join(clientHome, '.skiff'), KUBECONFIG: '', NO_COLOR: '1'}
}

function isPodList(req: IncomingMessage): boolean {
  const url = new URL(req.url ?? '/', 'http://proxy')
  return req.method === 'GET' && url.pathname === '/api/v1/namespaces/default/pods' && url.searchParams.has('limit')
}

async function holdLastChunk(): Promise<void> {
  if (stdoutSoFar.includes(PODS[0] ?? '')) {
    seen.heldUntilRowPrinted = true
    return
  }
  seen.heldUntilRowPrinted = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), HOLD_LIMIT_MS)
    rowPrinted = () => {
      clearTimeout(timer)
      resolve(true)
    }
  })
}

function startProxy(target: URL): Promise<Server> {
  const forward = createServer((req, res) => {
    const go = (): void => {
      const upstream = request(
        {host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers},
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
        },
      )
      upstream.on('error', () => res.destroy())
      req.pipe(upstream)
    }
    if (isPodList(req) && ++seen.listRequests === PODS.length) void holdLastChunk().then(go)
    else go()
  })
  return new Promise((resolve) => forward.listen(0, '127.0.0.1', () => resolve(forward)))
}

beforeAll(async () => {
  sandbox = createSandbox()
  server = await startServe(sandbox, ['--insecure-http'])
  clientHome = join(sandbox.home, 'client')
  await execa('mkdir', ['-p', clientHome])
  const pods = PODS.map((name) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name},
    // left unscheduled, so every row keeps its width (Pending, 0 restarts) while the test runs
    spec: {schedulerName: 'unscheduled', containers: [{name: 'main', image: 'busybox:1.36'}]},
  }))
  const created = await execa('node', [BIN, 'create', '-f', '-', '--kubeconfig', server.kubeconfig], {
    input: JSON.stringify({apiVersion: 'v1', kind: 'List', items: pods}),
    env: clientEnv(),
    reject: false,
  })
  expect(created.exitCode, created.stderr).toBe(0)
  proxy = await startProxy(new URL(server.address))
  const port = (proxy.address() as AddressInfo).port
  proxyKubeconfig = join(sandbox.home, 'proxy.kubeconfig')
  writeFileSync(
    proxyKubeconfig,
    readFileSync(server.kubeconfig, 'utf8').replaceAll(server.address, `http://127.0.0.1:${port}`),
  )
})

afterAll(async () => {
  if (proxy) await new Promise((resolve) => proxy.close(resolve))
  await server?.stop()
  sandbox?.dispose()
})

describe('get through the cluster backend, chunk by chunk', () => {
  it('prints the first chunk’s rows before it asks for the last chunk', async () => {
    const child = execa('node', [BIN, 'get', 'pods', '--chunk-size', '1', '--kubeconfig', proxyKubeconfig], {
      env: clientEnv(),
      reject: false,
    })
    child.stdout?.on('data', (chunk: Buffer) => {
      stdoutSoFar += chunk.toString()
      if (stdoutSoFar.includes(PODS[0] ?? '')) rowPrinted()
    })
    const result = await child
    expect(result.exitCode, String(result.stderr)).toBe(0)
    expect(seen.listRequests).toBe(PODS.length)
    expect(seen.heldUntilRowPrinted).toBe(true)
    // one header, every row once, in order
    const lines = String(result.stdout).split('\n')
    expect(lines[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/)
    expect(lines.slice(1).map((line) => line.split(/\s+/)[0])).toEqual(PODS)
  })

  it('prints chunk by chunk what it prints for the whole list at once, when the widths agree', async () => {
    // (kubectl will not send a bearer token over plain HTTP; compare.e2e.ts holds one-chunk lists to kubectl's)
    const get = (chunkSize: string): Promise<{exitCode?: number; stdout: unknown; stderr: unknown}> =>
      execa('node', [BIN, 'get', 'pods', '--chunk-size', chunkSize, '--kubeconfig', server.kubeconfig], {
        env: clientEnv(),
        reject: false,
      })
    const [chunked, whole] = await Promise.all([get('2'), get('0')])
    const ages = (text: unknown): string => String(text).replace(/\b(\d+[smhd])+\b/g, '<AGE>')
    expect(chunked.exitCode, String(chunked.stderr)).toBe(0)
    expect(ages(chunked.stdout)).toBe(ages(whole.stdout))
    expect(String(whole.stdout).split('\n')).toHaveLength(PODS.length + 1)
  })
})
