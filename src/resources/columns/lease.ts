import type {KubeObject} from '../../backend/object.js'
import {translateTimestampSince} from './age.js'
import {ageColumn, column, nameColumn, type ColumnSet} from './column-set.js'

interface LeaseFields extends KubeObject {
  spec?: {holderIdentity?: string | null}
}

// kubectl: pkg/printers/internalversion/printers.go leaseColumnDefinitions + printLease (v1.32)
/** NAME HOLDER AGE. */
export const leaseColumns: ColumnSet = {
  columns: [nameColumn(), column('Holder', 'string', 'The identity holding the lease.'), ageColumn()],
  cells(object: KubeObject, now: number): unknown[] {
    const lease = object as LeaseFields
    return [
      lease.metadata.name ?? '',
      lease.spec?.holderIdentity ?? '',
      translateTimestampSince(lease.metadata.creationTimestamp, now),
    ]
  },
}
