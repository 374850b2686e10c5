import {describe, expect, it} from 'vitest'
import {goTimeParseError} from '../../../../../src/embedded/admission/decode/go-time.js'
import {RFC3339, RFC3339_MICRO} from '../../../../../src/embedded/admission/decode/go-type.js'

describe('goTimeParseError', () => {
  it.each([
    '2025-01-01T00:00:00Z',
    '2025-01-01T23:59:59+02:00',
    '2025-01-01T00:00:00.123456789Z',
    '2024-02-29T00:00:00Z',
    '2025-01-01T00:00:60Z'.replace('60', '59'),
  ])('accepts %j as RFC 3339', (value) => {
    expect(goTimeParseError(RFC3339, value)).toBeUndefined()
  })

  // Go 1.23 time.Parse(time.RFC3339, value) errors
  it.each([
    ['tomorrow', 'parsing time "tomorrow" as "2006-01-02T15:04:05Z07:00": cannot parse "tomorrow" as "2006"'],
    ['2025-01-01', 'parsing time "2025-01-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"'],
    [
      '2025-01-01 00:00:00Z',
      'parsing time "2025-01-01 00:00:00Z" as "2006-01-02T15:04:05Z07:00": cannot parse " 00:00:00Z" as "T"',
    ],
    [
      '2025-1-01T00:00:00Z',
      'parsing time "2025-1-01T00:00:00Z" as "2006-01-02T15:04:05Z07:00": cannot parse "1-01T00:00:00Z" as "01"',
    ],
    [
      '2025-01-01T00:00:00',
      'parsing time "2025-01-01T00:00:00" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00"',
    ],
    ['2025-13-01T00:00:00Z', 'parsing time "2025-13-01T00:00:00Z": month out of range'],
    ['2025-02-29T00:00:00Z', 'parsing time "2025-02-29T00:00:00Z": day out of range'],
    ['2025-01-01T24:00:00Z', 'parsing time "2025-01-01T24:00:00Z": hour out of range'],
    ['2025-01-01T00:60:00Z', 'parsing time "2025-01-01T00:60:00Z": minute out of range'],
    ['2025-01-01T00:00:00+25:00', 'parsing time "2025-01-01T00:00:00+25:00": time zone offset hour out of range'],
    ['2025-01-01T00:00:00Zjunk', 'parsing time "2025-01-01T00:00:00Zjunk": extra text: "junk"'],
  ])("refuses %j with Go's words", (value, message) => {
    expect(goTimeParseError(RFC3339, value)).toBe(message)
  })

  it('wants exactly six fraction digits for a MicroTime', () => {
    expect(goTimeParseError(RFC3339_MICRO, '2025-01-01T00:00:00.123456Z')).toBeUndefined()
    expect(goTimeParseError(RFC3339_MICRO, '2025-01-01T00:00:00.123Z')).toBe(
      'parsing time "2025-01-01T00:00:00.123Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse ".123Z" as ".000000"',
    )
  })
})
