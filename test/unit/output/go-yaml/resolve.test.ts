import {describe, expect, it} from 'vitest'
import {resolvesToString} from '../../../../src/output/go-yaml/resolve.js'

describe('resolvesToString', () => {
  it.each(['y', 'Yes', 'NO', 'on', 'Off', 'true', 'False', '~', 'null', 'NULL', '', '.inf', '-.Inf', '.nan'])(
    'says %j would be read back as a bool, null or special float',
    (text) => {
      expect(resolvesToString(text)).toBe(false)
    },
  )

  it.each([
    '123',
    '-1',
    '+1',
    '0x1F',
    '0777',
    '089',
    '0b101',
    '1_000',
    '1.5',
    '.5',
    '1e3',
    '1:20',
    '2026-01-01',
    '2001-12-14t21:59:43.10-05:00',
  ])('says %j would be read back as a number or a timestamp', (text) => {
    expect(resolvesToString(text)).toBe(false)
  })

  it.each(['=', '.', 'yes!', 'nginx:1.25', '10.0.0.1', '2026-13-01', '1e', '0x', 'Running', '-a', '<<'])(
    'says %j stays a string',
    (text) => {
      expect(resolvesToString(text)).toBe(true)
    },
  )
})
