// Go's text/tabwriter as kubectl's describers configure it: tabbedString calls
// tabwriter.Writer.Init(buf, 0, 8, 2, ' ', 0) (kubectl: pkg/describe/describe.go (v1.32)).
// Only the settings kubectl uses are supported: no flags, space padding.
const MIN_WIDTH = 0
const PADDING = 2

interface Cell {
  text: string
  /** width in runes, as Go counts it */
  width: number
}

/**
 * Accumulates tab-separated text and aligns it into columns on flush, exactly as Go's tabwriter:
 * a cell is text terminated by a tab, the last cell of a line never belongs to a column, and a
 * column block is a run of consecutive lines that all have a cell in that column.
 */
export class TabWriter {
  private pending = ''
  private output = ''

  /** Buffers text; it is only aligned and emitted by flush. */
  write(text: string): void {
    this.pending += text
  }

  /** Aligns everything written since the last flush; alignment never spans a flush. */
  flush(): void {
    if (this.pending === '') return
    const lines = this.pending.split('\n').map((line) => line.split('\t').map(toCell))
    this.pending = ''
    this.output += formatLines(lines)
  }

  /** Everything flushed so far, after a final flush. */
  toString(): string {
    this.flush()
    return this.output
  }
}

function toCell(text: string): Cell {
  return {text, width: [...text].length}
}

/** Go's Writer.format: finds column blocks recursively, then writes lines padded to their widths. */
function formatLines(lines: Cell[][]): string {
  const out: string[] = []
  const widths: number[] = []
  format(lines, widths, 0, lines.length, out)
  return out.join('')
}

function format(lines: Cell[][], widths: number[], start: number, end: number, out: string[]): void {
  const column = widths.length
  let line0 = start
  for (let row = start; row < end; row++) {
    if (column >= cellsOf(lines, row).length - 1) continue
    // this line has a cell in this column: a column block starts here
    writeLines(lines, widths, line0, row, out)
    line0 = row
    let width = MIN_WIDTH
    for (; row < end; row++) {
      const cells = cellsOf(lines, row)
      if (column >= cells.length - 1) break
      width = Math.max(width, (cells[column]?.width ?? 0) + PADDING)
    }
    widths.push(width)
    format(lines, widths, line0, row, out)
    widths.pop()
    line0 = row
  }
  writeLines(lines, widths, line0, end, out)
}

function cellsOf(lines: Cell[][], row: number): Cell[] {
  return lines[row] ?? []
}

function writeLines(lines: Cell[][], widths: number[], start: number, end: number, out: string[]): void {
  for (let row = start; row < end; row++) {
    const cells = cellsOf(lines, row)
    cells.forEach((cell, j) => {
      out.push(cell.text)
      const width = widths[j]
      if (width !== undefined) out.push(' '.repeat(Math.max(0, width - cell.width)))
    })
    // the last buffered line has no newline of its own
    if (row + 1 < lines.length) out.push('\n')
  }
}
