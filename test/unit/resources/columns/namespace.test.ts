import {describe, expect, it} from 'vitest'
import {namespaceColumns} from '../../../../src/resources/columns/namespace.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

describe('namespace columns', () => {
  it('prints the phase of a namespace', () => {
    const namespace = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'team-a',
        creationTimestamp: '2024-05-28T12:00:00Z',
        labels: {'kubernetes.io/metadata.name': 'team-a'},
      },
      spec: {finalizers: ['kubernetes']},
      status: {phase: 'Terminating'},
    }
    expect(namespaceColumns.columns.map((c) => c.name)).toEqual(['Name', 'Status', 'Age'])
    expect(namespaceColumns.cells(namespace, NOW)).toEqual(['team-a', 'Terminating', '4d'])
  })
})
