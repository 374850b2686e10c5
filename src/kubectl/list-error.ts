import type {ResourceInfo} from '../backend/refs.js'
import {hasReason, StatusError} from '../backend/status.js'

/** The selectors a list was asked with. */
export interface ListSelectors {
  labelSelector?: string | undefined
  fieldSelector?: string | undefined
}

/**
 * A list's BadRequest or NotFound with the resource and selectors in front, as cli-runtime's Selector
 * visitor words it, so a bad selector names what was listed: `Unable to find "/v1, Resource=pods" that
 * match label selector "a in b", field selector "": ...`. The error stays an API error.
 */
export function explainListError(error: unknown, info: ResourceInfo, selectors: ListSelectors): unknown {
  if (!(error instanceof StatusError) || !(hasReason(error, 'BadRequest') || hasReason(error, 'NotFound'))) return error
  const resource = `"${info.group}/${info.version}, Resource=${info.resource}"`
  const label = selectors.labelSelector ?? ''
  const field = selectors.fieldSelector ?? ''
  const message =
    label === '' && field === ''
      ? `Unable to list ${resource}: ${error.status.message}`
      : `Unable to find ${resource} that match label selector "${label}", field selector "${field}": ${error.status.message}`
  return new StatusError({...error.status, message})
}
