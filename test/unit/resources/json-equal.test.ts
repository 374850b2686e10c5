import {describe, expect, it} from 'vitest'
import {jsonEqual} from '../../../src/resources/json-equal.js'

describe('jsonEqual', () => {
  it('compares maps, slices and scalars deeply, whatever the key order', () => {
    expect(jsonEqual({a: [1, {b: 'x'}], c: null}, {c: null, a: [1, {b: 'x'}]})).toBe(true)
    expect(jsonEqual({a: [1, 2]}, {a: [2, 1]})).toBe(false)
    expect(jsonEqual({a: 1}, {a: 1, b: 2})).toBe(false)
    expect(jsonEqual([], {})).toBe(false)
    expect(jsonEqual('1', 1)).toBe(false)
  })

  it('treats a key holding undefined as absent, as a JSON round trip would', () => {
    expect(jsonEqual({a: 1, b: undefined}, {a: 1})).toBe(true)
    expect(jsonEqual({b: undefined}, {c: undefined})).toBe(true)
    expect(jsonEqual({b: null}, {})).toBe(false)
  })
})
