import {describe, expect, it} from 'vitest'
import {DESCRIBE_TABWRITER, TabWriter} from '../../../src/output/tabwriter.js'

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

describe('TabWriter with kubectl describe settings', () => {
  // Expected outputs are those of Go's text/tabwriter with describe's settings (minwidth 0, padding 2, spaces).
  function aligned(...writes: string[]): string {
    const writer = new TabWriter(DESCRIBE_TABWRITER)
    for (const text of writes) writer.write(text)
    return writer.flush()
  }

  it('pads every tab-terminated cell to its column width plus two spaces', () => {
    expect(aligned('a\tb\tc\naaa\tbb\tc\n')).toBe('a    b   c\naaa  bb  c\n')
  })

  it('ends a column block at a line without that column', () => {
    expect(aligned('a\tx\nlong line\nabcdef\ty\n')).toBe('a  x\nlong line\nabcdef  y\n')
  })

  it('never pads the last cell of a line, so shorter lines only share the columns they have', () => {
    expect(aligned('a\tb\tc\nxx\ty\n')).toBe('a   b  c\nxx  y\n')
  })

  it('keeps the padding of an empty last column, leaving trailing spaces as kubectl does', () => {
    expect(aligned('Name:\t\nNamespace:\tdefault\n')).toBe('Name:       \nNamespace:  default\n')
  })

  it('aligns nothing across a flush', () => {
    const writer = new TabWriter(DESCRIBE_TABWRITER)
    writer.write('Short:\tone\n')
    const first = writer.flush()
    writer.write('Much longer label:\ttwo\n')

    expect(first + writer.flush()).toBe('Short:  one\nMuch longer label:  two\n')
  })

  it('measures cells in characters, not bytes', () => {
    expect(aligned('ä\tx\nab\ty\n')).toBe('ä   x\nab  y\n')
  })

  it('keeps text written after the last newline', () => {
    expect(aligned('a\tb\n', 'rest')).toBe('a  b\nrest')
  })
})
