import type {ServerResponse} from 'node:http'
import {closeAfterAnswer, hasUnreadBody} from './connection-close.js'
import {isStatusError, type Status, StatusError} from '../../backend/status.js'

/** A Failure Status with any code and reason (for the ones status.ts has no constructor for). */
export function failureStatus(code: number, reason: string, message: string, details?: Status['details']): Status {
  const status: Status = {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code}
  if (details) status.details = details
  return status
}

// go-restful's answers for a path or a method no route serves, which kube-apiserver's serviceErrorHandler
// turns into NewGenericServerResponse(code, "", GroupResource{}, "", ...): its details are present and
// empty (handler.go, apimachinery errors.go, v1.32). kubectl reads them (`kubectl debug` reads
// details.name of a NotFound), so they must be there.
/** 404 for a path no API serves (an unknown resource, subresource or group version). */
export function pathNotFound(): StatusError {
  return new StatusError(failureStatus(404, 'NotFound', 'the server could not find the requested resource', {}))
}

/** 405 for a method the path's routes do not take. */
export function methodNotAllowedOnPath(): StatusError {
  return new StatusError(
    failureStatus(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {}),
  )
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

// metav1.StatusDetails and StatusCause mark every field omitempty: Go leaves out what is empty
function omitEmpty<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== '' && v !== 0 && !(Array.isArray(v) && v.length === 0)),
  ) as Partial<T>
}

/** A Status as kube-apiserver encodes it: empty details fields are left out, present-but-empty details stay `{}`. */
export function wireStatus(status: Status): Status {
  if (status.details === undefined) return status
  const details = omitEmpty(status.details)
  if (status.details.causes && status.details.causes.length > 0) {
    details.causes = status.details.causes.map((cause) => omitEmpty(cause) as typeof cause)
  }
  return {...status, details}
}

/**
 * Writes a Status as kube-apiserver does: the body is the Status, the HTTP code its code. An answer given
 * before the request's body has all arrived (too large, too slow, or refused unread) is the connection's
 * last, as Go's net/http closes a connection whose body is left unread, so no body is read for ever.
 */
export function writeStatus(res: ServerResponse, status: Status): void {
  if (hasUnreadBody(res.req)) closeAfterAnswer(res)
  writeJson(res, status.code, wireStatus(status))
}

/**
 * The Status an error thrown while serving becomes: StatusErrors as they are, anything else a 500 whose
 * details carry the error as their one cause (apimachinery NewInternalError, v1.32).
 */
export function statusOf(error: unknown): Status {
  if (isStatusError(error)) return error.status
  const message = error instanceof Error ? error.message : String(error)
  return failureStatus(500, 'InternalError', `Internal error occurred: ${message}`, {
    causes: [{reason: '', message, field: ''}],
  })
}
