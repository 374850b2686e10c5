import type {KubeObject} from '../../backend/object.js'
import {translateTimestampSince} from './age.js'
import {ageColumn, column, nameColumn, type ColumnSet} from './column-set.js'

interface ServiceAccountFields extends KubeObject {
  secrets?: unknown[]
}

// kubectl: pkg/printers/internalversion/printers.go serviceAccountColumnDefinitions + printServiceAccount (v1.32)
/** NAME SECRETS AGE. */
export const serviceAccountColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Secrets', 'string', 'The number of secrets listed by the service account.'),
    ageColumn(),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const account = object as ServiceAccountFields
    return [
      account.metadata.name ?? '',
      (account.secrets ?? []).length,
      translateTimestampSince(account.metadata.creationTimestamp, now),
    ]
  },
}
