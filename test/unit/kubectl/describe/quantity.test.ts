import {describe, expect, it} from 'vitest'
import {
  addQuantities,
  formatQuantity,
  parseQuantity,
  quantityString,
  scaledValue,
  type Quantity,
} from '../../../../src/kubectl/describe/quantity.js'

function parsed(text: string): Quantity {
  const q = parseQuantity(text)
  if (!q) throw new Error(`unparsable quantity ${text}`)
  return q
}

describe('quantityString', () => {
  it.each([
    ['500m', '500m'],
    ['0.5', '500m'],
    ['1000m', '1'],
    ['2', '2'],
    ['2000', '2k'],
    ['1500', '1500'],
    ['128Mi', '128Mi'],
    ['1024Mi', '1Gi'],
    ['1.5Gi', '1536Mi'],
    ['0.5Ki', '512'],
    ['1e3', '1e3'],
    ['12e2', '1200'],
    ['0', '0'],
    ['0Mi', '0'],
    ['100u', '100u'],
  ])('writes %s as Quantity.String() does: %s', (input, expected) => {
    expect(quantityString(input)).toBe(expected)
  })

  it('accepts numbers, as loosely typed manifests carry them', () => {
    expect(quantityString(2)).toBe('2')
  })
})

describe('addQuantities', () => {
  it('keeps the format of the first addend', () => {
    expect(formatQuantity(addQuantities(parsed('1Gi'), parsed('64Mi')))).toBe('1088Mi')
    expect(formatQuantity(addQuantities(parsed('2'), parsed('100m')))).toBe('2100m')
  })

  it('takes the format of the second addend when the first is zero', () => {
    expect(formatQuantity(addQuantities(parsed('0'), parsed('1Gi')))).toBe('1Gi')
  })
})

describe('scaledValue', () => {
  it('rounds up, as MilliValue and Value do', () => {
    expect(scaledValue(parsed('250m'), -3)).toBe(250n)
    expect(scaledValue(parsed('1500m'), 0)).toBe(2n)
    expect(scaledValue(parsed('1Ki'), 0)).toBe(1024n)
  })
})
