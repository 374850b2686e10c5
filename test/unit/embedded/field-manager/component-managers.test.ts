import {describe, expect, it} from 'vitest'
import {managerFromUserAgent} from '../../../../src/embedded/field-manager/component-managers.js'

describe('managerFromUserAgent', () => {
  it('takes the User-Agent up to its first slash, as kube-apiserver does', () => {
    expect(managerFromUserAgent('kubectl/v1.32.4 (linux/amd64) kubernetes/59526cd')).toBe('kubectl')
    expect(managerFromUserAgent('OpenAPI-Generator/31.0.0/python')).toBe('OpenAPI-Generator')
    expect(managerFromUserAgent('curl')).toBe('curl')
    expect(managerFromUserAgent('')).toBe('')
  })

  it('drops unprintable characters and stops at 128 bytes without splitting a character', () => {
    expect(managerFromUserAgent('kube\u0000ctl\t/v1')).toBe('kubectl')
    expect(managerFromUserAgent('a'.repeat(200))).toBe('a'.repeat(128))
    // 127 single bytes, then a two-byte character that would pass the limit
    expect(managerFromUserAgent(`${'a'.repeat(127)}é`)).toBe('a'.repeat(127))
  })
})
