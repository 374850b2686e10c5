import {describe, expect, it} from 'vitest'
import {validateEnv, validateEnvFrom} from '../../../../src/embedded/admission/env.js'
import {errorString} from '../../../../src/embedded/admission/field-error.js'

describe('validateEnv', () => {
  it('accepts relaxed names but not ones with =', () => {
    expect(validateEnv([{name: '1-ok.name', value: 'x'}], 'env')).toEqual([])
    expect(validateEnv([{name: 'A=B', value: 'x'}], 'env').map(errorString)).toEqual([
      'env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than \'=\'',
    ])
  })

  it('explains a field path the downward API cannot convert or expose as env', () => {
    const env = [
      {name: 'A', valueFrom: {fieldRef: {apiVersion: 'v1', fieldPath: 'spec.foo'}}},
      {name: 'B', valueFrom: {fieldRef: {apiVersion: 'v1', fieldPath: 'status.phase'}}},
      {name: 'C', valueFrom: {fieldRef: {apiVersion: 'v1', fieldPath: "metadata.labels['app']"}}},
    ]
    expect(validateEnv(env, 'env').map(errorString)).toEqual([
      'env[0].valueFrom.fieldRef.fieldPath: Invalid value: "spec.foo": error converting fieldPath: field label not supported: spec.foo',
      'env[1].valueFrom.fieldRef.fieldPath: Unsupported value: "status.phase": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"',
    ])
  })

  it('forbids a value next to valueFrom', () => {
    expect(
      validateEnv([{name: 'A', value: 'x', valueFrom: {secretKeyRef: {name: 's', key: 'k'}}}], 'env').map(errorString),
    ).toEqual(['env[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty'])
  })
})

describe('validateEnvFrom', () => {
  it('requires one source, reported at the list path', () => {
    expect(validateEnvFrom([{prefix: 'X_'}], 'envFrom').map(errorString)).toEqual([
      'envFrom: Invalid value: "": must specify one of: `configMapRef` or `secretRef`',
    ])
  })
})
