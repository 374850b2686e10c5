import {describe, expect, it} from 'vitest'
import {humanDuration} from '../../../src/resources/human-duration.js'

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const YEAR = 365 * DAY

describe('humanDuration', () => {
  it('writes up to two minutes in seconds', () => {
    expect(humanDuration(0)).toBe('0s')
    expect(humanDuration(45 * SECOND)).toBe('45s')
    expect(humanDuration(119 * SECOND + 999)).toBe('119s')
  })

  it('treats a timestamp up to two seconds in the future as now', () => {
    expect(humanDuration(-500)).toBe('0s')
    expect(humanDuration(-1999)).toBe('0s')
    expect(humanDuration(-2 * SECOND)).toBe('<invalid>')
  })

  it('writes minutes and seconds below ten minutes', () => {
    expect(humanDuration(2 * MINUTE)).toBe('2m')
    expect(humanDuration(5 * MINUTE + 2 * SECOND)).toBe('5m2s')
    expect(humanDuration(9 * MINUTE + 59 * SECOND)).toBe('9m59s')
  })

  it('writes whole minutes below three hours', () => {
    expect(humanDuration(10 * MINUTE + 30 * SECOND)).toBe('10m')
    expect(humanDuration(179 * MINUTE)).toBe('179m')
  })

  it('writes hours and minutes below eight hours', () => {
    expect(humanDuration(3 * HOUR)).toBe('3h')
    expect(humanDuration(3 * HOUR + 4 * MINUTE)).toBe('3h4m')
    expect(humanDuration(7 * HOUR + 59 * MINUTE + 59 * SECOND)).toBe('7h59m')
  })

  it('writes whole hours below two days', () => {
    expect(humanDuration(8 * HOUR + 30 * MINUTE)).toBe('8h')
    expect(humanDuration(47 * HOUR)).toBe('47h')
  })

  it('writes days and hours below eight days', () => {
    expect(humanDuration(2 * DAY)).toBe('2d')
    expect(humanDuration(2 * DAY + 5 * HOUR)).toBe('2d5h')
    expect(humanDuration(7 * DAY + 23 * HOUR)).toBe('7d23h')
  })

  it('writes whole days below two years', () => {
    expect(humanDuration(8 * DAY + 12 * HOUR)).toBe('8d')
    expect(humanDuration(729 * DAY)).toBe('729d')
  })

  it('writes years and days below eight years, then whole years', () => {
    expect(humanDuration(2 * YEAR)).toBe('2y')
    expect(humanDuration(2 * YEAR + 10 * DAY)).toBe('2y10d')
    expect(humanDuration(8 * YEAR + 100 * DAY)).toBe('8y')
  })
})
