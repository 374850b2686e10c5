import {describe, expect, it} from 'vitest'
import {isInBackOffSince, nextBackoff, type BackoffEntry} from '../../../../src/embedded/kubelet/backoff.js'

describe("kubelet's container back-off", () => {
  it('doubles from 10s to a 5m ceiling', () => {
    let entry: BackoffEntry | undefined
    const delays: number[] = []
    for (let i = 0; i < 8; i++) {
      entry = nextBackoff(entry, i * 1000)
      delays.push(entry.delayMs / 1000)
    }
    expect(delays).toEqual([10, 20, 40, 80, 160, 300, 300, 300])
  })

  it('is forgotten once the last crash is more than 10 minutes old', () => {
    const entry = nextBackoff(nextBackoff(undefined, 0), 1000)
    expect(entry.delayMs).toBe(20_000)
    expect(nextBackoff(entry, 1000 + 600_001).delayMs).toBe(10_000)
    expect(isInBackOffSince(entry, 1000 + 600_001, 1000 + 600_001)).toBe(false)
  })

  it('holds a restart while the delay since the last finish runs', () => {
    const entry = nextBackoff(undefined, 0)
    expect(isInBackOffSince(entry, 5_000, 9_000)).toBe(true)
    expect(isInBackOffSince(entry, 5_000, 15_000)).toBe(false)
    expect(isInBackOffSince(undefined, 5_000, 5_000)).toBe(false)
  })
})
