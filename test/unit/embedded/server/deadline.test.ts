import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {deadlineAfter} from '../../../../src/embedded/server/deadline.js'

// the largest delay one Node timer holds
const MAX_TIMER_MS = 2 ** 31 - 1

describe('deadlineAfter', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('waits out a delay longer than one Node timer holds, instead of firing after 1 ms', () => {
    const deadline = deadlineAfter(3 * MAX_TIMER_MS + 5)
    vi.advanceTimersByTime(3 * MAX_TIMER_MS)
    expect(deadline.signal.aborted).toBe(false)
    vi.advanceTimersByTime(5)
    expect(deadline.signal.aborted).toBe(true)
  })

  it('has passed already for a delay of 0 or less', () => {
    expect(deadlineAfter(0).signal.aborted).toBe(true)
    expect(deadlineAfter(-1000).signal.aborted).toBe(true)
  })

  it('never fires once cleared', () => {
    const deadline = deadlineAfter(MAX_TIMER_MS + 10)
    vi.advanceTimersByTime(MAX_TIMER_MS)
    deadline.clear()
    vi.advanceTimersByTime(MAX_TIMER_MS)
    expect(deadline.signal.aborted).toBe(false)
  })
})
