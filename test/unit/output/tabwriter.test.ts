import {describe, expect, it} from 'vitest'
import {TabWriter} from '../../../src/output/tabwriter.js'

describe('TabWriter', () => {
  it('pads tab-terminated cells to the widest cell plus three, at least six wide', () => {
    const writer = new TabWriter()
    writer.write('NAME\tREADY\tAGE\nweb-7d4b9c8f5-abcde\t1/1\t5m\na\tb\tc\n')
    expect(writer.flush()).toBe(
      'NAME                  READY   AGE\nweb-7d4b9c8f5-abcde   1/1     5m\na                     b       c\n',
    )
  })

  it('pads an empty cell before a tab, leaving trailing spaces when the last column is empty', () => {
    const writer = new TabWriter()
    writer.write('a\tb\t\nlonger\tc\td\n')
    expect(writer.flush()).toBe('a        b     \nlonger   c     d\n')
  })

  it('counts code points, not bytes, for the width of a cell', () => {
    const writer = new TabWriter()
    writer.write('日本語日本語\tx\nab\ty\n')
    expect(writer.flush()).toBe('日本語日本語   x\nab       y\n')
  })

  it('remembers widths across flushes so that later rows never shrink a column', () => {
    const writer = new TabWriter()
    writer.write('a-long-name\tx\n')
    expect(writer.flush()).toBe('a-long-name   x\n')
    writer.write('b\ty\n')
    expect(writer.flush()).toBe('b             y\n')
  })

  it('aligns only contiguous lines that have a cell in the column', () => {
    const writer = new TabWriter()
    writer.write('aaaa\tb\nno tabs here\naa\tbbbbbbb\n')
    expect(writer.flush()).toBe('aaaa   b\nno tabs here\naa     bbbbbbb\n')
  })

  it('can forget remembered widths, as kubectl does between resource types', () => {
    const writer = new TabWriter()
    writer.write('a-long-name\tx\n')
    writer.flush()
    writer.setRememberedWidths([])
    writer.write('b\ty\n')
    expect(writer.flush()).toBe('b     y\n')
  })
})
