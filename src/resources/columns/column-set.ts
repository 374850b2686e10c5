import type {KubeObject} from '../../backend/object.js'
import type {TableColumnDefinition} from '../../backend/table.js'

/**
 * The Table columns of one kind and the function that fills one row. Rows always carry every cell, wide
 * ones included: kube-apiserver prints with Wide set and leaves dropping priority-1 columns to the client.
 */
export interface ColumnSet {
  columns: TableColumnDefinition[]
  cells(object: KubeObject, now: number): unknown[]
}

/** The JSON type of a column's cells, as meta.k8s.io/v1 TableColumnDefinition names it. */
export type ColumnType = TableColumnDefinition['type']

/** A column shown by default (priority 0). */
export function column(name: string, type: ColumnType, description: string): TableColumnDefinition {
  return {name, type, format: '', description, priority: 0}
}

/** A column shown only with `-o wide` (priority 1). */
export function wideColumn(name: string, type: ColumnType, description: string): TableColumnDefinition {
  return {name, type, format: '', description, priority: 1}
}

/** The Name column that starts almost every table (format `name`). */
export function nameColumn(): TableColumnDefinition {
  return {
    name: 'Name',
    type: 'string',
    format: 'name',
    description: 'Name of the object, unique in its namespace.',
    priority: 0,
  }
}

/** The Age column: time since metadata.creationTimestamp. */
export function ageColumn(): TableColumnDefinition {
  return column('Age', 'string', 'Time since the object was created.')
}

/** Descriptions shared by the Containers/Images wide columns of workload tables. */
export function containerColumns(): TableColumnDefinition[] {
  return [
    wideColumn('Containers', 'string', 'Names of the containers in the pod template.'),
    wideColumn('Images', 'string', 'Images of the containers in the pod template.'),
  ]
}
