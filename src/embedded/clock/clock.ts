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

  /** The offset added by `cluster advance`, to persist. */
  get offset(): number {
    return this.offsetMs
  }

  /** Moves cluster time forward (`skiff cluster advance`). */
  advance(ms: number): void {
    this.offsetMs += ms
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
