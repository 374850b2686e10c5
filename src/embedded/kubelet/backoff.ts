/**
 * kubelet's back-off (client-go util/flowcontrol Backoff, as pkg/kubelet/kubelet.go configures it in v1.32):
 * 10s doubling to 5m per container, forgotten when the last event is older than twice the maximum
 * (10 minutes), which is why a container that ran 10 minutes restarts at once after its next crash.
 */

/** One back-off entry: the current delay and when it was last bumped (ms, cluster time). */
export interface BackoffEntry {
  delayMs: number
  lastUpdateMs: number
}

// kubelet.go: backOffPeriod and MaxContainerBackOff (v1.32)
const INITIAL_BACKOFF_MS = 10_000
const MAX_BACKOFF_MS = 300_000

function hasExpired(entry: BackoffEntry, eventMs: number): boolean {
  return eventMs - entry.lastUpdateMs > 2 * MAX_BACKOFF_MS
}

/** flowcontrol IsInBackOffSince: still waiting at nowMs after an event (a container's finish) at eventMs. */
export function isInBackOffSince(entry: BackoffEntry | undefined, eventMs: number, nowMs: number): boolean {
  if (!entry || hasExpired(entry, eventMs)) return false
  return nowMs - eventMs < entry.delayMs
}

/** flowcontrol IsInBackOffSinceUpdate: still waiting at nowMs since the entry's last bump (image pulls). */
export function isInBackOffSinceUpdate(entry: BackoffEntry | undefined, nowMs: number): boolean {
  if (!entry || hasExpired(entry, nowMs)) return false
  return nowMs - entry.lastUpdateMs < entry.delayMs
}

/** flowcontrol Next: the entry after another event at eventMs (first 10s, then doubled up to 5m). */
export function nextBackoff(entry: BackoffEntry | undefined, eventMs: number): BackoffEntry {
  if (!entry || hasExpired(entry, eventMs)) return {delayMs: INITIAL_BACKOFF_MS, lastUpdateMs: eventMs}
  return {delayMs: Math.min(entry.delayMs * 2, MAX_BACKOFF_MS), lastUpdateMs: eventMs}
}
