import {request as httpRequest, type IncomingMessage} from 'node:http'
import {request as httpsRequest} from 'node:https'
import type {Connection} from './credentials.js'
import {connectionError, statusErrorFromResponse, type RequestDescription} from './server-errors.js'

/** One API request. */
export interface ApiRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: string
  query?: Record<string, string | number | boolean | undefined>
  body?: unknown
  contentType?: string
  accept?: string
  /** for errors without a Status body: the resource and name the request was about */
  about?: Omit<RequestDescription, 'method'>
}

/** A finished response: status code, Date header and body text. */
interface ApiResponse {
  status: number
  date: string | undefined
  text: string
}

// the HTTP Date header's resolution
const DATE_RESOLUTION_MS = 1000

// client-go's default User-Agent shape: program/version (os/arch) kubernetes/commit
const USER_AGENT = `skiff (${process.platform}/${process.arch}) kubernetes/unknown`

/**
 * The API server's REST endpoint over node:http(s) with the connection's agent: raw JSON in and out,
 * every failure a StatusError (from the server) or a VerbatimError (network), as kubectl words them.
 */
export class ApiClient {
  /** How far the server's clock (its Date header) is ahead of ours; 0 when they agree to the header's second. */
  clockOffsetMs: number | undefined

  constructor(
    readonly connection: Connection,
    private readonly timeoutMs: number | undefined,
  ) {}

  /** Sends a request and reads the whole response; non-2xx answers throw. */
  async send(request: ApiRequest): Promise<ApiResponse> {
    const response = await this.open(request)
    const text = await readText(response)
    const status = response.statusCode ?? 0
    if (status < 200 || status > 299) throw this.failure(request, status, text)
    return {status, date: response.headers.date, text}
  }

  /** Sends a request and parses the JSON it answers. */
  async json<T>(request: ApiRequest): Promise<T> {
    return JSON.parse((await this.send(request)).text) as T
  }

  /** Opens a streaming response (watch, log follow); a non-2xx answer throws after reading its body. */
  async stream(request: ApiRequest, signal?: AbortSignal): Promise<IncomingMessage> {
    const response = await this.open(request, {streaming: true, ...(signal ? {signal} : {})})
    const status = response.statusCode ?? 0
    if (status < 200 || status > 299) throw this.failure(request, status, await readText(response))
    return response
  }

  /** Frees the agent's sockets so the process can exit. */
  close(): void {
    this.connection.agent.destroy()
  }

  private noteDate(date: string | undefined): void {
    const serverMs = Date.parse(date ?? '')
    if (Number.isNaN(serverMs)) return
    const offset = serverMs - Date.now()
    // the header counts whole seconds: within one, the clocks agree as far as anyone can tell
    this.clockOffsetMs = offset > -DATE_RESOLUTION_MS && offset < DATE_RESOLUTION_MS ? 0 : offset
  }

  private failure(request: ApiRequest, status: number, text: string): Error {
    return statusErrorFromResponse(status, text, {
      method: request.method,
      qualifiedResource: request.about?.qualifiedResource ?? '',
      name: request.about?.name ?? '',
    })
  }

  private open(
    request: ApiRequest,
    options: {streaming?: boolean; signal?: AbortSignal} = {},
  ): Promise<IncomingMessage> {
    const {server, agent, headers} = this.connection
    const url = new URL(server.href.replace(/\/+$/, '') + request.path)
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value))
    }
    const body = request.body === undefined ? undefined : Buffer.from(JSON.stringify(request.body))
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest
    return new Promise((resolve, reject) => {
      let timedOut = false
      const req = send(url, {
        method: request.method,
        agent,
        headers: {
          ...headers,
          Accept: request.accept ?? 'application/json',
          'User-Agent': USER_AGENT,
          ...(body ? {'Content-Type': request.contentType ?? 'application/json', 'Content-Length': body.length} : {}),
        },
        ...(options.signal ? {signal: options.signal} : {}),
      })
      // --request-timeout bounds the wait for headers, and the whole body of a non-streaming request
      const timer =
        this.timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              timedOut = true
              req.destroy(new Error('request timed out'))
            }, this.timeoutMs)
      req.on('response', (response) => {
        this.noteDate(response.headers.date)
        if (options.streaming && timer) clearTimeout(timer)
        else if (timer) response.on('end', () => clearTimeout(timer))
        resolve(response)
      })
      req.on('error', (error) => {
        if (timer) clearTimeout(timer)
        if ((error as {name?: string}).name === 'AbortError') reject(error)
        else reject(connectionError(error, server, {timedOut}))
      })
      req.end(body)
    })
  }
}

async function readText(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of response) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}
