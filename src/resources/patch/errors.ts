import type {StatusError} from '../../backend/status.js'
import {badRequest, statusErrorFrom} from '../../backend/status.js'
import {goSprint, goTypeName} from '../go-format.js'

/**
 * How the API server answers a patch that fails with this error: 400 BadRequest, 422 Invalid, 413 for too
 * many JSON patch operations, or a plain 500 for everything apiserver passes through unchanged.
 */
export type PatchErrorClass = 'BadRequest' | 'Invalid' | 'TooLarge' | 'Internal'

/** A patch that cannot be created or applied, worded as k8s.io/apimachinery words it. */
export class PatchError extends Error {
  constructor(
    message: string,
    readonly errorClass: PatchErrorClass = 'Internal',
  ) {
    super(message)
    this.name = 'PatchError'
  }
}

// apimachinery: pkg/util/mergepatch/errors.go (v0.32)
/** mergepatch.ErrBadJSONDoc */
export const badJsonDoc = (): PatchError => new PatchError('invalid JSON document', 'BadRequest')
/** mergepatch.ErrNoListOfLists */
export const noListOfLists = (): PatchError => new PatchError('lists of lists are not supported', 'Invalid')
/** mergepatch.ErrBadPatchFormatForPrimitiveList */
export const badPrimitiveList = (): PatchError => new PatchError('invalid patch format of primitive list', 'BadRequest')
/** mergepatch.ErrBadPatchFormatForRetainKeys */
export const badRetainKeys = (): PatchError => new PatchError('invalid patch format of retainKeys', 'BadRequest')
/** mergepatch.ErrBadPatchFormatForSetElementOrderList */
export const badSetElementOrder = (): PatchError =>
  new PatchError('invalid patch format of setElementOrder list', 'BadRequest')

/** mergepatch.ErrNoMergeKey */
export function noMergeKey(object: unknown, mergeKey: string): PatchError {
  return new PatchError(`map: ${goSprint(object)} does not contain declared merge key: ${mergeKey}`)
}

/** mergepatch.ErrBadArgType, for a value that should have been `expected` ('map' or 'slice'). */
export function badArgType(expected: 'map' | 'slice', actual: unknown): PatchError {
  const expectedName = expected === 'map' ? 'map[string]interface {}' : '[]interface {}'
  return new PatchError(`expected a ${expectedName}, but received a ${goTypeName(actual)}`)
}

/** mergepatch.ErrBadPatchType */
export function badPatchType(directive: unknown, object: unknown): PatchError {
  const shown = typeof directive === 'string' ? directive : `%!s(${goTypeName(directive)}=${goSprint(directive)})`
  return new PatchError(`unknown patch type: ${shown} in map: ${goSprint(object)}`)
}

/** The patch changes a field that was also changed, differently, since the last apply (--overwrite=false). */
export class MergeConflictError extends Error {
  constructor(
    readonly patch: unknown,
    readonly changed: unknown,
  ) {
    // apimachinery: mergepatch.NewErrConflict prints both sides as YAML; JSON keeps this module dependency-free.
    super(
      `patch:\n${JSON.stringify(patch)}\nconflicts with changes made from original to current:\n${JSON.stringify(changed)}\n`,
    )
    this.name = 'MergeConflictError'
  }
}

/** The Status kube-apiserver answers with when applying a patch fails with this error. */
export function patchErrorToStatus(error: PatchError): StatusError {
  const base = {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure'} as const
  switch (error.errorClass) {
    case 'BadRequest':
      return badRequest(error.message)
    case 'Invalid':
      // apiserver: NewGenericServerResponse(422, ...) keeps only its generic message (handlers/patch.go, v1.32)
      return statusErrorFrom({
        ...base,
        message: 'the server rejected our request due to an error in our request',
        reason: 'Invalid',
        details: {},
        code: 422,
      })
    case 'TooLarge':
      return statusErrorFrom({
        ...base,
        message: `Request entity too large: ${error.message}`,
        reason: 'RequestEntityTooLarge',
        code: 413,
      })
    case 'Internal':
      // An error that is not a Status reaches clients as a 500 with no reason (ErrorToAPIStatus).
      return statusErrorFrom({...base, message: error.message, reason: '', code: 500})
  }
}
