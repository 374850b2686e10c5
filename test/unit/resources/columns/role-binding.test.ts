import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {clusterRoleBindingColumns, roleBindingColumns} from '../../../../src/resources/columns/role-binding.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

describe('role binding columns', () => {
  it('prints the role and, wide, users, groups and service accounts', () => {
    const binding: KubeObject = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: {name: 'read-pods', namespace: 'default', creationTimestamp: '2024-06-01T11:00:00Z'},
      roleRef: {apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader'},
      subjects: [
        {kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'jane'},
        {kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'joe'},
        {kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'devs'},
        {kind: 'ServiceAccount', name: 'builder', namespace: 'ci'},
      ],
    }
    expect(roleBindingColumns.columns.map((c) => [c.name, c.priority])).toEqual([
      ['Name', 0],
      ['Role', 0],
      ['Age', 0],
      ['Users', 1],
      ['Groups', 1],
      ['ServiceAccounts', 1],
    ])
    expect(roleBindingColumns.cells(binding, NOW)).toEqual([
      'read-pods',
      'Role/pod-reader',
      '60m',
      'jane, joe',
      'devs',
      'ci/builder',
    ])
  })

  it('prints a cluster role binding without subjects', () => {
    const binding: KubeObject = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: {name: 'cluster-admin', creationTimestamp: '2024-05-01T12:00:00Z'},
      roleRef: {apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin'},
    }
    expect(clusterRoleBindingColumns.cells(binding, NOW)).toEqual([
      'cluster-admin',
      'ClusterRole/cluster-admin',
      '31d',
      '',
      '',
      '',
    ])
  })
})
