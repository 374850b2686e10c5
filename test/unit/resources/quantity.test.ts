import {describe, expect, it} from 'vitest'
import {
  QUANTITY_FORMAT_ERROR,
  QUANTITY_NUMERIC_ERROR,
  QUANTITY_SUFFIX_ERROR,
  addQuantities,
  compareQuantities,
  formatQuantity,
  newQuantity,
  optionalQuantityString,
  parseQuantity,
  quantityOf,
  quantityString,
  roundUpToMilli,
  scaledValue,
  tryParseQuantity,
  zeroQuantity,
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
    expect(formatQuantity(addQuantities(parseQuantity('1Gi'), parseQuantity('64Mi')))).toBe('1088Mi')
    expect(formatQuantity(addQuantities(parseQuantity('2'), parseQuantity('100m')))).toBe('2100m')
  })

  it('takes the family of the second operand when the first is zero', () => {
    expect(formatQuantity(addQuantities(parseQuantity('0'), parseQuantity('1Gi')))).toBe('1Gi')
    expect(formatQuantity(addQuantities(zeroQuantity(), parseQuantity('1Gi')))).toBe('1Gi')
  })

  it('rounds scaled values up like Value and MilliValue', () => {
    expect(scaledValue(parseQuantity('1500m'), 0)).toBe(2n)
    expect(scaledValue(parseQuantity('1.5'), -3)).toBe(1500n)
    expect(scaledValue(parseQuantity('250m'), -3)).toBe(250n)
    expect(scaledValue(parseQuantity('1Ki'), 0)).toBe(1024n)
    expect(scaledValue(parseQuantity('1'), -12)).toBe(1_000_000_000_000n)
  })

  it('builds whole quantities as NewQuantity does', () => {
    expect(formatQuantity(newQuantity(2048n, 'BinarySI'))).toBe('2Ki')
    expect(formatQuantity(newQuantity(2000n, 'DecimalSI'))).toBe('2k')
  })

  it('rounds resource values up to whole millis as defaulting does', () => {
    expect(formatQuantity(roundUpToMilli(parseQuantity('0.1m')))).toBe('1m')
    expect(formatQuantity(roundUpToMilli(parseQuantity('100m')))).toBe('100m')
  })

  it('compares values exactly across suffixes, as --sort-by does', () => {
    const compare = (a: string, b: string): number => {
      const left = quantityOf(a)
      const right = quantityOf(b)
      if (!left || !right) throw new Error('not quantities')
      return compareQuantities(left, right)
    }
    expect(compare('500Mi', '1Gi')).toBeLessThan(0)
    expect(compare('1000m', '1')).toBe(0)
    expect(compare('1e3', '999')).toBeGreaterThan(0)
  })
})

describe('quantityOf', () => {
  const value = (text: string): number => {
    const quantity = quantityOf(text)
    if (!quantity) throw new Error(`${text} is not a quantity`)
    return Number(quantity.nanos) / 1e9
  }

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

  it.each(['', 'abc', '10.244.0.5', '3h4m', '1e', '1Ki5', 'Running', undefined, null, {}])(
    'gives undefined for %j, which resource.ParseQuantity rejects',
    (text) => {
      expect(quantityOf(text)).toBeUndefined()
    },
  )
})

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
    ['2048Mi', '2Gi'],
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

  it('leaves text that is not a quantity alone, and writes 0 when there is none', () => {
    expect(quantityString('lots')).toBe('lots')
    expect(quantityString(undefined)).toBe('0')
  })
})

describe('optionalQuantityString', () => {
  it('prints an unset *Quantity as <nil> and a set one canonically', () => {
    expect(optionalQuantityString(undefined)).toBe('<nil>')
    expect(optionalQuantityString(null)).toBe('<nil>')
    expect(optionalQuantityString('1500m')).toBe('1500m')
    expect(optionalQuantityString('2000m')).toBe('2')
  })
})
