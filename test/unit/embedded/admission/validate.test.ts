import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import type {ResourceInfo} from '../../../../src/backend/refs.js'
import {validateObject} from '../../../../src/embedded/admission/validate.js'
import {BUILTIN_RESOURCES} from '../../../../src/resources/builtin.js'

function info(group: string, kind: string): ResourceInfo {
  return BUILTIN_RESOURCES.find((r) => r.group === group && r.kind === kind) as ResourceInfo
}

describe('validateObject', () => {
  it('checks metadata of kinds without their own rules, with the scope from discovery', () => {
    const lease: KubeObject = {apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: {name: 'Lock'}}
    expect(validateObject(info('coordination.k8s.io', 'Lease'), lease)).toEqual([
      expect.objectContaining({reason: 'FieldValueInvalid', field: 'metadata.name'}),
      {reason: 'FieldValueRequired', message: 'Required value', field: 'metadata.namespace'},
    ])
  })

  it('lets RBAC names contain colons but not slashes', () => {
    const role = (name: string): KubeObject => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: {name},
    })
    const clusterRole = info('rbac.authorization.k8s.io', 'ClusterRole')
    expect(validateObject(clusterRole, role('system:viewer'))).toEqual([])
    expect(validateObject(clusterRole, role('a/b'))).toEqual([
      {reason: 'FieldValueInvalid', message: 'Invalid value: "a/b": may not contain \'/\'', field: 'metadata.name'},
    ])
  })

  it('returns the message after the field, ready for invalid()', () => {
    const configMap: KubeObject = {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'Web', namespace: 'default'}}
    const [cause] = validateObject(info('', 'ConfigMap'), configMap)
    expect(cause?.message.startsWith('Invalid value: "Web": a lowercase RFC 1123 subdomain must consist of')).toBe(true)
  })

  it('checks only metadata on subresources other than scale', () => {
    const old: KubeObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {name: 'cfg', namespace: 'default'},
      immutable: true,
      data: {a: '1'},
    }
    const next = {...old, data: {a: '2'}}
    expect(validateObject(info('', 'ConfigMap'), next, old, {subresource: 'status'})).toEqual([])
    expect(validateObject(info('', 'ConfigMap'), next, old)).toHaveLength(1)
  })
})
