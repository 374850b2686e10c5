import {describe, expect, it} from 'vitest'
import {jsonPathText} from '../../../../src/resources/columns/go-text.js'

describe('jsonPathText', () => {
  it('prints scalars as Go prints them', () => {
    expect(jsonPathText('Ready')).toBe('Ready')
    expect(jsonPathText(3)).toBe('3')
    expect(jsonPathText(0.25)).toBe('0.25')
    expect(jsonPathText(1234567.5)).toBe('1.2345675e+06')
    expect(jsonPathText(0.00001)).toBe('1e-05')
    expect(jsonPathText(true)).toBe('true')
    expect(jsonPathText(null)).toBeUndefined()
  })

  it('prints maps and lists as compact JSON with sorted keys and HTML-safe escapes', () => {
    expect(jsonPathText({b: 1, a: ['x', {d: true, c: null}]})).toBe('{"a":["x",{"c":null,"d":true}],"b":1}')
    expect(jsonPathText({expr: 'a<b && c>d'})).toBe('{"expr":"a\\u003cb \\u0026\\u0026 c\\u003ed"}')
  })
})
