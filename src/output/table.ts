/**
 * kubectl's human-readable output of a meta.k8s.io Table (cli-runtime printers/tableprinter.go and
 * kubectl get.go, v1.32): columns of priority 0 unless wide, headers in upper case, no header when
 * there are no rows, cells laid out by kubectl's tabwriter (see tabwriter.ts; a row whose last cell
 * is empty keeps its padding, as in kubectl). A cell is cut at its first line break and marked
 * `...`, and an escape character prints as `^[`. A null cell prints empty.
 */
import type {Table, TableColumnDefinition} from '../backend/table.js'
import {goSprint} from '../resources/go-format.js'
import {TabWriter} from './tabwriter.js'
import type {TablePrintOptions} from './table-decorate.js'
import {decorateTable} from './table-decorate.js'

export type {TablePrintOptions} from './table-decorate.js'

// printers.formatEventType: watch event types padded to one width.
const EVENT_TYPES: Readonly<Record<string, string>> = {
  ADDED: 'ADDED   ',
  MODIFIED: 'MODIFIED',
  DELETED: 'DELETED ',
  ERROR: 'ERROR   ',
}
// cellBreakChars: a cell is cut at the first of these; formfeed is a line break to the tabwriter.
const CELL_BREAK = /[\f\n\r]/
const TRUNCATED = '...'

/**
 * kubectl's HumanReadablePrinter over one tabwriter, the stateful printer `get` and `get -w` use:
 * the header is printed again only when the column definitions change, and column widths only grow
 * from one flush to the next.
 */
export class TablePrinter {
  private readonly writer = new TabWriter()
  private lastColumns: TableColumnDefinition[] = []
  private printedHeaders = false

  constructor(private readonly options: TablePrintOptions = {}) {}

  /** Writes a table (PrintObj): its header if due, then its rows; eventType adds kubectl's EVENT column. */
  write(table: Table, eventType?: string): void {
    const sameColumns = sameColumnDefinitions(table.columnDefinitions, this.lastColumns)
    let noHeaders = this.options.noHeaders === true
    if (this.printedHeaders && (table.columnDefinitions.length === 0 || sameColumns)) noHeaders = true
    let current = table
    if (table.columnDefinitions.length === 0) {
      // watch events may leave the columns out: use the last ones printed
      current = {...table, columnDefinitions: this.lastColumns}
    } else if (!sameColumns) {
      this.lastColumns = table.columnDefinitions
      this.printedHeaders = false
    }
    if (table.rows.length > 0) this.printedHeaders = true

    let decorated = decorateTable(current, this.options)
    if (eventType !== undefined) decorated = withEventColumn(decorated, eventType)
    this.writer.write(tableText(decorated, {wide: this.options.wide === true, noHeaders}))
  }

  /** The aligned text of everything written since the last flush. */
  flush(): string {
    return this.writer.flush()
  }

  /** write then flush, as `get -w` does for the first list and then for every event. */
  print(table: Table, eventType?: string): string {
    this.write(table, eventType)
    return this.flush()
  }
}

/** One Table as `kubectl get` prints it. */
export function printTable(table: Table, options: TablePrintOptions = {}): string {
  return new TablePrinter(options).print(table)
}

/** A Table among several printed by one `kubectl get` (one per resource type, or per name asked for). */
export interface TableToPrint {
  table: Table
  /** the resource it lists ('deployments.apps'): a new resource starts a new block with its own header */
  resource: string
  /** NAMESPACE column: kubectl get -A on a namespaced resource */
  withNamespace?: boolean
  /** `deployment.apps`: set when several types are printed, to prefix names */
  kindPrefix?: string
}

/**
 * Several Tables as one `kubectl get` prints them (get.go Run, v1.32): consecutive tables of one
 * resource share a header and alignment; each new resource gets its own, after a blank line when
 * something was printed before and headers are on.
 */
export function printTables(
  tables: readonly TableToPrint[],
  options: Omit<TablePrintOptions, 'withNamespace' | 'kindPrefix'> = {},
): string {
  let output = ''
  let printer: TablePrinter | undefined
  let lastResource: string | undefined
  const flushGroup = (): void => {
    const text = printer?.flush() ?? ''
    if (text === '') return
    output += (output !== '' && options.noHeaders !== true ? '\n' : '') + text
  }
  for (const entry of tables) {
    if (printer === undefined || entry.resource !== lastResource) {
      flushGroup()
      printer = new TablePrinter({...options, withNamespace: entry.withNamespace, kindPrefix: entry.kindPrefix})
      lastResource = entry.resource
    }
    printer.write(entry.table)
  }
  flushGroup()
  return output
}

// The tab-separated header and rows of a decorated table, as printTable writes them to the tabwriter.
function tableText(table: Table, options: {wide: boolean; noHeaders: boolean}): string {
  const visible = table.columnDefinitions.map((column) => options.wide || column.priority === 0)
  let text = ''
  if (!options.noHeaders) {
    if (table.rows.length === 0) return ''
    text += `${table.columnDefinitions
      .filter((_, index) => visible[index])
      .map((column) => column.name.toUpperCase())
      .join('\t')}\n`
  }
  for (const row of table.rows) {
    // a row with more cells than columns is cut (kubernetes issue 66379)
    const cells = row.cells.slice(0, table.columnDefinitions.length).filter((_, index) => visible[index])
    text += `${cells.map(cellText).join('\t')}\n`
  }
  return text
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return ''
  const text = typeof cell === 'string' ? cell : goSprint(cell)
  const lineBreak = typeof cell === 'string' ? text.search(CELL_BREAK) : -1
  return lineBreak < 0 ? escapeTerminal(text) : escapeTerminal(text.slice(0, lineBreak)) + TRUNCATED
}

/** printers.EscapeTerminal: ESC prints as `^[` and CR as `\r`, so a cell cannot drive the terminal. */
export function escapeTerminal(text: string): string {
  return text.replaceAll('\x1b', '^[').replaceAll('\r', '\\r')
}

// reflect.DeepEqual on the column definitions
function sameColumnDefinitions(a: readonly TableColumnDefinition[], b: readonly TableColumnDefinition[]): boolean {
  const key = (columns: readonly TableColumnDefinition[]): string =>
    JSON.stringify(
      columns.map((column) => [column.name, column.type, column.format, column.description, column.priority]),
    )
  return key(a) === key(b)
}

function withEventColumn(table: Table, eventType: string): Table {
  const event = EVENT_TYPES[eventType] ?? eventType
  return {
    ...table,
    columnDefinitions: [
      {name: 'Event', type: 'string', format: '', description: '', priority: 0},
      ...table.columnDefinitions,
    ],
    rows: table.rows.map((row) => ({...row, cells: [event, ...row.cells]})),
  }
}
