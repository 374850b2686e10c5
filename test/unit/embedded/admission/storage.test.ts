import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import type {ResourceInfo} from '../../../../src/backend/refs.js'
import {defaultObject} from '../../../../src/embedded/admission/defaults.js'
import {validateObject} from '../../../../src/embedded/admission/validate.js'
import {BUILTIN_RESOURCES} from '../../../../src/resources/builtin.js'

function info(kind: string): ResourceInfo {
  return BUILTIN_RESOURCES.find((r) => r.group === '' && r.kind === kind) as ResourceInfo
}

function errors(object: KubeObject, old?: KubeObject): string[] {
  const resource = info(object.kind)
  return validateObject(resource, defaultObject(resource, object, old), old).map((c) =>
    c.field ? `${c.field}: ${c.message}` : c.message,
  )
}

describe('PersistentVolumeClaim validation', () => {
  it('requires access modes and a storage request on a claim', () => {
    const claim: KubeObject = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {name: 'data', namespace: 'default'},
      spec: {},
    }
    expect(errors(claim)).toEqual([
      'spec.accessModes: Required value: at least 1 access mode is required',
      'spec.resources[storage]: Required value',
    ])
  })

  it('freezes a claim spec after creation', () => {
    const claim: KubeObject = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {name: 'data', namespace: 'default'},
      spec: {accessModes: ['ReadWriteOnce'], resources: {requests: {storage: '1Gi'}}},
    }
    const old = defaultObject(info('PersistentVolumeClaim'), claim)
    const next = structuredClone(old)
    ;(next['spec'] as Record<string, unknown>)['accessModes'] = ['ReadWriteMany']
    expect(errors(next, old)).toEqual([
      'spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
    ])
  })
})
