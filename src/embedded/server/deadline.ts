// Node's timers hold at most 2^31-1 ms (about 24.8 days): a longer delay fires after 1 ms with a
// TimeoutOverflowWarning, and AbortSignal.timeout refuses one past 2^32-1 ms. A watch may ask for any
// timeoutSeconds an int64 holds (kube-apiserver waits that long), so long delays are run in steps.
const MAX_TIMER_MS = 2 ** 31 - 1

/** A signal that aborts when its time is up, and how to let go of its timer early. */
export interface Deadline {
  signal: AbortSignal
  /** stops the timer (the request ended first); the signal then never aborts */
  clear(): void
}

/**
 * A deadline `delayMs` of real time from now, however far: the connection's clock, not the cluster's,
 * since a client waits in real time. A delay of 0 or less has already passed. The timer does not keep
 * the process alive.
 */
export function deadlineAfter(delayMs: number): Deadline {
  const controller = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const arm = (remainingMs: number): void => {
    if (remainingMs <= 0) {
      controller.abort(new DOMException('The operation timed out.', 'TimeoutError'))
      return
    }
    const step = Math.min(remainingMs, MAX_TIMER_MS)
    timer = setTimeout(() => arm(remainingMs - step), step)
    timer.unref()
  }
  arm(delayMs)
  return {
    signal: controller.signal,
    clear() {
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
    },
  }
}
