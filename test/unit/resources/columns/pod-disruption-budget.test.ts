import {describe, expect, it} from 'vitest'
import {podDisruptionBudgetColumns} from '../../../../src/resources/columns/pod-disruption-budget.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

function budget(spec: Record<string, unknown>): {
  apiVersion: string
  kind: string
  metadata: object
  [k: string]: unknown
} {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: {name: 'web', namespace: 'default', creationTimestamp: '2024-06-01T11:00:00Z'},
    spec: {selector: {matchLabels: {app: 'web'}}, ...spec},
    status: {currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 1, expectedPods: 3, observedGeneration: 1},
  }
}

describe('pod disruption budget columns', () => {
  it('prints min available, N/A for the unset bound, and allowed disruptions', () => {
    expect(podDisruptionBudgetColumns.columns.map((c) => c.name)).toEqual([
      'Name',
      'Min Available',
      'Max Unavailable',
      'Allowed Disruptions',
      'Age',
    ])
    expect(podDisruptionBudgetColumns.cells(budget({minAvailable: 2}), NOW)).toEqual(['web', '2', 'N/A', 1, '60m'])
    expect(podDisruptionBudgetColumns.cells(budget({maxUnavailable: '25%'}), NOW).slice(1, 3)).toEqual(['N/A', '25%'])
  })
})
