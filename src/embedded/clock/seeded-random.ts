import {createHash} from 'node:crypto'

/**
 * A deterministic random source from a seed (an object's uid and an attempt number, say): the same state
 * always draws the same delays, so a cluster replays the same way (DESIGN.md: same state + same timers).
 */
export function seededRandom(seed: string): () => number {
  let counter = 0
  return () => {
    const digest = createHash('sha256').update(`${seed}:${counter++}`).digest()
    return digest.readUInt32BE(0) / 0x1_0000_0000
  }
}

/** A whole number of milliseconds between min and max (inclusive) drawn from a random source. */
export function drawBetween(random: () => number, minMs: number, maxMs: number): number {
  return Math.round(minMs + random() * (maxMs - minMs))
}
