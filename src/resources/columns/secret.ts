import type {KubeObject} from '../../backend/object.js'
import {translateTimestampSince} from './age.js'
import {ageColumn, column, nameColumn, type ColumnSet} from './column-set.js'

interface SecretFields extends KubeObject {
  type?: string
  data?: Record<string, string>
}

// kubectl: pkg/printers/internalversion/printers.go secretColumnDefinitions + printSecret (v1.32)
/** NAME TYPE DATA AGE. */
export const secretColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Type', 'string', 'The type of the secret.'),
    column('Data', 'string', 'The number of keys in data.'),
    ageColumn(),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const secret = object as SecretFields
    return [
      secret.metadata.name ?? '',
      secret.type ?? '',
      Object.keys(secret.data ?? {}).length,
      translateTimestampSince(secret.metadata.creationTimestamp, now),
    ]
  },
}
