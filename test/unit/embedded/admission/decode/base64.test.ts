import {describe, expect, it} from 'vitest'
import {base64ErrorOffset} from '../../../../../src/embedded/admission/decode/base64.js'

describe('base64ErrorOffset', () => {
  it.each([
    ['aGVsbG8=', undefined],
    ['aGVs\nbG8=', undefined],
    ['', undefined],
    ['hello', 4],
    ['abc', 0],
    ['ab$d', 2],
    ['a===', 1],
    ['aGVsbG8=x', 8],
  ])('finds the offset in %j', (text, offset) => {
    expect(base64ErrorOffset(text)).toBe(offset)
  })
})
