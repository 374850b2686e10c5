import {StatusError, type Status} from '../backend/status.js'
import {VerbatimError} from './verbatim-error.js'

/** What a request was about, for the suffix client-go adds to errors without a Status body. */
export interface RequestDescription {
  method: string
  /** 'deployments.apps' or 'pods'; '' for non-resource paths */
  qualifiedResource: string
  name: string
}

/**
 * The error for a failed response, as client-go's transformResponse makes it (rest/request.go, v1.32): a
 * Status body becomes that Status; any other body the generic error for its code
 * (apimachinery/pkg/api/errors NewGenericServerResponse).
 */
export function statusErrorFromResponse(code: number, body: string, request: RequestDescription): StatusError {
  const status = parseStatus(body)
  if (status && status.status === 'Failure') return new StatusError({...status, code: status.code || code})
  return genericServerResponse(code, body.trim(), request)
}

function parseStatus(body: string): Status | undefined {
  try {
    const parsed = JSON.parse(body) as Partial<Status> | null
    if (parsed && parsed.kind === 'Status' && typeof parsed.message === 'string') {
      return {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: parsed.status === 'Success' ? 'Success' : 'Failure',
        message: parsed.message,
        reason: parsed.reason ?? '',
        code: parsed.code ?? 0,
        ...(parsed.details ? {details: parsed.details} : {}),
      }
    }
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error
  }
  return undefined
}

function genericServerResponse(code: number, serverMessage: string, request: RequestDescription): StatusError {
  let reason = ''
  let message = `the server responded with the status code ${code} but did not return more information`
  const known: Record<number, [string, string]> = {
    400: ['BadRequest', 'the server rejected our request for an unknown reason'],
    401: ['Unauthorized', 'the server has asked for the client to provide credentials'],
    403: ['Forbidden', serverMessage],
    404: ['NotFound', 'the server could not find the requested resource'],
    405: ['MethodNotAllowed', 'the server does not allow this method on the requested resource'],
    409: [request.method === 'POST' ? 'AlreadyExists' : 'Conflict', 'the server reported a conflict'],
    422: ['Invalid', 'the server rejected our request due to an error in our request'],
    429: ['TooManyRequests', 'the server has received too many requests and has asked us to try again later'],
    504: [
      'Timeout',
      'the server was unable to return a response in the time allotted, but may still be processing the request',
    ],
  }
  const entry = known[code]
  if (entry) [reason, message] = entry
  else if (code >= 500) {
    reason = 'InternalError'
    message = `an error on the server (${JSON.stringify(serverMessage)}) has prevented the request from succeeding`
  }
  if (request.qualifiedResource !== '') {
    const verb = request.method.toLowerCase()
    message += request.name
      ? ` (${verb} ${request.qualifiedResource} ${request.name})`
      : ` (${verb} ${request.qualifiedResource})`
  }
  return new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
    details: {
      ...(request.name ? {name: request.name} : {}),
      causes: [{reason: 'UnexpectedServerResponse', message: serverMessage, field: ''}],
    },
  })
}

/** A Node network error's code, when it has one. */
function errorCode(error: unknown): string {
  const code = (error as {code?: unknown} | null)?.code
  return typeof code === 'string' ? code : ''
}

const TLS_WORDS: Readonly<Record<string, string>> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'tls: failed to verify certificate: x509: certificate signed by unknown authority',
  SELF_SIGNED_CERT_IN_CHAIN: 'tls: failed to verify certificate: x509: certificate signed by unknown authority',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls: failed to verify certificate: x509: certificate signed by unknown authority',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'tls: failed to verify certificate: x509: certificate signed by unknown authority',
  CERT_HAS_EXPIRED: 'tls: failed to verify certificate: x509: certificate has expired or is not yet valid',
  CERT_NOT_YET_VALID: 'tls: failed to verify certificate: x509: certificate has expired or is not yet valid',
}

/**
 * A failure to reach the server, worded as kubectl's checkErr words it (kubectl/pkg/cmd/util/helpers.go,
 * v1.32): a refused connection names the host and port from the kubeconfig; anything else reads
 * `Unable to connect to the server: ...` with Go's wording of the cause where Node's differs.
 */
export function connectionError(error: unknown, server: URL, options: {timedOut?: boolean} = {}): VerbatimError {
  const code = errorCode(error)
  if (code === 'ECONNREFUSED') {
    return new VerbatimError(
      `The connection to the server ${server.host} was refused - did you specify the right host or port?`,
    )
  }
  if (options.timedOut) {
    return new VerbatimError(
      'Unable to connect to the server: net/http: request canceled (Client.Timeout exceeded while awaiting headers)',
    )
  }
  const tls = TLS_WORDS[code]
  if (tls) return new VerbatimError(`Unable to connect to the server: ${tls}`)
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    const reason = error instanceof Error ? error.message : ''
    return new VerbatimError(`Unable to connect to the server: tls: failed to verify certificate: ${reason}`)
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new VerbatimError(`Unable to connect to the server: dial tcp: lookup ${server.hostname}: no such host`)
  }
  if (code === 'ECONNRESET') return new VerbatimError('Unable to connect to the server: EOF')
  const message = error instanceof Error ? error.message : String(error)
  return new VerbatimError(`Unable to connect to the server: ${message}`)
}
