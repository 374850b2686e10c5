import {qualifiedResource} from './refs.js'

/** One cause of an Invalid error (meta/v1 StatusCause). */
export interface StatusCause {
  /** 'FieldValueRequired', 'FieldValueInvalid', ... */
  reason: string
  message: string
  /** 'spec.replicas' */
  field: string
}

/** The Kubernetes meta/v1 Status object that every API error is. */
export interface Status {
  kind: 'Status'
  apiVersion: 'v1'
  metadata: Record<string, never>
  status: 'Failure' | 'Success'
  message: string
  reason: string
  details?: {name?: string; group?: string; kind?: string; causes?: StatusCause[]; retryAfterSeconds?: number}
  code: number
}

/** An API error carrying its Status; the only error type a Backend throws. */
export class StatusError extends Error {
  readonly status: Status
  constructor(status: Status) {
    super(status.message)
    this.name = 'StatusError'
    this.status = status
  }
}

/** Type guard for StatusError. */
export function isStatusError(error: unknown): error is StatusError {
  return error instanceof StatusError
}

/** True when an error is a StatusError with the given reason. */
export function hasReason(error: unknown, reason: string): error is StatusError {
  return isStatusError(error) && error.status.reason === reason
}

interface GroupResource {
  group: string
  resource: string
}

function failure(code: number, reason: string, message: string, details?: Status['details']): StatusError {
  const status: Status = {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code}
  if (details) status.details = details
  return new StatusError(status)
}

/** 404 NotFound: `deployments.apps "web" not found`. */
export function notFound(gr: GroupResource, name: string): StatusError {
  return failure(404, 'NotFound', `${qualifiedResource(gr)} "${name}" not found`, {
    name,
    group: gr.group,
    kind: gr.resource,
  })
}

/** 409 AlreadyExists: `deployments.apps "web" already exists`. */
export function alreadyExists(gr: GroupResource, name: string): StatusError {
  return failure(409, 'AlreadyExists', `${qualifiedResource(gr)} "${name}" already exists`, {
    name,
    group: gr.group,
    kind: gr.resource,
  })
}

/** 409 Conflict on a stale resourceVersion, worded as kube-apiserver words it. */
export function conflict(gr: GroupResource, name: string, detail: string): StatusError {
  return failure(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(gr)} "${name}": ${detail}`, {
    name,
    group: gr.group,
    kind: gr.resource,
  })
}

/** 422 Invalid: `Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be ...`. */
export function invalid(gk: {group: string; kind: string}, name: string, causes: StatusCause[]): StatusError {
  const qualifiedKind = gk.group === '' ? gk.kind : `${gk.kind}.${gk.group}`
  const list = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message))
  const joined = list.length === 1 ? list[0] : `[${list.join(', ')}]`
  return failure(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${joined}`, {
    name,
    group: gk.group,
    kind: gk.kind,
    causes,
  })
}

/** 400 BadRequest. */
export function badRequest(message: string): StatusError {
  return failure(400, 'BadRequest', message)
}

/** 403 Forbidden (also used for writes into a terminating namespace). */
export function forbidden(message: string, details?: Status['details']): StatusError {
  return failure(403, 'Forbidden', message, details)
}

/** 405 MethodNotAllowed; NewMethodNotSupported's details name the group and resource (as `kind`). */
export function methodNotAllowed(message: string, details?: Status['details']): StatusError {
  return failure(405, 'MethodNotAllowed', message, details)
}

/** 500 InternalError: for invariants the server broke. */
export function internalError(message: string): StatusError {
  return failure(500, 'InternalError', `Internal error occurred: ${message}`)
}

/** A Status built from any parsed body (used by clients reading server responses). */
export function statusErrorFrom(status: Status): StatusError {
  return new StatusError(status)
}
