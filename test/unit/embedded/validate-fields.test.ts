import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../src/backend/object.js'
import type {SchemaNode} from '../../../src/embedded/server/resource/field-validation.js'
import {validatePatchedFields} from '../../../src/embedded/validate-fields.js'

// a Deployment-like shape: spec.replicas and spec.template.spec.containers[].name are declared
const ANY: SchemaNode = {type: 'any'}
const object = (fields: Record<string, SchemaNode>): SchemaNode => ({type: 'object', field: (name) => fields[name]})
const SCHEMA = object({
  apiVersion: ANY,
  kind: ANY,
  metadata: ANY,
  spec: object({
    replicas: ANY,
    template: object({spec: object({containers: {type: 'list', items: object({name: ANY})}})}),
  }),
})

const patched = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {name: 'web'},
  spec: {replicas: 1, template: {spec: {containers: [{name: 'main', bar: 2}]}}, foo: 1},
} as KubeObject

describe('validatePatchedFields', () => {
  it('refuses unknown fields of the patched object under Strict, sorted as the server decodes them', () => {
    expect(() => validatePatchedFields(patched, SCHEMA, 'Strict')).toThrow(
      'strict decoding error: unknown field "spec.foo", unknown field "spec.template.spec.containers[0].bar"',
    )
  })

  it('drops them under Warn and Ignore', () => {
    for (const level of ['Warn', 'Ignore'] as const) {
      expect(validatePatchedFields(patched, SCHEMA, level)['spec']).toEqual({
        replicas: 1,
        template: {spec: {containers: [{name: 'main'}]}},
      })
    }
  })
})
