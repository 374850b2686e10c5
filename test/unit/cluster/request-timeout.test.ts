import {describe, expect, it} from 'vitest'
import {parseRequestTimeoutMs} from '../../../src/cluster/request-timeout.js'

describe('parseRequestTimeoutMs', () => {
  it('reads a bare integer as seconds, a Go duration as such, and 0 as no timeout', () => {
    expect(parseRequestTimeoutMs('0')).toBeUndefined()
    expect(parseRequestTimeoutMs(undefined)).toBeUndefined()
    expect(parseRequestTimeoutMs('5')).toBe(5000)
    expect(parseRequestTimeoutMs('1m30s')).toBe(90_000)
    expect(parseRequestTimeoutMs('250ms')).toBe(250)
  })

  it('refuses anything else with kubectl’s message', () => {
    expect(() => parseRequestTimeoutMs('abc')).toThrow('Invalid timeout value. Timeout must be a single integer')
  })
})
