import type {KubeObject} from '../../backend/object.js'
import {translateTimestampSince} from './age.js'
import {ageColumn, column, nameColumn, type ColumnSet} from './column-set.js'

interface PodDisruptionBudgetFields extends KubeObject {
  spec?: {minAvailable?: number | string | null; maxUnavailable?: number | string | null}
  status?: {disruptionsAllowed?: number}
}

// kubectl: pkg/printers/internalversion/printers.go podDisruptionBudgetColumnDefinitions + printPodDisruptionBudget (v1.32)
/** NAME MIN AVAILABLE MAX UNAVAILABLE ALLOWED DISRUPTIONS AGE. */
export const podDisruptionBudgetColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Min Available', 'string', 'Pods that must stay available.'),
    column('Max Unavailable', 'string', 'Pods that may be unavailable.'),
    column('Allowed Disruptions', 'integer', 'Pods that may be disrupted now.'),
    ageColumn(),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const budget = object as PodDisruptionBudgetFields
    return [
      budget.metadata.name ?? '',
      intOrStringCell(budget.spec?.minAvailable),
      intOrStringCell(budget.spec?.maxUnavailable),
      budget.status?.disruptionsAllowed ?? 0,
      translateTimestampSince(budget.metadata.creationTimestamp, now),
    ]
  },
}

// an IntOrString prints as its number or its string; unset prints N/A
function intOrStringCell(value: number | string | null | undefined): string {
  return value === undefined || value === null ? 'N/A' : String(value)
}
