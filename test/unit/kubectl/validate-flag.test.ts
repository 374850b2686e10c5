import {describe, expect, it} from 'vitest'
import {fieldValidationOf} from '../../../src/kubectl/validate-flag.js'

describe('fieldValidationOf', () => {
  it('maps kubectl’s --validate values to fieldValidation', () => {
    expect(['strict', 'true', 'TRUE', 'warn', 'ignore', 'false'].map(fieldValidationOf)).toEqual([
      'Strict',
      'Strict',
      'Strict',
      'Warn',
      'Ignore',
      'Ignore',
    ])
  })

  it('refuses anything else in kubectl’s words', () => {
    expect(() => fieldValidationOf('bogus')).toThrow(
      'invalid - validate option "bogus"; must be one of: strict (or true), warn, ignore (or false)',
    )
  })
})
