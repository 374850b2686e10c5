import {describe, expect, it} from 'vitest'
import {errorString} from '../../../../src/embedded/admission/field-error.js'
import {isEmptySelector} from '../../../../src/resources/label-selector.js'
import {
  selectorFromLabelSelector,
  selectorMatches,
  validateLabelSelector,
} from '../../../../src/embedded/admission/labels.js'

describe('label selectors', () => {
  it('validates operators and values', () => {
    const selector = {
      matchExpressions: [
        {key: 'tier', operator: 'In'},
        {key: 'env', operator: 'Near', values: ['x']},
        {key: 'a', operator: 'Exists', values: ['b']},
      ],
    }
    expect(validateLabelSelector(selector, 'spec.selector').map(errorString)).toEqual([
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      'spec.selector.matchExpressions[1].operator: Invalid value: "Near": not a valid selector operator',
      "spec.selector.matchExpressions[2].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
    ])
  })

  it('converts nil to nothing and empty to everything, as LabelSelectorAsSelector does', () => {
    const nothing = selectorFromLabelSelector(undefined)
    const everything = selectorFromLabelSelector({})
    if (nothing === undefined || everything === undefined) throw new Error('selector did not convert')
    expect(selectorMatches(nothing, {app: 'web'})).toBe(false)
    expect(isEmptySelector(nothing)).toBe(false)
    expect(selectorMatches(everything, {app: 'web'})).toBe(true)
    expect(isEmptySelector(everything)).toBe(true)
    expect(selectorFromLabelSelector({matchExpressions: [{key: 'a', operator: 'Near'}]})).toBeUndefined()
    expect(selectorFromLabelSelector({matchLabels: {'bad key': 'x'}})).toBeUndefined()
  })

  it('matches label sets with every operator', () => {
    const selector = selectorFromLabelSelector({
      matchLabels: {app: 'web'},
      matchExpressions: [
        {key: 'tier', operator: 'In', values: ['front', 'back']},
        {key: 'env', operator: 'NotIn', values: ['prod']},
        {key: 'team', operator: 'Exists'},
        {key: 'legacy', operator: 'DoesNotExist'},
      ],
    })
    if (selector === undefined) throw new Error('selector did not compile')
    expect(selectorMatches(selector, {app: 'web', tier: 'front', team: 'a'})).toBe(true)
    expect(selectorMatches(selector, {app: 'web', tier: 'front', team: 'a', env: 'prod'})).toBe(false)
    expect(selectorMatches(selector, {app: 'web', tier: 'front', team: 'a', legacy: 'y'})).toBe(false)
  })
})
