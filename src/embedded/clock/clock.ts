/**
 * The embedded cluster's time: wall-clock time plus the offset `skiff cluster advance` has added. While the
 * control plane catches up, time is simulated: it steps through the due timers in order, so what happens at
 * 10:00:05 is stamped 10:00:05 even when it is computed later. The only place in src/embedded that reads
 * real time.
 */
export class Clock {
  private simulatedMs: number | undefined

  constructor(private offsetMs: number) {}

  /** Milliseconds since the epoch, in cluster time: the simulated moment during catch-up, else live. */
  now(): number {
    return this.simulatedMs ?? this.wallNow()
  }

  /** Live cluster time: the wall clock plus the advanced offset. */
  wallNow(): number {
    return Date.now() + this.offsetMs
  }

  /**
   * Real time, without the advanced offset: for what several processes must agree on in real time (a leader's
   * lease expires after 15 real seconds however far `cluster advance` has moved the cluster's clock).
   */
  realNow(): number {
    return Date.now()
  }

  /** RFC 3339 timestamp with second precision, as metav1.Time serialises. */
  timestamp(): string {
    return formatTimestamp(this.now())
  }

  /** RFC 3339 timestamp with microseconds, as metav1.MicroTime serialises. */
  microTimestamp(): string {
    return formatMicroTimestamp(this.now())
  }

  /** Catch-up: from now on, `now()` is this moment. */
  simulateAt(ms: number): void {
    this.simulatedMs = ms
  }

  /** Back to live time after catch-up. */
  goLive(): void {
    this.simulatedMs = undefined
  }

  /** Takes up an offset another process stored (its `cluster advance`); the clock never moves back. */
  catchUpOffset(offsetMs: number): void {
    if (offsetMs > this.offsetMs) this.offsetMs = offsetMs
  }
}

/** A metav1.Time string for a moment: `2026-11-23T07:50:25Z`. */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** A metav1.MicroTime string for a moment: `2026-11-23T07:50:25.123000Z`. */
export function formatMicroTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z')
}
