import {describe, expect, it} from 'vitest'
import {goJsonType, marshalGoJson} from '../../../src/resources/go-json.js'

describe('marshalGoJson', () => {
  it('sorts keys by bytes, numeric-looking keys included', () => {
    expect(marshalGoJson({b: 1, '10': 2, '9': 3, a: {d: 1, c: 2}})).toBe('{"10":2,"9":3,"a":{"c":2,"d":1},"b":1}')
  })

  it('orders keys by their UTF-8 bytes at every level', () => {
    expect(marshalGoJson({'\u{1F600}': 1, '\uFF5E': 2, Z: 3, a: {d: ['<x>'], c: '&'}})).toBe(
      '{"Z":3,"a":{"c":"\\u0026","d":["\\u003cx\\u003e"]},"～":2,"😀":1}',
    )
  })

  it('writes control characters with the short escapes Go 1.22+ uses, as kubectl v1.32 quotes a document', () => {
    expect(marshalGoJson({name: 'a\bb\fc\u0001d'})).toBe('{"name":"a\\bb\\fc\\u0001d"}')
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

describe('goJsonType', () => {
  it('names JSON values as encoding/json type errors do', () => {
    expect(['a', 1, true, [], {}].map(goJsonType)).toEqual(['string', 'number', 'bool', 'array', 'object'])
  })
})
