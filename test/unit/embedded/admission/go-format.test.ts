import {describe, expect, it} from 'vitest'
import {goLabelSelector, goStringMap} from '../../../../src/embedded/admission/go-format.js'

describe('Go value formatting', () => {
  it('prints string maps with sorted keys as %#v does', () => {
    expect(goStringMap({tier: 'web', app: 'x'})).toBe('map[string]string{"app":"x", "tier":"web"}')
    expect(goStringMap(undefined)).toBe('map[string]string(nil)')
    expect(goStringMap({})).toBe('map[string]string{}')
  })

  it('prints a label selector as the immutable-selector error shows it', () => {
    expect(goLabelSelector({matchLabels: {app: 'web2'}})).toBe(
      'v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}',
    )
    expect(goLabelSelector({matchExpressions: [{key: 'tier', operator: 'In', values: ['a', 'b']}]})).toBe(
      'v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"tier", Operator:"In", Values:[]string{"a", "b"}}}}',
    )
  })
})
