import {describe, expect, it} from 'vitest'
import {joinHostPort} from '../../../src/resources/host-port.js'

describe('joinHostPort', () => {
  it('joins a host and a port, bracketing IPv6 hosts as net.JoinHostPort does', () => {
    expect(joinHostPort('10.244.0.5', 80)).toBe('10.244.0.5:80')
    expect(joinHostPort('fd00::5', '8080')).toBe('[fd00::5]:8080')
    expect(joinHostPort('', 'http')).toBe(':http')
  })
})
