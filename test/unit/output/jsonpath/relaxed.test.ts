import {describe, expect, it} from 'vitest'
import {relaxedJsonPathExpression} from '../../../../src/output/jsonpath/relaxed.js'

describe('relaxedJsonPathExpression', () => {
  it.each(['metadata.name', '.metadata.name', '{metadata.name}', '{.metadata.name}'])(
    'turns %s into {.metadata.name}',
    (expression) => {
      expect(relaxedJsonPathExpression(expression)).toBe('{.metadata.name}')
    },
  )

  it('leaves an empty expression empty', () => {
    expect(relaxedJsonPathExpression('')).toBe('')
  })

  it('rejects an expression with unbalanced braces in kubectl words', () => {
    expect(() => relaxedJsonPathExpression('{.a')).toThrow(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    )
  })
})
