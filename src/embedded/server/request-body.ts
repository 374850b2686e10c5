import type {IncomingMessage} from 'node:http'
import {StatusError} from '../../backend/status.js'
import {requestTimedOut} from './request-deadline.js'
import {failureStatus} from './status-response.js'

/** kube-apiserver's limit on a request body (3 MiB, apiserver server/config.go MaxRequestBodyBytes). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024

/** How a body is read. */
export interface ReadBodyOptions {
  limit?: number
  /** the request's deadline: reading stops there (the deadline's own answer goes to the client) */
  signal?: AbortSignal
}

// handlers/rest.go limitedReadBody: NewRequestEntityTooLargeError(fmt.Sprintf("limit is %d", limit)), no details
function tooLarge(limit: number): StatusError {
  return new StatusError(failureStatus(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${limit}`))
}

/**
 * Reads a request body, failing with 413 RequestEntityTooLarge as soon as it passes the limit (a
 * Content-Length past it fails before anything is read), and with the deadline when the signal aborts.
 * Either way nothing more is read: the answer then closes the connection (writeStatus), so a body that
 * never ends is never read for ever.
 */
export function readBody(
  req: IncomingMessage,
  {limit = MAX_BODY_BYTES, signal}: ReadBodyOptions = {},
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? Number.NaN)
    if (declared > limit) {
      reject(tooLarge(limit))
      return
    }
    if (signal?.aborted) {
      reject(requestTimedOut())
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    const stop = (error: StatusError | undefined): void => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onError)
      signal?.removeEventListener('abort', onAbort)
      if (error) {
        req.pause()
        reject(error)
      } else resolve(Buffer.concat(chunks))
    }
    const onData = (chunk: Buffer | string): void => {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)
      size += buffer.length
      if (size > limit) stop(tooLarge(limit))
      else chunks.push(buffer)
    }
    const onEnd = (): void => stop(undefined)
    const onError = (error: Error): void => {
      req.off('data', onData)
      req.off('end', onEnd)
      signal?.removeEventListener('abort', onAbort)
      reject(error)
    }
    const onAbort = (): void => stop(requestTimedOut())
    req.on('data', onData)
    req.once('end', onEnd)
    req.once('error', onError)
    signal?.addEventListener('abort', onAbort, {once: true})
  })
}
