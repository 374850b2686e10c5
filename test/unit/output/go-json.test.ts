import {describe, expect, it} from 'vitest'
import {marshalGoJson} from '../../../src/output/go-json.js'

describe('marshalGoJson', () => {
  it('sorts keys by bytes, numeric-looking keys included', () => {
    expect(marshalGoJson({b: 1, '10': 2, '9': 3, a: {d: 1, c: 2}})).toBe('{"10":2,"9":3,"a":{"c":2,"d":1},"b":1}')
  })

  it('escapes the characters Go escapes for HTML safety', () => {
    expect(marshalGoJson({a: 'x<y>&z\u2028'})).toBe('{"a":"x\\u003cy\\u003e\\u0026z\\u2028"}')
  })

  it('indents like MarshalIndent and keeps empty collections on one line', () => {
    expect(marshalGoJson({a: [], b: {}, c: [1]}, {indent: '    '})).toBe(
      '{\n    "a": [],\n    "b": {},\n    "c": [\n        1\n    ]\n}',
    )
  })

  it('keeps the order of keys when asked, for typed objects', () => {
    expect(marshalGoJson({kind: 'Pod', apiVersion: 'v1'}, {keepKeyOrder: true})).toBe(
      '{"kind":"Pod","apiVersion":"v1"}',
    )
  })

  it('writes int64 values exactly and floats as encoding/json does', () => {
    expect(marshalGoJson([2 ** 62, 1e21, 1e-7, 0.000001, 1.5])).toBe('[4611686018427387904,1e+21,1e-7,0.000001,1.5]')
  })

  it('writes a lone surrogate as U+FFFD, which is what Go decoded it to', () => {
    expect(marshalGoJson('a\ud800b')).toBe('"a\ufffdb"')
  })
})
