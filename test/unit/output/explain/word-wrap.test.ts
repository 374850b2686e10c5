import {describe, expect, it} from 'vitest'
import {wrapWords} from '../../../../src/output/explain/word-wrap.js'

describe('wrapWords (go-wordwrap WrapString)', () => {
  it('breaks at the last space that keeps a line within the limit, dropping that space', () => {
    expect(wrapWords('the quick brown fox jumps', 10)).toBe('the quick\nbrown fox\njumps')
  })

  it('keeps a word longer than the limit whole on a line of its own', () => {
    expect(wrapWords('see https://example.com/a/very/long/path here', 10)).toBe(
      'see\nhttps://example.com/a/very/long/path\nhere',
    )
  })

  it('keeps line breaks and the spaces before them when they fit', () => {
    expect(wrapWords('one two\nthree  \nfour', 20)).toBe('one two\nthree  \nfour')
    expect(wrapWords('a\n', 76)).toBe('a\n')
  })

  it('counts characters, not bytes', () => {
    expect(wrapWords('ééééé ééééé', 11)).toBe('ééééé ééééé')
  })
})
