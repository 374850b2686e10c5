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

const KEY_ERROR =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"

describe('ConfigMap and Secret validation', () => {
  const configMap = (data: Record<string, string>, immutable?: boolean): KubeObject => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {name: 'cfg', namespace: 'default'},
    data,
    ...(immutable === undefined ? {} : {immutable}),
  })

  it('checks data keys', () => {
    expect(errors(configMap({'app.properties': 'x', 'bad key': 'y'}))).toEqual([
      `data[bad key]: Invalid value: "bad key": ${KEY_ERROR}`,
    ])
  })

  it('rejects keys that step out of the directory', () => {
    expect(errors(configMap({'..data': 'x'}))).toEqual([
      'data[..data]: Invalid value: "..data": must not start with \'..\'',
    ])
  })

  it('freezes data once immutable is set', () => {
    const old = defaultObject(info('ConfigMap'), configMap({a: '1'}, true))
    expect(errors(configMap({a: '2'}, false), old)).toEqual([
      'immutable: Forbidden: field is immutable when `immutable` is set',
      'data: Forbidden: field is immutable when `immutable` is set',
    ])
  })

  it('limits a ConfigMap to 1 MiB', () => {
    expect(errors(configMap({big: 'x'.repeat(1024 * 1024 + 1)}))).toEqual(['Too long: must have at most 1048576 bytes'])
  })

  it('requires the keys of a TLS secret and keeps the type immutable', () => {
    const secret: KubeObject = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {name: 's', namespace: 'default'},
      type: 'kubernetes.io/tls',
      data: {},
    }
    expect(errors(secret)).toEqual(['data[tls.crt]: Required value', 'data[tls.key]: Required value'])
    const old = defaultObject(info('Secret'), {...secret, type: 'Opaque'})
    expect(errors({...secret, type: 'Opaque', data: {}, stringData: {}}, old)).toEqual([])
    expect(errors({...secret, data: {'tls.crt': 'eA==', 'tls.key': 'eA=='}}, old)).toEqual([
      'type: Invalid value: "kubernetes.io/tls": field is immutable',
    ])
  })
})
