import {describe, expect, it} from 'vitest'
import {scanJsonStream} from '../../../src/manifests/json-stream.js'

const partsOf = (text: string) => [...scanJsonStream(text)]
const errorOf = (text: string): string | undefined => partsOf(text).find((p) => p.kind === 'error')?.message
const rawsOf = (text: string): string[] =>
  partsOf(text).flatMap((p) => (p.kind === 'value' ? [text.slice(p.start, p.end)] : []))

describe('scanJsonStream', () => {
  it('splits concatenated values, including top-level scalars', () => {
    expect(rawsOf('{"a":1} [2]\n"x" 3 true null')).toEqual(['{"a":1}', '[2]', '"x"', '3', 'true', 'null'])
  })

  it('words syntax errors as encoding/json, with the byte offset after the bad character', () => {
    expect(errorOf('{"a" 1}')).toBe("json: offset 6: invalid character '1' after object key")
    expect(errorOf('{"a":1 "b":2}')).toBe(`json: offset 8: invalid character '"' after object key:value pair`)
    expect(errorOf('[1 2]')).toBe("json: offset 4: invalid character '2' after array element")
    expect(errorOf('{"a":tru}')).toBe("json: offset 9: invalid character '}' in literal true (expecting 'e')")
    expect(errorOf('{"a":"\\q"}')).toBe("json: offset 8: invalid character 'q' in string escape code")
    expect(errorOf('{"a":01}')).toBe("json: offset 7: invalid character '1' after object key:value pair")
    expect(errorOf('{"é":x}')).toBe("json: offset 7: invalid character 'x' looking for beginning of value")
    expect(errorOf('{"a":"x\n"}')).toBe("json: offset 8: invalid character '\\n' in string literal")
  })

  it('reports a value cut short as unexpected EOF', () => {
    expect(errorOf('{"a": [1, 2')).toBe('unexpected EOF')
    expect(errorOf('{} {')).toBe('unexpected EOF')
  })

  it('tells where the entries of the top-level items array start, ignoring nested and other arrays', () => {
    const text = '{"a":[1,2],"items":[ {"items":[3]}, 4 ,[5]],"b":{"items":[6]}} {"items":[]}'
    const starts = partsOf(text).map((p) => (p.kind === 'value' ? p.itemStarts.map((i) => text[i]) : []))
    expect(starts).toEqual([['{', '4', '['], []])
  })

  it('scans a value nested 100,000 levels deep without recursing, stopping past 10,000', () => {
    expect(errorOf(`{"a":${'['.repeat(100_000)}`)).toBe("json: offset 10005: invalid character '[' exceeded max depth")
  })
})
