// kube-apiserver's request deadline (v1.32): every request that is not long-running must be answered
// within --request-timeout (1m0s by default), or within the shorter `timeout` query parameter a client
// sends (client-go sends its own timeout there, e.g. kubectl --request-timeout); a bad one is a 400
// (endpoints/filters/request_deadline.go). When the time is up, the answer is a 504 Timeout Status if
// none has started, else the connection is cut (server/filters/timeout.go). Long-running requests are
// watches and the attach, exec, log, portforward and proxy subresources (BasicLongRunningRequestCheck,
// as kube-apiserver configures it).
import type {IncomingMessage, ServerResponse} from 'node:http'
import {badRequest, StatusError} from '../../backend/status.js'
import {GoDurationError, parseGoDurationMs} from '../../resources/go-duration.js'
import {deadlineAfter} from './deadline.js'
import {wantsWatch} from './resource/query.js'
import type {Route} from './route.js'
import {failureStatus, writeStatus} from './status-response.js'

/** kube-apiserver's --request-timeout default (1m0s, v1.32). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000

const LONG_RUNNING_SUBRESOURCES = new Set(['attach', 'exec', 'log', 'portforward', 'proxy'])

/** The 504 of a request past its deadline: NewTimeoutError(..., 0), whose details are present and empty. */
export function requestTimedOut(): StatusError {
  return new StatusError(
    failureStatus(504, 'Timeout', 'Timeout: request did not complete within the allotted timeout', {}),
  )
}

function isLongRunning(route: Route, method: string, query: URLSearchParams): boolean {
  if (route.type !== 'resource') return false
  if (route.watch === true || (method === 'GET' && wantsWatch(query))) return true
  return route.subresource !== undefined && LONG_RUNNING_SUBRESOURCES.has(route.subresource)
}

// parseTimeout: time.ParseDuration of `timeout`; it only shortens the server's deadline
function timeoutMs(query: URLSearchParams, serverTimeoutMs: number): number {
  const value = query.get('timeout')
  if (value === null || value === '') return serverTimeoutMs
  let asked: number
  try {
    asked = parseGoDurationMs(value)
  } catch (error) {
    if (!(error instanceof GoDurationError)) throw error
    throw badRequest(`invalid timeout specified in the request URL - ${error.message}`)
  }
  return asked > 0 && asked < serverTimeoutMs ? asked : serverTimeoutMs
}

/** What starting a request's deadline needs. */
export interface RequestDeadlineOptions {
  route: Route
  query: URLSearchParams
  /** the server's --request-timeout, in ms */
  serverTimeoutMs: number
}

/**
 * Starts the deadline of a request that is not long-running and returns its signal (undefined for a
 * long-running one). When it passes, the client gets the 504 (or a cut connection if an answer has
 * started); the handler is told through the signal, so it stops reading a body. Throws BadRequest for a
 * malformed `timeout`.
 */
export function startRequestDeadline(
  req: IncomingMessage,
  res: ServerResponse,
  {route, query, serverTimeoutMs}: RequestDeadlineOptions,
): AbortSignal | undefined {
  if (isLongRunning(route, req.method ?? 'GET', query)) return undefined
  const deadline = deadlineAfter(timeoutMs(query, serverTimeoutMs))
  res.once('close', deadline.clear)
  deadline.signal.addEventListener(
    'abort',
    () => {
      if (res.writableEnded) return
      if (res.headersSent) res.destroy()
      else writeStatus(res, requestTimedOut().status)
    },
    {once: true},
  )
  return deadline.signal
}
