import {describe, expect, it} from 'vitest'
import {formatLabelSelector, formatLabels, labelSelectorString} from '../../../../src/resources/columns/labels.js'

describe('label formatting', () => {
  it('formats a label map with sorted keys, <none> when empty', () => {
    expect(formatLabels({tier: 'front', app: 'web'})).toBe('app=web,tier=front')
    expect(formatLabels({})).toBe('<none>')
    expect(formatLabels(undefined)).toBe('<none>')
  })

  it('formats every operator of a label selector, sorted by key', () => {
    const selector = {
      matchLabels: {app: 'web'},
      matchExpressions: [
        {key: 'env', operator: 'NotIn', values: ['qa', 'dev']},
        {key: 'canary', operator: 'DoesNotExist'},
        {key: 'zone', operator: 'In', values: ['b', 'a']},
        {key: 'gpu', operator: 'Exists'},
      ],
    }
    expect(formatLabelSelector(selector)).toBe('app=web,!canary,env notin (dev,qa),gpu,zone in (a,b)')
  })

  it('writes <none> for a selector that selects everything and <error> for an invalid one', () => {
    expect(formatLabelSelector({})).toBe('<none>')
    expect(formatLabelSelector(undefined)).toBe('<none>')
    expect(formatLabelSelector({matchExpressions: [{key: 'a', operator: 'In', values: []}]})).toBe('<error>')
    expect(formatLabelSelector({matchExpressions: [{key: 'a', operator: 'Exists', values: ['x']}]})).toBe('<error>')
    expect(labelSelectorString({matchExpressions: [{key: 'a', operator: 'Gt', values: ['1']}]})).toBeUndefined()
  })
})
