import {describe, expect, it} from 'vitest'
import {TabWriter} from '../../../../src/kubectl/describe/tab-writer.js'

// Expected outputs are those of Go's text/tabwriter with kubectl's settings (minwidth 0, padding 2, spaces).
function aligned(...writes: string[]): string {
  const writer = new TabWriter()
  for (const text of writes) writer.write(text)
  return writer.toString()
}

describe('TabWriter', () => {
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
    const writer = new TabWriter()
    writer.write('Short:\tone\n')
    writer.flush()
    writer.write('Much longer label:\ttwo\n')

    expect(writer.toString()).toBe('Short:  one\nMuch longer label:  two\n')
  })

  it('measures cells in characters, not bytes', () => {
    expect(aligned('ä\tx\nab\ty\n')).toBe('ä   x\nab  y\n')
  })

  it('keeps text written after the last newline', () => {
    expect(aligned('a\tb\n', 'rest')).toBe('a  b\nrest')
  })
})
