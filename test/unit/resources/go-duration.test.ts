import {describe, expect, it} from 'vitest'
import {parseGoDurationMs} from '../../../src/resources/go-duration.js'

describe('parseGoDurationMs', () => {
  it('reads Go durations, compound, fractional and signed', () => {
    expect(parseGoDurationMs('30s')).toBe(30_000)
    expect(parseGoDurationMs('1m30s')).toBe(90_000)
    expect(parseGoDurationMs('1.5m')).toBe(90_000)
    expect(parseGoDurationMs('1.5h')).toBe(5_400_000)
    expect(parseGoDurationMs('250ms')).toBe(250)
    expect(parseGoDurationMs('1500us')).toBe(1.5)
    expect(parseGoDurationMs('-2s')).toBe(-2000)
    expect(parseGoDurationMs('0')).toBe(0)
    expect(parseGoDurationMs('0s')).toBe(0)
  })

  it('refuses what time.ParseDuration refuses, with its words', () => {
    for (const text of ['', 'abc', 's', '.s', '-']) {
      expect(() => parseGoDurationMs(text)).toThrow(`time: invalid duration "${text}"`)
    }
  })

  it('says a unit is missing for a bare number, as Go does', () => {
    expect(() => parseGoDurationMs('10')).toThrow('time: missing unit in duration "10"')
  })

  it('names a unit it does not know', () => {
    expect(() => parseGoDurationMs('5x')).toThrow('time: unknown unit "x" in duration "5x"')
    // the unit runs up to the next digit or dot, as Go reads it
    expect(() => parseGoDurationMs('1m junk')).toThrow('time: unknown unit "m junk" in duration "1m junk"')
  })
})
