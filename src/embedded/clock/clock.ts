/**
 * The embedded cluster's time: wall-clock time plus the offset that `skiff cluster advance` has added.
 * The only place in src/embedded that reads real time.
 */
export class Clock {
  constructor(private readonly offsetMs: number) {}

  /** Milliseconds since the epoch, in cluster time. */
  now(): number {
    return Date.now() + this.offsetMs
  }

  /** RFC 3339 timestamp with second precision, as metav1.Time serialises. */
  timestamp(): string {
    return formatTimestamp(this.now())
  }
}

/** A metav1.Time string for a moment: `2026-11-23T07:50:25Z`. */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}
