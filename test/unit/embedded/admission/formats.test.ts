import {describe, expect, it} from 'vitest'
import {
  isConfigMapKey,
  isEnvVarName,
  isIP,
  isValidPercent,
  isValidPortName,
  nameIsDNSSubdomain,
  nameIsPathSegment,
} from '../../../../src/embedded/admission/formats.js'

describe('value formats', () => {
  it('masks the trailing dash of a generateName prefix', () => {
    expect(nameIsDNSSubdomain('web-', true)).toEqual([])
    expect(nameIsDNSSubdomain('web-', false)).not.toEqual([])
  })

  it('checks path segment names for RBAC objects', () => {
    expect(nameIsPathSegment('system:admin', false)).toEqual([])
    expect(nameIsPathSegment('a/b', false)).toEqual(["may not contain '/'"])
    expect(nameIsPathSegment('..', false)).toEqual(["may not be '..'"])
  })

  it('lists every problem with a port name', () => {
    expect(isValidPortName('-HTTP--very-long-name')).toEqual([
      'must be no more than 15 characters',
      'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'must not contain consecutive hyphens',
      'must not begin or end with a hyphen',
    ])
    expect(isValidPortName('8080')).toEqual(['must contain at least one letter (a-z)'])
  })

  it('checks config keys, env names and percents', () => {
    expect(isConfigMapKey('.')).toEqual(["must not be '.'"])
    expect(isEnvVarName('1ABC')[0]).toContain('must not start with a digit')
    expect(isValidPercent('25')).toEqual([
      "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ])
  })

  it('recognizes IPv4 and IPv6 addresses', () => {
    expect(isIP('10.96.0.1')).toBe(true)
    expect(isIP('2001:db8::ffff')).toBe(true)
    expect(isIP('10.96.0.256')).toBe(false)
    expect(isIP('web')).toBe(false)
  })
})
