import type {KubeObject} from './object.js'

/** A column of a meta.k8s.io/v1 Table; priority 0 columns show by default, others only in wide output. */
export interface TableColumnDefinition {
  name: string
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date'
  format: string
  description: string
  priority: number
}

/** A row of a Table: cells in column order, and the object it shows. */
export interface TableRow {
  cells: unknown[]
  object?: KubeObject
}

/** The meta.k8s.io/v1 Table that servers return for `as=Table`: the contract between server and printer. */
export interface Table {
  kind: 'Table'
  apiVersion: 'meta.k8s.io/v1'
  metadata: {resourceVersion?: string; continue?: string}
  columnDefinitions: TableColumnDefinition[]
  rows: TableRow[]
}
