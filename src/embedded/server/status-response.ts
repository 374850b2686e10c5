import type {ServerResponse} from 'node:http'
import {isStatusError, type Status} from '../../backend/status.js'

/** A Failure Status with any code and reason (for the ones status.ts has no constructor for). */
export function failureStatus(code: number, reason: string, message: string): Status {
  return {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code}
}

/** Writes a JSON body with a status code; Content-Type is plain application/json, which also tells kubectl
 * that aggregated discovery is not served so it falls back to the legacy documents. */
export function writeJson(res: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(code, {'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text)})
  res.end(text)
}

/** Writes a Status as kube-apiserver does: the body is the Status, the HTTP code its code. */
export function writeStatus(res: ServerResponse, status: Status): void {
  writeJson(res, status.code, status)
}

/** The Status an error thrown while serving becomes: StatusErrors as they are, anything else a 500. */
export function statusOf(error: unknown): Status {
  if (isStatusError(error)) return error.status
  const message = error instanceof Error ? error.message : String(error)
  return failureStatus(500, 'InternalError', `Internal error occurred: ${message}`)
}
