import {describe, expect, it} from 'vitest'
import {networkPolicyColumns} from '../../../../src/resources/columns/network-policy.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

function policy(podSelector: Record<string, unknown>): {
  apiVersion: string
  kind: string
  metadata: object
  spec: object
} {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: {name: 'deny-all', namespace: 'default', creationTimestamp: '2024-06-01T11:00:00Z'},
    spec: {podSelector, policyTypes: ['Ingress']},
  }
}

describe('network policy columns', () => {
  it('prints the pod selector, <none> when it selects every pod', () => {
    expect(networkPolicyColumns.columns.map((c) => c.name)).toEqual(['Name', 'Pod-Selector', 'Age'])
    expect(networkPolicyColumns.cells(policy({}), NOW)).toEqual(['deny-all', '<none>', '60m'])
    expect(networkPolicyColumns.cells(policy({matchLabels: {role: 'db'}}), NOW)[1]).toBe('role=db')
  })
})
