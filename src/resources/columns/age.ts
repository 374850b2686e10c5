import {humanDuration} from '../human-duration.js'

// kube-apiserver: k8s.io/apiserver/pkg/registry/rest/table.go formats the zero metav1.Time this way (v1.32)
const ZERO_TIME_RFC3339 = '0001-01-01T00:00:00Z'

/** Milliseconds since the epoch for an RFC 3339 timestamp, or undefined when it is missing or unreadable. */
export function parseTimestamp(timestamp: unknown): number | undefined {
  if (typeof timestamp !== 'string' || timestamp === '') return undefined
  const ms = Date.parse(timestamp)
  return Number.isNaN(ms) ? undefined : ms
}

/**
 * Time since a timestamp, written as kubectl writes ages; `<unknown>` when there is none.
 * kubectl: pkg/printers/internalversion/printers.go translateTimestampSince (v1.32)
 */
export function translateTimestampSince(timestamp: unknown, now: number): string {
  const ms = parseTimestamp(timestamp)
  return ms === undefined ? '<unknown>' : humanDuration(now - ms)
}

/** A timestamp in RFC 3339 at second precision in UTC, as the default table's `Created At` cell shows it. */
export function formatCreatedAt(timestamp: unknown): string {
  const ms = parseTimestamp(timestamp)
  if (ms === undefined) return ZERO_TIME_RFC3339
  // Go's time.RFC3339 drops fractional seconds
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}
