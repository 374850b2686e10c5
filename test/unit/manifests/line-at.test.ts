import {describe, expect, it} from 'vitest'
import {createLineCounter, lineAt} from '../../../src/manifests/line-at.js'

describe('lineAt', () => {
  it('numbers lines from 1 and counts the line breaks before the offset', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {}\n'
    expect(lineAt(text, 0)).toBe(1)
    expect(lineAt(text, text.indexOf('kind'))).toBe(2)
    expect(lineAt(text, text.length)).toBe(4)
  })

  it('counts lines for offsets asked in increasing order, and again from the start when one goes back', () => {
    const text = 'a\nb\n\nc\n'
    const lineOf = createLineCounter(text)
    expect([0, 2, 4, 5, 8, 2].map(lineOf)).toEqual([1, 2, 3, 4, 5, 2])
  })
})
