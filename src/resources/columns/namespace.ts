import type {KubeObject} from '../../backend/object.js'
import {translateTimestampSince} from './age.js'
import {ageColumn, column, nameColumn, type ColumnSet} from './column-set.js'

interface NamespaceFields extends KubeObject {
  status?: {phase?: string}
}

// kubectl: pkg/printers/internalversion/printers.go namespaceColumnDefinitions + printNamespace (v1.32)
/** NAME STATUS AGE. */
export const namespaceColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Status', 'string', 'The phase of the namespace: Active or Terminating.'),
    ageColumn(),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const namespace = object as NamespaceFields
    return [
      namespace.metadata.name ?? '',
      namespace.status?.phase ?? '',
      translateTimestampSince(namespace.metadata.creationTimestamp, now),
    ]
  },
}
