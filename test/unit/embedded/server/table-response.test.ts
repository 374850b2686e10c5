import {describe, expect, it} from 'vitest'
import type {Table} from '../../../../src/backend/table.js'
import {acceptedForm, parseIncludeObject, withIncludeObject} from '../../../../src/embedded/server/table-response.js'

describe('acceptedForm', () => {
  it('reads kubectl get Accept header as a v1 Table', () => {
    expect(
      acceptedForm(
        'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json',
      ),
    ).toEqual({as: 'Table', version: 'v1'})
  })

  it('takes the first acceptable form: v1beta1 Tables, metadata, or the object itself', () => {
    expect(acceptedForm('application/json;as=Table;v=v1beta1;g=meta.k8s.io')).toEqual({as: 'Table', version: 'v1beta1'})
    expect(acceptedForm('application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io')).toEqual({
      as: 'PartialObjectMetadataList',
      version: 'v1',
    })
    expect(acceptedForm('application/json, application/json;as=Table;v=v1;g=meta.k8s.io')).toBeUndefined()
    expect(acceptedForm('application/json;as=Table;v=v2;g=meta.k8s.io')).toBeUndefined()
  })
})

describe('withIncludeObject', () => {
  const table: Table = {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: {},
    columnDefinitions: [],
    rows: [{cells: ['a'], object: {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'a'}, spec: {}}}],
  }

  it('keeps metadata by default, the object with Object, nothing with None', () => {
    expect(withIncludeObject(table, parseIncludeObject(null)).rows[0]?.object).toEqual({
      kind: 'PartialObjectMetadata',
      apiVersion: 'meta.k8s.io/v1',
      metadata: {name: 'a'},
    })
    expect(withIncludeObject(table, parseIncludeObject('Object')).rows[0]?.object?.kind).toBe('Pod')
    expect(withIncludeObject(table, parseIncludeObject('None')).rows[0]).toEqual({cells: ['a']})
    expect(withIncludeObject(table, 'Metadata', 'v1beta1').apiVersion).toBe('meta.k8s.io/v1beta1')
  })
})
