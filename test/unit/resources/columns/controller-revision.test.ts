import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {controllerRevisionColumns} from '../../../../src/resources/columns/controller-revision.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

describe('controller revision columns', () => {
  it('prints the controller as kind.group/name and the revision number', () => {
    const revision: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        name: 'fluentd-5f7b8c9d6',
        namespace: 'kube-system',
        creationTimestamp: '2024-06-01T11:00:00Z',
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'DaemonSet',
            name: 'fluentd',
            uid: 'd1',
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      data: {spec: {template: {}}},
      revision: 2,
    }
    expect(controllerRevisionColumns.columns.map((c) => c.name)).toEqual(['Name', 'Controller', 'Revision', 'Age'])
    expect(controllerRevisionColumns.cells(revision, NOW)).toEqual([
      'fluentd-5f7b8c9d6',
      'daemonset.apps/fluentd',
      2,
      '60m',
    ])
  })

  it('prints <none> without a controller and the bare kind for the core group', () => {
    const orphan: KubeObject = {apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: {name: 'r1'}, revision: 1}
    expect(controllerRevisionColumns.cells(orphan, NOW)).toEqual(['r1', '<none>', 1, '<unknown>'])
    const core: KubeObject = {
      ...orphan,
      metadata: {name: 'r2', ownerReferences: [{apiVersion: 'v1', kind: 'Pod', name: 'p', uid: 'u', controller: true}]},
    }
    expect(controllerRevisionColumns.cells(core, NOW)[1]).toBe('pod/p')
  })
})
