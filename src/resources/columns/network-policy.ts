import type {KubeObject} from '../../backend/object.js'
import {translateTimestampSince} from './age.js'
import {ageColumn, column, nameColumn, type ColumnSet} from './column-set.js'
import {formatLabelSelector, type LabelSelectorSpec} from '../label-selector.js'

interface NetworkPolicyFields extends KubeObject {
  spec?: {podSelector?: LabelSelectorSpec}
}

// kubectl: pkg/printers/internalversion/printers.go networkPolicyColumnDefinitions + printNetworkPolicy (v1.32)
/** NAME POD-SELECTOR AGE. */
export const networkPolicyColumns: ColumnSet = {
  columns: [nameColumn(), column('Pod-Selector', 'string', 'The pods the policy applies to.'), ageColumn()],
  cells(object: KubeObject, now: number): unknown[] {
    const policy = object as NetworkPolicyFields
    return [
      policy.metadata.name ?? '',
      // podSelector is a struct, never nil: a missing one selects every pod
      formatLabelSelector(policy.spec?.podSelector ?? {}),
      translateTimestampSince(policy.metadata.creationTimestamp, now),
    ]
  },
}
