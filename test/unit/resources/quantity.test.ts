import {describe, expect, it} from 'vitest'
import {
  QUANTITY_FORMAT_ERROR,
  QUANTITY_NUMERIC_ERROR,
  QUANTITY_SUFFIX_ERROR,
  addQuantities,
  canonicalQuantity,
  compareQuantities,
  formatQuantity,
  parseQuantity,
  quantityMilliValue,
  quantityValue,
  roundUpToMilli,
  tryParseQuantity,
} from '../../../src/resources/quantity.js'

describe('parseQuantity and formatQuantity', () => {
  it.each([
    ['0.5', '500m'],
    ['0.1', '100m'],
    ['1.5', '1500m'],
    ['100m', '100m'],
    ['1000m', '1'],
    ['1000', '1k'],
    ['128Mi', '128Mi'],
    ['1024Mi', '1Gi'],
    ['1.5Gi', '1536Mi'],
    ['0.5Gi', '512Mi'],
    ['0.5Ki', '512'],
    ['1.5Ki', '1536'],
    ['1G', '1G'],
    ['1000000', '1M'],
    ['1e3', '1e3'],
    ['1.5e3', '1500'],
    ['1000e-3', '1'],
    ['1e-3', '1e-3'],
    ['0', '0'],
    ['000', '0'],
    ['-1', '-1'],
    ['1E', '1E'],
    ['0.0001', '100u'],
    ['0.5n', '1n'],
  ])('prints %s as %s, the canonical form Kubernetes serializes', (input, expected) => {
    expect(formatQuantity(parseQuantity(input))).toBe(expected)
  })

  it('keeps text Kubernetes already considers canonical verbatim, even with a plus sign', () => {
    expect(formatQuantity(parseQuantity('+5'))).toBe('+5')
    expect(formatQuantity(parseQuantity('3Mi'))).toBe('3Mi')
  })

  it.each([
    ['', QUANTITY_FORMAT_ERROR],
    ['abc', QUANTITY_FORMAT_ERROR],
    ['1.1.M', QUANTITY_FORMAT_ERROR],
    ['1+1.0M', QUANTITY_FORMAT_ERROR],
    ['1i', QUANTITY_SUFFIX_ERROR],
    ['192i', QUANTITY_SUFFIX_ERROR],
    ['5Mb', QUANTITY_FORMAT_ERROR],
    ['5Gm', QUANTITY_SUFFIX_ERROR],
    ['0.1mi', QUANTITY_SUFFIX_ERROR],
    ['1e+', QUANTITY_SUFFIX_ERROR],
    ['Ei', QUANTITY_NUMERIC_ERROR],
  ])("rejects %j with Kubernetes' message", (input, message) => {
    expect(() => parseQuantity(input)).toThrow(message)
  })

  it('words the format error with the regular expression kube-apiserver prints', () => {
    expect(QUANTITY_FORMAT_ERROR).toBe(
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    )
  })

  it('reads JSON numbers as their literal text', () => {
    const parsed = tryParseQuantity(0.5)
    expect('nanos' in parsed && formatQuantity(parsed)).toBe('500m')
    expect(tryParseQuantity({})).toEqual({error: QUANTITY_FORMAT_ERROR})
  })
})

describe('quantity arithmetic', () => {
  it('compares values regardless of suffix family', () => {
    expect(compareQuantities(parseQuantity('1Gi'), parseQuantity('1024Mi'))).toBe(0)
    expect(compareQuantities(parseQuantity('500m'), parseQuantity('1'))).toBe(-1)
    expect(compareQuantities(parseQuantity('1G'), parseQuantity('1Gi'))).toBe(-1)
  })

  it('adds in the family of the first operand', () => {
    expect(formatQuantity(addQuantities(parseQuantity('512Mi'), parseQuantity('512Mi')))).toBe('1Gi')
    expect(formatQuantity(addQuantities(parseQuantity('250m'), parseQuantity('1')))).toBe('1250m')
  })

  it('rounds values up like Value and MilliValue', () => {
    expect(quantityValue(parseQuantity('1500m'))).toBe(2)
    expect(quantityMilliValue(parseQuantity('1.5'))).toBe(1500)
    expect(quantityValue(parseQuantity('1Ki'))).toBe(1024)
  })

  it('rounds resource values up to whole millis as defaulting does', () => {
    expect(formatQuantity(roundUpToMilli(parseQuantity('0.1m')))).toBe('1m')
    expect(formatQuantity(roundUpToMilli(parseQuantity('100m')))).toBe('100m')
  })

  it('canonicalizes text and leaves non-quantities alone', () => {
    expect(canonicalQuantity('2048Mi')).toBe('2Gi')
    expect(canonicalQuantity('lots')).toBe('lots')
  })
})
