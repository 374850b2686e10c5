import type {IncomingMessage, ServerResponse} from 'node:http'
import {clearTimeout, setTimeout} from 'node:timers'

// Go's net/http closeWriteAndWait: after answering a request whose body it left unread, it closes its
// sending side, keeps reading for rstAvoidanceDelay (500 ms) and only then closes, so a client still
// sending gets the answer and an orderly end instead of a reset that may swallow it (server.go, Go 1.23).
const LINGER_MS = 500

/** Whether part of the request's body has not arrived yet. */
export function hasUnreadBody(req: IncomingMessage): boolean {
  if (req.complete) return false
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0
}

/**
 * Makes this answer the connection's last, ended as Go ends it: `Connection: close`, then, once the
 * answer is out, the connection's sending side is closed, the rest of the body is read and dropped, and
 * the connection is destroyed after a short linger. Call before the answer's headers are written.
 */
export function closeAfterAnswer(res: ServerResponse): void {
  res.setHeader('Connection', 'close')
  res.once('finish', () => {
    const socket = res.req.socket
    // Node has just ended the socket for `Connection: close` and would destroy it as soon as the answer
    // is flushed, resetting a client that is still sending: linger instead
    socket.removeListener('finish', socket.destroy)
    if (!socket.writableEnded) socket.end()
    res.req.resume()
    const timer = setTimeout(() => socket.destroy(), LINGER_MS)
    timer.unref()
    socket.once('close', () => clearTimeout(timer))
  })
}
