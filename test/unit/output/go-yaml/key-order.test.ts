import {describe, expect, it} from 'vitest'
import {compareYamlKeys} from '../../../../src/output/go-yaml/key-order.js'

describe('compareYamlKeys', () => {
  it('puts non-letters before letters and upper case before lower case', () => {
    expect(['b', 'a', 'B', '=', '_x', 'a_'].sort(compareYamlKeys)).toEqual(['=', '_x', 'B', 'a', 'a_', 'b'])
  })

  it('compares runs of digits by value', () => {
    expect(['a10', 'a9', 'a1', 'b2', 'b10'].sort(compareYamlKeys)).toEqual(['a1', 'a9', 'a10', 'b2', 'b10'])
  })

  it('orders a prefix before the longer key', () => {
    expect(['dash2', 'dash'].sort(compareYamlKeys)).toEqual(['dash', 'dash2'])
  })
})
