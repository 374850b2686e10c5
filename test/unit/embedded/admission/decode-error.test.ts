import {describe, expect, it} from 'vitest'
import type {ResourceInfo} from '../../../../src/backend/refs.js'
import {base64ErrorOffset, decodeError} from '../../../../src/embedded/admission/decode-error.js'
import {BUILTIN_RESOURCES} from '../../../../src/resources/builtin.js'

function info(group: string, kind: string): ResourceInfo {
  return BUILTIN_RESOURCES.find((r) => r.group === group && r.kind === kind) as ResourceInfo
}

describe('decodeError', () => {
  it('reports a bad quantity in a Deployment template as kube-apiserver does', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {name: 'web'},
      spec: {template: {spec: {containers: [{name: 'web', resources: {limits: {memory: '1 GB'}}}]}}},
    }
    expect(decodeError(info('apps', 'Deployment'), deployment)).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'',
    )
  })

  it('reports an unknown suffix', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {name: 'p'},
      spec: {containers: [{name: 'c', resources: {requests: {memory: '192i'}}}]},
    }
    expect(decodeError(info('', 'Pod'), pod)).toBe(
      'Pod in version "v1" cannot be handled as a Pod: unable to parse quantity\'s suffix',
    )
  })

  it('accepts bodies that decode', () => {
    const claim = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {name: 'c'},
      spec: {resources: {requests: {storage: 5}}},
    }
    expect(decodeError(info('', 'PersistentVolumeClaim'), claim)).toBeUndefined()
  })

  it("reports Secret data that is not base64 at Go's byte offset", () => {
    const secret = {apiVersion: 'v1', kind: 'Secret', metadata: {name: 's'}, data: {password: 'hello'}}
    expect(decodeError(info('', 'Secret'), secret)).toBe(
      'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4',
    )
  })
})

describe('base64ErrorOffset', () => {
  it.each([
    ['aGVsbG8=', undefined],
    ['aGVs\nbG8=', undefined],
    ['', undefined],
    ['hello', 4],
    ['abc', 0],
    ['ab$d', 2],
    ['a===', 1],
    ['aGVsbG8=x', 8],
  ])('finds the offset in %j', (text, offset) => {
    expect(base64ErrorOffset(text)).toBe(offset)
  })
})
