import type {IncomingMessage} from 'node:http'
import {parse as parseYaml} from 'yaml'
import {StatusError} from '../../backend/status.js'
import {failureStatus} from './status-response.js'

/** kube-apiserver's limit on a request body (3 MiB, apiserver's MaxRequestBodyBytes). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024

/** Reads a request body, failing with 413 RequestEntityTooLarge past the limit. */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
    size += buffer.length
    if (size > limit) {
      throw new StatusError(failureStatus(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${limit}`))
    }
    chunks.push(buffer)
  }
  return Buffer.concat(chunks)
}

/** Decodes a JSON (or, for apply patches, YAML) body; bad input is a 400 BadRequest as the API server words it. */
export function decodeBody(body: Buffer, yaml = false): unknown {
  const text = body.toString('utf8')
  try {
    return yaml ? (parseYaml(text) as unknown) : (JSON.parse(text) as unknown)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    throw new StatusError(
      failureStatus(400, 'BadRequest', `the body of the request was in an unknown format: ${detail}`),
    )
  }
}
