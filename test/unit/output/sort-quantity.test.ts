import {describe, expect, it} from 'vitest'
import {compareQuantities, parseQuantity} from '../../../src/output/sort-quantity.js'

const value = (text: string): number => {
  const quantity = parseQuantity(text)
  if (!quantity) throw new Error(`${text} is not a quantity`)
  return Number(quantity.numerator) / Number(quantity.denominator)
}

describe('parseQuantity', () => {
  it.each([
    ['500m', 0.5],
    ['1Ki', 1024],
    ['2Gi', 2 * 1024 ** 3],
    ['1.5', 1.5],
    ['1e3', 1000],
    ['2k', 2000],
    ['-0.1', -0.1],
    ['0', 0],
    ['m', 0],
  ])('reads %s as %d', (text, expected) => {
    expect(value(text)).toBeCloseTo(expected)
  })

  it.each(['', 'abc', '10.244.0.5', '3h4m', '1e', '1Ki5', 'Running'])(
    'rejects %j as resource.ParseQuantity does',
    (text) => {
      expect(parseQuantity(text)).toBeUndefined()
    },
  )
})

describe('compareQuantities', () => {
  it('compares by value across suffixes', () => {
    const compare = (a: string, b: string): number => {
      const left = parseQuantity(a)
      const right = parseQuantity(b)
      if (!left || !right) throw new Error('not quantities')
      return compareQuantities(left, right)
    }
    expect(compare('500Mi', '1Gi')).toBeLessThan(0)
    expect(compare('1000m', '1')).toBe(0)
    expect(compare('1e3', '999')).toBeGreaterThan(0)
  })
})
