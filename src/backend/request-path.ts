import {goQuote} from '../resources/go-format.js'
import type {ResourceRef} from './refs.js'

// apimachinery/pkg/api/validation/path (v1.32): what may not be, or be in, one segment of a REST path
const NAME_MAY_NOT_BE = ['.', '..'] as const
const NAME_MAY_NOT_CONTAIN = ['/', '%'] as const

/**
 * Why a string cannot be one segment of a REST path (IsValidPathSegmentName): `.` and `..` collapse
 * the URL onto the collection or its parent, `/` and `%` change which segments it has. Empty when valid.
 */
export function pathSegmentProblems(segment: string): string[] {
  for (const illegal of NAME_MAY_NOT_BE) if (segment === illegal) return [`may not be '${illegal}'`]
  return NAME_MAY_NOT_CONTAIN.filter((illegal) => segment.includes(illegal)).map((i) => `may not contain '${i}'`)
}

/**
 * A request the client refuses to send, as client-go's rest.Request records it (Name, Namespace,
 * SubResource in rest/request.go, v1.32); kubectl prints it as `error: ...`.
 */
export class InvalidRequestPathError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InvalidRequestPathError'
  }
}

function checkSegment(what: string, value: string): void {
  const problems = pathSegmentProblems(value)
  // Go prints a []string with %v as `[a b]`
  if (problems.length > 0)
    throw new InvalidRequestPathError(`invalid ${what} ${goQuote(value)}: [${problems.join(' ')}]`)
}

/**
 * Throws unless every part of a request's path is one safe segment: the namespace, the object's name
 * (when the request names one) and the subresource. Both backends call it before they act, so a name
 * like `..` can never reach the collection or the namespace above it.
 */
export function checkRequestPath(ref: ResourceRef, name?: string): void {
  if (ref.namespace) checkSegment('namespace', ref.namespace)
  if (name !== undefined) {
    if (name === '') throw new InvalidRequestPathError('resource name may not be empty')
    checkSegment('resource name', name)
  }
  if (ref.subresource !== undefined) for (const part of ref.subresource.split('/')) checkSegment('subresource', part)
}
