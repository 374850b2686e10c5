import type {IncomingMessage} from 'node:http'
import {StatusError} from '../../backend/status.js'
import {failureStatus} from './status-response.js'

/** kube-apiserver's limit on a request body (3 MiB, apiserver's MaxRequestBodyBytes). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024

function tooLarge(limit: number): StatusError {
  return new StatusError(failureStatus(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${limit}`))
}

/**
 * Reads a request body, failing with 413 RequestEntityTooLarge past the limit. The rest of a body that is
 * too large is read and dropped, so the client gets the Status instead of a reset connection.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer | string) => {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)
      size += buffer.length
      if (size <= limit) chunks.push(buffer)
    })
    req.once('end', () => (size > limit ? reject(tooLarge(limit)) : resolve(Buffer.concat(chunks))))
    req.once('error', reject)
  })
}
