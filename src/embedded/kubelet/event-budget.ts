/**
 * The kubelet recorder's spam filter (client-go tools/record/events_cache.go EventSourceObjectSpamFilter,
 * v1.32): per source, object and event type, a token bucket of 25 refilled at one token per 5 minutes. A probe
 * that keeps failing therefore reports its first 25 failures, then one every 5 minutes, and a simulated kubelet
 * only has to wake when an event can pass.
 */

/**
 * A token bucket's level at a moment (cluster ms), counted in milliseconds of refill: one token is 5 minutes'
 * worth, so refilling and spending stay whole numbers.
 */
export interface TokenBucket {
  refillMs: number
  atMs: number
}

// events_cache.go defaultSpamBurst and defaultSpamQPS (1/300 per second), v1.32
const BURST = 25
const TOKEN_MS = 300_000
const FULL_MS = BURST * TOKEN_MS

function levelAt(bucket: TokenBucket | undefined, atMs: number): number {
  if (!bucket) return FULL_MS
  return Math.min(FULL_MS, bucket.refillMs + Math.max(0, atMs - bucket.atMs))
}

/** The first moment at or after atMs when the bucket lets an event through. */
export function nextEventAllowedMs(bucket: TokenBucket | undefined, atMs: number): number {
  const at = Math.max(atMs, bucket?.atMs ?? atMs)
  const level = levelAt(bucket, at)
  return level >= TOKEN_MS ? at : at + (TOKEN_MS - level)
}

/** Takes a token for an event at atMs; undefined when the filter drops the event. */
export function takeEventToken(bucket: TokenBucket | undefined, atMs: number): TokenBucket | undefined {
  const at = Math.max(atMs, bucket?.atMs ?? atMs)
  const level = levelAt(bucket, at)
  return level >= TOKEN_MS ? {refillMs: level - TOKEN_MS, atMs: at} : undefined
}
