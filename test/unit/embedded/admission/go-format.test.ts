import {describe, expect, it} from 'vitest'
import {
  goLabelSelector,
  goQuote,
  goStringMap,
  goStringSlice,
  goValue,
} from '../../../../src/embedded/admission/go-format.js'

describe('Go value formatting', () => {
  it('quotes strings as strconv.Quote does', () => {
    expect(goQuote('Web')).toBe('"Web"')
    expect(goQuote('a"b\\c')).toBe('"a\\"b\\\\c"')
    expect(goQuote('tab\there\n')).toBe('"tab\\there\\n"')
    expect(goQuote('\u0001')).toBe('"\\x01"')
    expect(goQuote('café')).toBe('"café"')
  })

  it('prints string maps with sorted keys as %#v does', () => {
    expect(goStringMap({tier: 'web', app: 'x'})).toBe('map[string]string{"app":"x", "tier":"web"}')
    expect(goStringMap(undefined)).toBe('map[string]string(nil)')
    expect(goStringMap({})).toBe('map[string]string{}')
  })

  it('prints string slices', () => {
    expect(goStringSlice(['10.96.0.6'])).toBe('[]string{"10.96.0.6"}')
    expect(goStringSlice(undefined)).toBe('[]string(nil)')
  })

  it('prints a label selector as the immutable-selector error shows it', () => {
    expect(goLabelSelector({matchLabels: {app: 'web2'}})).toBe(
      'v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}',
    )
    expect(goLabelSelector({matchExpressions: [{key: 'tier', operator: 'In', values: ['a', 'b']}]})).toBe(
      'v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"tier", Operator:"In", Values:[]string{"a", "b"}}}}',
    )
  })

  it('abbreviates structs it cannot print faithfully', () => {
    expect(goValue({a: {b: 1}}, 'core.PodTemplateSpec')).toBe('core.PodTemplateSpec{...}')
    expect(goValue(3)).toBe('3')
    expect(goValue(null)).toBe('null')
  })
})
