import type {KubeObject} from '../../backend/object.js'
import type {TableColumnDefinition} from '../../backend/table.js'
import {humanDuration} from '../human-duration.js'
import {parseTimestamp} from './age.js'
import {nameColumn, type ColumnSet, type ColumnType} from './column-set.js'
import {evaluateFieldPath, parseFieldPath, type FieldPath} from './field-path.js'
import {jsonPathText} from './go-text.js'

/** One entry of a CRD version's additionalPrinterColumns. */
export interface PrinterColumn {
  name: string
  type: string
  format?: string
  description?: string
  priority?: number
  jsonPath: string
}

interface CustomResourceDefinitionFields extends KubeObject {
  spec?: {versions?: {name?: string; additionalPrinterColumns?: PrinterColumn[]}[]}
}

// kube-apiextensions-apiserver: serveDefaultColumnsIfEmpty (v1.32)
const DEFAULT_PRINTER_COLUMNS: readonly PrinterColumn[] = [
  {
    name: 'Age',
    type: 'date',
    description: 'Time since the object was created.',
    jsonPath: '.metadata.creationTimestamp',
  },
]
const COLUMN_TYPES: ReadonlySet<string> = new Set(['string', 'integer', 'number', 'boolean', 'date'])
// RFC 3339 as Go's time.Parse accepts it for metav1.Time
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

/**
 * The table of a custom resource, from the additionalPrinterColumns of its CRD's version (NAME AGE when it has
 * none, or when the CRD does not serve that version).
 */
export function customResourceColumns(crd: KubeObject, version: string): ColumnSet {
  const versions = (crd as CustomResourceDefinitionFields).spec?.versions ?? []
  const columns = versions.find((v) => v.name === version)?.additionalPrinterColumns ?? []
  return printerColumnSet(columns.length > 0 ? columns : DEFAULT_PRINTER_COLUMNS)
}

/** NAME AGE: the table served for custom resources whose CRD version has no additionalPrinterColumns. */
export const customResourceDefaultColumns: ColumnSet = printerColumnSet(DEFAULT_PRINTER_COLUMNS)

/**
 * A column set that evaluates printer columns over each object; a column whose path cannot be parsed ends the
 * list, as the apiserver's convertor stops at the first bad path.
 * kube-apiextensions-apiserver: pkg/registry/customresource/tableconvertor New + ConvertToTable (v1.32)
 */
export function printerColumnSet(printerColumns: readonly PrinterColumn[]): ColumnSet {
  const parsed: {column: PrinterColumn; path: FieldPath}[] = []
  for (const column of printerColumns) {
    const path = parseFieldPath(column.jsonPath)
    if (path === undefined) break
    parsed.push({column, path})
  }
  return {
    columns: [nameColumn(), ...parsed.map(({column}) => definitionOf(column))],
    cells(object: KubeObject, now: number): unknown[] {
      const cells = parsed.map(({column, path}) => {
        const found = evaluateFieldPath(path, object)
        return found.length === 0 ? null : cellFor(column.type, found[0], now)
      })
      return [object.metadata.name ?? '', ...cells]
    },
  }
}

function definitionOf(column: PrinterColumn): TableColumnDefinition {
  return {
    name: column.name,
    type: isColumnType(column.type) ? column.type : 'string',
    format: column.format ?? '',
    description: column.description || `Custom resource definition column (in JSONPath format): ${column.jsonPath}`,
    priority: column.priority ?? 0,
  }
}

function isColumnType(type: string): type is ColumnType {
  return COLUMN_TYPES.has(type)
}

// kube-apiextensions-apiserver: tableconvertor cellForJSONValue (v1.32)
function cellFor(type: string, value: unknown, now: number): unknown {
  if (value === null || value === undefined) return null
  switch (type) {
    case 'string':
      return jsonPathText(value) ?? null
    case 'integer':
      return typeof value === 'number' ? Math.trunc(value) : null
    case 'number':
      return typeof value === 'number' ? value : null
    case 'boolean':
      return typeof value === 'boolean' ? value : null
    case 'date':
      return typeof value === 'string' ? dateCell(value, now) : null
    default:
      return null
  }
}

function dateCell(value: string, now: number): string {
  if (value === '' || value === 'null') return '<unknown>'
  const ms = RFC3339.test(value) ? parseTimestamp(value) : undefined
  return ms === undefined ? '<invalid>' : humanDuration(now - ms)
}
