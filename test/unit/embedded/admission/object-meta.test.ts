import {describe, expect, it} from 'vitest'
import {errorString} from '../../../../src/embedded/admission/field-error.js'
import {nameIsDNSSubdomain} from '../../../../src/embedded/admission/formats.js'
import {goTime, validateObjectMeta, validateObjectMetaUpdate} from '../../../../src/embedded/admission/object-meta.js'

const NAMESPACED = {namespaced: true, nameFn: nameIsDNSSubdomain}

function meta(metadata: Record<string, unknown>, options = NAMESPACED): string[] {
  return validateObjectMeta(metadata, options).map(errorString)
}

describe('validateObjectMeta', () => {
  it('requires a name or generateName', () => {
    expect(meta({namespace: 'default'})).toEqual(['metadata.name: Required value: name or generateName is required'])
  })

  it('allows a generateName ending in a dash', () => {
    expect(meta({generateName: 'web-', name: 'web-x7k2p', namespace: 'default'})).toEqual([])
  })

  it('reports a bad generateName and the name generated from it', () => {
    expect(
      meta({generateName: 'Web-', name: 'Web-x7k2p', namespace: 'default'}).map((line) => line.split(':')[0]),
    ).toEqual(['metadata.generateName', 'metadata.name'])
  })

  it('requires a namespace on namespaced kinds and forbids one elsewhere', () => {
    expect(meta({name: 'x'})).toEqual(['metadata.namespace: Required value'])
    expect(meta({name: 'x', namespace: 'default'}, {namespaced: false, nameFn: nameIsDNSSubdomain})).toEqual([
      'metadata.namespace: Forbidden: not allowed on this type',
    ])
  })

  it('checks label keys and values at the labels path', () => {
    expect(meta({name: 'x', namespace: 'default', labels: {'app/x/y': 'a', tier: 'bad value'}})).toEqual([
      "metadata.labels: Invalid value: \"app/x/y\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
      "metadata.labels: Invalid value: \"bad value\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ])
  })

  it('ignores case in annotation keys and caps their total size', () => {
    expect(meta({name: 'x', namespace: 'default', annotations: {'Example.COM/Note': 'x'}})).toEqual([])
    expect(meta({name: 'x', namespace: 'default', annotations: {big: 'x'.repeat(262144)}})).toEqual([
      'metadata.annotations: Too long: must have at most 262144 bytes',
    ])
  })

  it('checks finalizer names', () => {
    expect(meta({name: 'x', namespace: 'default', finalizers: ['cleanup', 'example.com/cleanup']})).toEqual([
      'metadata.finalizers[0]: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified',
    ])
  })

  it('allows only one controller owner', () => {
    const ownerReferences = [
      {apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'a', uid: '1', controller: true},
      {apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'b', uid: '2', controller: true},
    ]
    expect(meta({name: 'x', namespace: 'default', ownerReferences})).toEqual([
      'metadata.ownerReferences: Invalid value: []v1.OwnerReference{...}: Only one reference can have Controller set to true. Found "true" in references for ReplicaSet/a and ReplicaSet/b',
    ])
  })
})

describe('validateObjectMetaUpdate', () => {
  const old = {name: 'x', namespace: 'default', uid: 'u1', creationTimestamp: '2024-05-01T10:00:00Z'}

  it('keeps identity fields immutable', () => {
    expect(
      validateObjectMetaUpdate({...old, name: 'y', creationTimestamp: '2024-05-02T10:00:00Z'}, old).map(errorString),
    ).toEqual([
      'metadata.name: Invalid value: "y": field is immutable',
      'metadata.creationTimestamp: Invalid value: 2024-05-02 10:00:00 +0000 UTC: field is immutable',
    ])
  })

  it('forbids new finalizers while the object is being deleted', () => {
    const deleting = {...old, deletionTimestamp: '2024-05-02T10:00:00Z', finalizers: ['kubernetes']}
    expect(
      validateObjectMetaUpdate({...deleting, finalizers: ['kubernetes', 'example.com/x']}, deleting).map(errorString),
    ).toEqual([
      'metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"example.com/x"}',
    ])
  })

  it('prints times as Go does', () => {
    expect(goTime('2024-05-01T10:00:00Z')).toBe('2024-05-01 10:00:00 +0000 UTC')
    expect(goTime(undefined)).toBe('0001-01-01 00:00:00 +0000 UTC')
  })
})
