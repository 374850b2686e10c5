import {describe, expect, it} from 'vitest'
import type {ResourceInfo} from '../../../../../src/backend/refs.js'
import {decodeObject} from '../../../../../src/embedded/server/resource/decode.js'
import {unknownFields} from '../../../../../src/embedded/server/resource/field-validation.js'
import type {SchemaNode} from '../../../../../src/embedded/server/resource/field-validation.js'
import {BUILTIN_RESOURCES} from '../../../../../src/resources/builtin.js'

const DEPLOYMENT = BUILTIN_RESOURCES.find((r) => r.kind === 'Deployment') as ResourceInfo

// a schema that knows only spec.replicas, enough for strict decoding to find `spec.bogus`
const SCHEMA: SchemaNode = {
  type: 'object',
  field: (name) =>
    name === 'spec'
      ? {type: 'object', field: (inner) => (inner === 'replicas' ? {type: 'any'} : undefined)}
      : {type: 'any'},
}

function decode(body: unknown, validation: 'Strict' | 'Ignore' = 'Ignore') {
  return () =>
    decodeObject(Buffer.from(JSON.stringify(body)), {
      info: DEPLOYMENT,
      served: BUILTIN_RESOURCES,
      schema: SCHEMA,
      validation,
    })
}

describe('decodeObject', () => {
  it('refuses a field of the wrong type, the first in the order the body has them', () => {
    const body = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {name: 'web'},
      spec: {paused: 'no', replicas: 'x'},
    }
    expect(decode(body)).toThrow(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.paused of type bool',
    )
  })

  it('reports the type error rather than an unknown field under Strict, as sigs.k8s.io/json does', () => {
    const body = {metadata: {name: 'web'}, spec: {bogus: 1, replicas: 'three'}}
    expect(unknownFields(body, SCHEMA)).toEqual(['spec.bogus'])
    expect(decode(body, 'Strict')).toThrow('Go struct field DeploymentSpec.spec.replicas of type int32')
  })

  it('refuses a metadata that is not an object instead of replacing it', () => {
    expect(decode({metadata: 'web'})).toThrow(
      'json: cannot unmarshal string into Go struct field Deployment.metadata of type v1.ObjectMeta',
    )
  })

  it('refuses a kind that is not a string while reading the type meta', () => {
    expect(decode({apiVersion: 'apps/v1', kind: 5, metadata: {name: 'web'}})).toThrow(
      'the object provided is unrecognized (must be of type Deployment): couldn\'t get version/kind; json parse error: json: cannot unmarshal number into Go struct field .kind of type string ({"apiVersion":"apps/v1","kind" ...)',
    )
  })
})
