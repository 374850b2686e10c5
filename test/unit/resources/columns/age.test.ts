import {describe, expect, it} from 'vitest'
import {formatCreatedAt, translateTimestampSince} from '../../../../src/resources/columns/age.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

describe('ages', () => {
  it('writes the time since a timestamp', () => {
    expect(translateTimestampSince('2024-06-01T11:59:15Z', NOW)).toBe('45s')
    expect(translateTimestampSince('2024-06-01T08:56:00Z', NOW)).toBe('3h4m')
  })

  it('writes <unknown> for a missing or unreadable timestamp', () => {
    expect(translateTimestampSince(undefined, NOW)).toBe('<unknown>')
    expect(translateTimestampSince('', NOW)).toBe('<unknown>')
    expect(translateTimestampSince('not a date', NOW)).toBe('<unknown>')
  })

  it('writes <invalid> for a timestamp well in the future', () => {
    expect(translateTimestampSince('2024-06-01T12:00:05Z', NOW)).toBe('<invalid>')
  })

  it('formats creation dates at second precision in UTC', () => {
    expect(formatCreatedAt('2024-06-01T11:59:15.987Z')).toBe('2024-06-01T11:59:15Z')
  })
})
