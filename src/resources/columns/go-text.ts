import {formatGoNumber} from '../go-format.js'
import {marshalGoJson} from '../go-json.js'

/**
 * A JSON value as client-go's jsonpath prints one result: strings as they are, numbers and booleans as Go's
 * fmt prints them, maps and lists as compact JSON (Go's encoding/json: sorted keys, HTML-safe escapes).
 * Undefined for null, which jsonpath cannot print.
 */
export function jsonPathText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'string') return value
  if (typeof value === 'number') return formatGoNumber(value)
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  return marshalGoJson(value)
}
