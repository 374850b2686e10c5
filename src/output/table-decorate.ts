/**
 * kubectl's decorateTable (k8s.io/cli-runtime/pkg/printers/tableprinter.go, v1.32): the columns the
 * client adds to the server's Table: NAMESPACE first for --all-namespaces, one column per -L label,
 * LABELS last for --show-labels, and the kind before each name when several types are printed.
 */
import type {KubeObject} from '../backend/object.js'
import type {Table, TableColumnDefinition, TableRow} from '../backend/table.js'
import {goSprint} from '../resources/go-format.js'
import {formatLabels} from '../resources/label-selector.js'

/** How a Table is printed: kubectl's printers.PrintOptions. */
export interface TablePrintOptions {
  /** -o wide: also the columns of priority above 0 */
  wide?: boolean
  /** --no-headers */
  noHeaders?: boolean
  /** a NAMESPACE column first, from each row's object (kubectl get -A on a namespaced resource) */
  withNamespace?: boolean
  /** --show-labels: a LABELS column last, `k=v,k2=v2` or `<none>` */
  showLabels?: boolean
  /** -L key: one column per label key, headed by the key's last segment in upper case */
  labelColumns?: readonly string[]
  /** `deployment.apps`: printed before each name (`deployment.apps/web`) when several types are listed */
  kindPrefix?: string
}

/** The Table with the client-side columns added; the argument is left untouched. */
export function decorateTable(table: Table, options: TablePrintOptions): Table {
  const labelColumns = options.labelColumns ?? []
  const kindPrefix = options.kindPrefix ?? ''
  const nameColumn =
    kindPrefix === ''
      ? -1
      : table.columnDefinitions.findIndex((column) => column.format === 'name' && column.type === 'string')
  const extraColumns =
    labelColumns.length + (options.withNamespace === true ? 1 : 0) + (options.showLabels === true ? 1 : 0)
  const width = table.columnDefinitions.length + extraColumns
  const includeLabels = labelColumns.length > 0 || options.showLabels === true
  if (!includeLabels && options.withNamespace !== true && nameColumn === -1) return table

  const columnDefinitions =
    extraColumns === 0
      ? table.columnDefinitions
      : [
          ...(options.withNamespace === true ? [addedColumn('Namespace')] : []),
          ...table.columnDefinitions,
          ...labelColumns.map((key) => addedColumn(labelHeader(key))),
          ...(options.showLabels === true ? [addedColumn('Labels')] : []),
        ]
  const rows = table.rows.map((row) => decorateRow(row, {options, nameColumn, kindPrefix, width, includeLabels}))
  return {...table, columnDefinitions, rows}
}

function decorateRow(
  row: TableRow,
  context: {options: TablePrintOptions; nameColumn: number; kindPrefix: string; width: number; includeLabels: boolean},
): TableRow {
  const {options, nameColumn, kindPrefix, width, includeLabels} = context
  let cells = [...row.cells]
  if (nameColumn !== -1 && nameColumn < cells.length) cells[nameColumn] = `${kindPrefix}/${goSprint(cells[nameColumn])}`
  const metadata = metadataOf(row.object)
  if (metadata === undefined) {
    // no object to read: the added columns stay empty
    if (options.withNamespace === true) cells = [null, ...cells]
    while (cells.length < width) cells.push(null)
    return {...row, cells}
  }
  if (options.withNamespace === true) cells = [metadata.namespace ?? '', ...cells]
  if (includeLabels) {
    const labels = metadata.labels ?? {}
    for (const key of options.labelColumns ?? []) cells.push(labels[key] ?? '')
    if (options.showLabels === true) cells.push(formatLabels(labels))
  }
  return {...row, cells}
}

// formatLabelHeaders: `-L app.kubernetes.io/name` is headed NAME.
function labelHeader(key: string): string {
  const segments = key.split('/')
  return (segments[segments.length - 1] ?? '').toUpperCase()
}

function addedColumn(name: string): TableColumnDefinition {
  return {name, type: 'string', format: '', description: '', priority: 0}
}

function metadataOf(object: KubeObject | undefined): {namespace?: string; labels?: Record<string, string>} | undefined {
  const metadata: unknown = object?.metadata
  return typeof metadata === 'object' && metadata !== null ? metadata : undefined
}
