import {describe, expect, it} from 'vitest'
import {
  compareGoStrings,
  formatGoFloat,
  formatGoNumber,
  goQuote,
  goSharpV,
  goSprint,
  goStringSlice,
  goTypeName,
} from '../../../src/resources/go-format.js'

describe('formatGoFloat', () => {
  it.each([
    [1234567.5, '1.2345675e+06'],
    [123456.5, '123456.5'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1e21, '1e+21'],
    [1.5e20, '1.5e+20'],
    [-0.5, '-0.5'],
    [1.2345678901234569e23, '1.2345678901234569e+23'],
  ])('prints %d as strconv.FormatFloat(f, g, -1, 64) does: %s', (value, text) => {
    expect(formatGoFloat(value)).toBe(text)
  })
})

describe('formatGoNumber', () => {
  it('prints integral numbers as int64, the way kubectl decodes them', () => {
    expect(formatGoNumber(12345678)).toBe('12345678')
    expect(formatGoNumber(2 ** 62)).toBe('4611686018427387904')
  })

  it('prints integral numbers beyond int64 as float64', () => {
    expect(formatGoNumber(1e20)).toBe('1e+20')
  })
})

describe('goSprint', () => {
  it("prints maps, lists and nil as fmt's %v does", () => {
    expect(goSprint({b: [1, 'x', null], a: {c: true}})).toBe('map[a:map[c:true] b:[1 x <nil>]]')
    expect(goSprint(null)).toBe('<nil>')
    expect(goSprint([])).toBe('[]')
  })
})

describe('goSharpV', () => {
  it("prints an object as fmt's %#v does, nils inside typed as interface {}", () => {
    expect(goSharpV({a: [1, null], b: 's'})).toBe(
      'map[string]interface {}{"a":[]interface {}{1, interface {}(nil)}, "b":"s"}',
    )
  })
})

describe('goQuote', () => {
  it('escapes quotes, backslashes and control characters as strconv.Quote does', () => {
    expect(goQuote('{"\\n"}\t\u0001é\u00a0')).toBe('"{\\"\\\\n\\"}\\t\\x01é\\u00a0"')
  })

  it('keeps printable characters, accented letters included', () => {
    expect(goQuote('Web')).toBe('"Web"')
    expect(goQuote('a"b\\c')).toBe('"a\\"b\\\\c"')
    expect(goQuote('tab\there\n')).toBe('"tab\\there\\n"')
    expect(goQuote('\u0001')).toBe('"\\x01"')
    expect(goQuote('café')).toBe('"café"')
  })
})

describe('goStringSlice', () => {
  it('prints a []string as %#v does, and nil when absent', () => {
    expect(goStringSlice(['10.96.0.6'])).toBe('[]string{"10.96.0.6"}')
    expect(goStringSlice(undefined)).toBe('[]string(nil)')
  })
})

describe('goTypeName', () => {
  it('names the types of unstructured values', () => {
    expect([{}, [], 'a', 1, 1.5, true].map(goTypeName)).toEqual([
      'map[string]interface {}',
      '[]interface {}',
      'string',
      'int64',
      'float64',
      'bool',
    ])
  })
})

describe('compareGoStrings', () => {
  it('orders by UTF-8 bytes, so astral characters come after other high characters', () => {
    expect(compareGoStrings('\uffff', '😀')).toBeLessThan(0)
    expect(compareGoStrings('B', 'a')).toBeLessThan(0)
  })
})
