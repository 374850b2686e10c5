import type {KubeObject} from '../../backend/object.js'
import {translateTimestampSince} from './age.js'
import {ageColumn, column, nameColumn, type ColumnSet} from './column-set.js'
import {quantityString} from '../quantity.js'

interface ResourceQuotaFields extends KubeObject {
  status?: {hard?: Record<string, string>; used?: Record<string, string>}
}

// kubectl: pkg/printers/internalversion/printers.go resourceQuotaColumnDefinitions + printResourceQuota (v1.32);
// AGE moved after LIMIT only in v1.33 (kubernetes/kubernetes#129419)
/** NAME AGE REQUEST LIMIT. */
export const resourceQuotaColumns: ColumnSet = {
  columns: [
    nameColumn(),
    ageColumn(),
    column('Request', 'string', 'Used and hard amounts of every resource that is not a limit.'),
    column('Limit', 'string', 'Used and hard amounts of every limits.* resource.'),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const quota = object as ResourceQuotaFields
    const hard = quota.status?.hard ?? {}
    const used = quota.status?.used ?? {}
    const requests: string[] = []
    const limits: string[] = []
    for (const resource of Object.keys(hard).sort()) {
      const pieces = resource.split('.')
      const target = pieces.length > 1 && pieces[0] === 'limits' ? limits : requests
      target.push(`${resource}: ${quantityString(used[resource])}/${quantityString(hard[resource])}`)
    }
    return [
      quota.metadata.name ?? '',
      translateTimestampSince(quota.metadata.creationTimestamp, now),
      requests.join(', '),
      limits.join(', '),
    ]
  },
}
