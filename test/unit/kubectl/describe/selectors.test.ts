import {describe, expect, it} from 'vitest'
import {formatLabels, formatLabelSelector, labelSelectorString} from '../../../../src/kubectl/describe/selectors.js'

describe('labelSelectorString', () => {
  it('writes match labels and expressions sorted by key, with sorted values', () => {
    const selector = {
      matchLabels: {tier: 'web', app: 'shop'},
      matchExpressions: [
        {key: 'env', operator: 'In', values: ['prod', 'canary']},
        {key: 'legacy', operator: 'DoesNotExist'},
        {key: 'zone', operator: 'NotIn', values: ['b']},
        {key: 'gpu', operator: 'Exists'},
      ],
    }

    expect(labelSelectorString(selector)).toBe('app=shop,env in (canary,prod),gpu,!legacy,tier=web,zone notin (b)')
  })

  it('is empty for a missing or empty selector', () => {
    expect(labelSelectorString(undefined)).toBe('')
    expect(labelSelectorString({})).toBe('')
  })
})

describe('formatLabelSelector', () => {
  it('says <none> when the selector is empty', () => {
    expect(formatLabelSelector({})).toBe('<none>')
    expect(formatLabelSelector({matchLabels: {app: 'web'}})).toBe('app=web')
  })
})

describe('formatLabels', () => {
  it('joins labels sorted by key, or says <none>', () => {
    expect(formatLabels({b: '2', a: '1'})).toBe('a=1,b=2')
    expect(formatLabels({})).toBe('<none>')
  })
})
