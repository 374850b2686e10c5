import {describe, expect, it} from 'vitest'
import {lineAt} from '../../../src/manifests/line-at.js'

describe('lineAt', () => {
  it('numbers lines from 1 and counts the line breaks before the offset', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {}\n'
    expect(lineAt(text, 0)).toBe(1)
    expect(lineAt(text, text.indexOf('kind'))).toBe(2)
    expect(lineAt(text, text.length)).toBe(4)
  })
})
