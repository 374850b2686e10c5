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

const UNIT_MS: Record<string, number> = {ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000}

/** Parses a Go duration (time.ParseDuration) into milliseconds. */
export function parseGoDurationMs(text: string): number {
  if (text === '0') return 0
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)]
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text)
    throw new Error(`time: invalid duration "${text}"`)
  return parts.reduce((total, [, amount = '0', unit = 's']) => total + Number(amount) * (UNIT_MS[unit] ?? 0), 0)
}
