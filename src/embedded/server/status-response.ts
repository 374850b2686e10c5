import type {ServerResponse} from 'node:http'
import {isStatusError, type Status} from '../../backend/status.js'

/** A Failure Status with any code and reason (for the ones status.ts has no constructor for). */
export function failureStatus(code: number, reason: string, message: string): Status {
  return {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code}
}

/** Writes a JSON body with a status code; Content-Type is plain application/json, which also tells kubectl
 * that aggregated discovery is not served so it falls back to the legacy documents. */
export function writeJson(res: ServerResponse, code: number, body: unknown, warnings: readonly string[] = []): void {
  const text = JSON.stringify(body)
  const headers: Record<string, string | number | string[]> = {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  }
  if (warnings.length > 0) headers['Warning'] = warnings.map(warningHeader)
  res.writeHead(code, headers)
  res.end(text)
}

// RFC 7234 warning: code 299, agent "-", the text quoted with its quotes and backslashes escaped
// (apiserver pkg/endpoints/filters/warning.go, v1.32); kubectl prints it as `Warning: <text>`
/** One Warning header value as kube-apiserver writes it. */
export function warningHeader(text: string): string {
  return `299 - "${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
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
