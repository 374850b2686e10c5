import {describe, expect, it} from 'vitest'
import {aggregateMessage} from '../../../src/resources/aggregate-message.js'

describe('aggregateMessage', () => {
  it('prints one message as it is', () => {
    expect(aggregateMessage(['key: Invalid value'])).toBe('key: Invalid value')
  })

  it('brackets several messages and drops repeated ones, as utilerrors.NewAggregate does', () => {
    expect(aggregateMessage(['a', 'b', 'a'])).toBe('[a, b]')
  })
})
