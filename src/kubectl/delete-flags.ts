import {parseGoDurationMs} from '../resources/go-duration.js'
import type {DeleteRequest} from './delete.js'

// kubectl delete: --timeout=0 waits a week (delete.go, v1.32)
const DEFAULT_WAIT_TIMEOUT_MS = 7 * 24 * 60 * 60 * 1000

/** --cascade's value: background|foreground|orphan, and the deprecated true (background) and false (orphan). */
export function parseCascade(value: string): DeleteRequest['cascade'] {
  switch (value) {
    case 'background':
    case 'true':
      return 'background'
    case 'foreground':
      return 'foreground'
    case 'orphan':
    case 'false':
      return 'orphan'
    default:
      throw new Error(`invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`)
  }
}

/** A Go duration such as `30s`, `1m30s`, `0`, in milliseconds; zero means kubectl's default wait. */
export function parseTimeoutMs(text: string): number {
  const ms = parseGoDurationMs(text)
  return ms === 0 ? DEFAULT_WAIT_TIMEOUT_MS : ms
}
