import type {Store} from '../store/store.js'

// the cluster clock's advance, kept with the cluster so every process agrees on 'now'
const OFFSET_KEY = 'clock.offsetMs'
// the cluster time up to which the control loop has run everything due (its last catch-up's target)
const SETTLED_KEY = 'clock.settledMs'

/** How far `cluster advance` has moved the cluster's clock, in milliseconds. */
export function readClockOffset(store: Store): number {
  return Number(store.readMeta(OFFSET_KEY) ?? '0')
}

/** Moves the stored clock offset forward by durationMs; returns the new offset. One transaction. */
export function addClockOffset(store: Store, durationMs: number): number {
  return store.transaction(() => {
    const offset = readClockOffset(store) + durationMs
    store.writeMeta(OFFSET_KEY, String(offset))
    return offset
  })
}

/** The cluster time the control loop last caught up to, if it ever did. */
export function readSettledMs(store: Store): number | undefined {
  const text = store.readMeta(SETTLED_KEY)
  return text === undefined ? undefined : Number(text)
}

/** Records that the control loop caught up to atMs (never moving the mark back). Inside a transaction. */
export function writeSettledMs(store: Store, atMs: number): void {
  if ((readSettledMs(store) ?? 0) < atMs) store.writeMeta(SETTLED_KEY, String(atMs))
}
