/**
 * Elastic tabstops as kubectl lays out its tables: a port of github.com/liggitt/tabwriter (Go's
 * text/tabwriter plus RememberWidths), the version kubectl v1.32 vendors. Cells are terminated by
 * '\t'; the text after a line's last tab is not part of a column and is never padded, while an
 * empty cell before a tab is padded (so a row whose last cell is empty keeps trailing spaces, as in
 * kubectl). Widths are counted in code points, as utf8.RuneCount does.
 */

/** Settings of a TabWriter (tabwriter.NewWriter's parameters; tabwidth only matters when padding with tabs). */
export interface TabWriterSettings {
  minWidth: number
  padding: number
  padChar: string
  /** liggitt/tabwriter's RememberWidths flag: column widths only grow across flushes */
  rememberWidths: boolean
}

/** kubectl's printers.GetNewTabWriter: minwidth 6, tabwidth 4, padding 3, ' ', RememberWidths (v1.32). */
const KUBECTL_TABWRITER: Readonly<TabWriterSettings> = {
  minWidth: 6,
  padding: 3,
  padChar: ' ',
  rememberWidths: true,
}

/** kubectl describe's tabbedString: Init(out, 0, 8, 2, ' ', 0), so no minimum width and no memory (v1.32). */
export const DESCRIBE_TABWRITER: Readonly<TabWriterSettings> = {
  minWidth: 0,
  padding: 2,
  padChar: ' ',
  rememberWidths: false,
}

interface Cell {
  text: string
  width: number
}

/** A tabwriter.Writer collecting its output in memory; flush() returns what it wrote. */
export class TabWriter {
  private lines: Cell[][] = [[]]
  private cell = ''
  private widths: number[] = []
  private maxWidths: number[] = []
  private output = ''

  constructor(private readonly settings: Readonly<TabWriterSettings> = KUBECTL_TABWRITER) {}

  /** Buffers text; a line with a single cell or a '\f' flushes what came before, as Go's Write does. */
  write(text: string): void {
    for (const char of text) {
      if (char !== '\t' && char !== '\v' && char !== '\n' && char !== '\f') {
        this.cell += char
        continue
      }
      const cellCount = this.terminateCell()
      if (char === '\n' || char === '\f') {
        this.lines.push([])
        if (char === '\f' || cellCount === 1) this.formatBuffered()
      }
    }
  }

  /** Formats everything buffered and returns all output produced since the last flush. */
  flush(): string {
    this.formatBuffered()
    const output = this.output
    this.output = ''
    return output
  }

  /** Sets the remembered column widths (kubectl resets them with nil between resource types). */
  setRememberedWidths(widths: readonly number[]): void {
    this.maxWidths = [...widths]
  }

  private terminateCell(): number {
    const line = this.lines[this.lines.length - 1] ?? []
    line.push({text: this.cell, width: [...this.cell].length})
    this.cell = ''
    return line.length
  }

  private formatBuffered(): void {
    if (this.cell.length > 0) this.terminateCell()
    this.format(0, this.lines.length)
    this.lines = [[]]
    this.widths = []
  }

  private format(firstLine: number, endLine: number): void {
    let line0 = firstLine
    const column = this.widths.length
    for (let current = line0; current < endLine; current++) {
      if (column >= this.cellCount(current) - 1) continue
      // a cell exists in this column: print the lines before the block, then find its extent
      this.writeLines(line0, current)
      line0 = current
      let width = this.settings.minWidth
      for (; current < endLine; current++) {
        if (column >= this.cellCount(current) - 1) break
        const cell = this.lines[current]?.[column]
        width = Math.max(width, (cell?.width ?? 0) + this.settings.padding)
      }
      width = this.rememberWidth(width)
      this.widths.push(width)
      this.format(line0, current)
      this.widths.pop()
      line0 = current
    }
    this.writeLines(line0, endLine)
  }

  // liggitt/tabwriter: a column is never narrower than the widest one seen in an earlier flush.
  private rememberWidth(width: number): number {
    if (!this.settings.rememberWidths) return width
    const column = this.widths.length
    if (this.maxWidths.length < column) this.maxWidths.push(...this.widths.slice(this.maxWidths.length))
    const remembered = this.maxWidths[column]
    if (remembered === undefined) {
      this.maxWidths.push(width)
      return width
    }
    if (remembered > width) return remembered
    this.maxWidths[column] = width
    return width
  }

  private cellCount(line: number): number {
    return this.lines[line]?.length ?? 0
  }

  private writeLines(line0: number, line1: number): void {
    for (let index = line0; index < line1; index++) {
      const cells = this.lines[index] ?? []
      cells.forEach((cell, column) => {
        this.output += cell.text
        const width = this.widths[column]
        if (width !== undefined) this.output += this.settings.padChar.repeat(Math.max(width - cell.width, 0))
      })
      // the last buffered line has no line break of its own
      if (index + 1 < this.lines.length) this.output += '\n'
    }
  }
}
