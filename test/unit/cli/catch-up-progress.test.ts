import {describe, expect, it} from 'vitest'
import {catchUpProgress} from '../../../src/cli/catch-up-progress.js'
import type {RunProgress} from '../../../src/embedded/controllers/runner.js'

function recorder(isTTY: boolean): {stream: {isTTY: boolean; write(text: string): void}; written: string[]} {
  const written: string[] = []
  return {stream: {isTTY, write: (text: string) => void written.push(text)}, written}
}

const at = (changes: number, done = false): RunProgress => ({
  changes,
  momentMs: Date.parse('2026-03-01T10:00:05Z'),
  targetMs: Date.parse('2026-03-01T10:30:00Z'),
  done,
})

describe('catch-up progress on stderr', () => {
  it('shows nothing for a catch-up shorter than a second', () => {
    const {stream, written} = recorder(true)
    let now = 0
    const report = catchUpProgress(stream, () => now)
    report(at(10))
    now = 900
    report(at(20))
    report(at(30, true))
    expect(written).toEqual([])
  })

  it('redraws one line on a terminal after a second, and erases it at the end', () => {
    const {stream, written} = recorder(true)
    let now = 0
    const report = catchUpProgress(stream, () => now)
    report(at(10))
    now = 1_000
    report(at(1234))
    now = 1_100
    report(at(1300))
    now = 1_300
    report(at(2000))
    report(at(2000, true))
    expect(written).toEqual([
      '\r\x1b[Kthe control plane is catching up: 1,234 changes reconciled, cluster time 10:00:05 of 10:30:00',
      '\r\x1b[Kthe control plane is catching up: 2,000 changes reconciled, cluster time 10:00:05 of 10:30:00',
      '\r\x1b[K',
    ])
  })

  it('writes a line every ten seconds when stderr is not a terminal', () => {
    const {stream, written} = recorder(false)
    let now = 0
    const report = catchUpProgress(stream, () => now)
    report(at(1))
    now = 9_999
    report(at(2))
    now = 10_000
    report(at(3))
    now = 15_000
    report(at(4))
    report(at(4, true))
    expect(written).toEqual([
      'the control plane is catching up: 3 changes reconciled, cluster time 10:00:05 of 10:30:00\n',
    ])
  })
})
