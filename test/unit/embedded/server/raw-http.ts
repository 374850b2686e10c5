import {Agent, request} from 'node:http'
import {connect, type Socket} from 'node:net'

// Requests whose targets go out byte for byte: fetch() (WHATWG URL) would resolve `..`, `%2E%2E` and
// fix malformed escapes before sending, which is the very thing these tests look at.

/** What came back for one request. */
export interface RawAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  /** the body as JSON, or undefined when it is not JSON */
  json: Record<string, unknown> | undefined
}

/** How one raw request is sent. */
export interface RawRequest {
  method: string
  /** the request target exactly as it goes on the wire */
  target: string
  token: string
  body?: string
  contentType?: string
  agent?: Agent
  /** a streamed answer (a watch: chunked, no length) resolves at its headers, and its connection is dropped */
  stopAtStream?: boolean
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(text) as Record<string, unknown>
  } catch {
    return undefined
  }
}

/** One request over node:http, the target left exactly as given. */
export function rawRequest(
  port: number,
  {method, target, token, body, contentType, agent, stopAtStream}: RawRequest,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {Authorization: `Bearer ${token}`}
    if (body !== undefined) {
      headers['Content-Type'] = contentType ?? 'application/json'
      headers['Content-Length'] = String(Buffer.byteLength(body))
    }
    const req = request({host: '127.0.0.1', port, method, path: target, headers, ...(agent ? {agent} : {})}, (res) => {
      if (stopAtStream && res.headers['transfer-encoding'] === 'chunked') {
        res.destroy()
        resolve({status: res.statusCode ?? 0, headers: res.headers, text: '', json: undefined})
        return
      }
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({status: res.statusCode ?? 0, headers: res.headers, text, json: parseJson(text)}))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}

/**
 * Writes a request head on a plain socket, lets `feed` send (or not send) the body, and resolves with
 * everything the server sent once the server has closed the connection.
 */
export function rawExchange(
  port: number,
  head: string,
  feed: (socket: Socket) => void = () => undefined,
): Promise<string> {
  return new Promise((resolve) => {
    let received = ''
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(head)
      feed(socket)
    })
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (received += chunk))
    // a write after the server stopped reading fails; what it sent before is still read
    socket.on('error', () => undefined)
    socket.on('close', () => resolve(received))
  })
}

/** The status line and the JSON body of a raw HTTP/1.1 response text. */
export function parseRawResponse(text: string): {
  statusLine: string
  headers: string
  body: Record<string, unknown> | undefined
} {
  const end = text.indexOf('\r\n\r\n')
  const head = end === -1 ? text : text.slice(0, end)
  const [statusLine = '', ...headerLines] = head.split('\r\n')
  return {statusLine, headers: headerLines.join('\n'), body: end === -1 ? undefined : parseJson(text.slice(end + 4))}
}
