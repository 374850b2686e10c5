import {describe, expect, it} from 'vitest'
import {applySchemaDefaults, pruneUnknownFields} from '../../../../src/embedded/crd/structural.js'
import type {JsonSchemaProps} from '../../../../src/embedded/crd/types.js'

const schema: JsonSchemaProps = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      properties: {
        mode: {type: 'string', default: 'cluster'},
        executor: {type: 'object', properties: {instances: {type: 'integer', default: 1}}},
        driver: {type: 'object', default: {}, properties: {cores: {type: 'integer', default: 1}}},
        sparkConf: {type: 'object', additionalProperties: {type: 'string'}},
        extra: {type: 'object', 'x-kubernetes-preserve-unknown-fields': true},
        items: {type: 'array', items: {type: 'object', properties: {name: {type: 'string'}}}},
        label: {type: 'string', default: 'none'},
      },
    },
    status: {type: 'object', 'x-kubernetes-preserve-unknown-fields': true},
  },
}

describe('pruneUnknownFields', () => {
  it('drops fields the schema does not specify, keeping TypeMeta, ObjectMeta and preserved subtrees', () => {
    const object = {
      apiVersion: 'x.io/v1',
      kind: 'X',
      metadata: {name: 'a', labels: {k: 'v'}},
      top: 1,
      spec: {
        mode: 'client',
        typo: true,
        sparkConf: {'spark.a': 'b'},
        extra: {anything: {goes: 1}},
        items: [{name: 'n', junk: 1}],
      },
      status: {whatever: true},
    }
    expect(pruneUnknownFields(object, schema)).toEqual({
      apiVersion: 'x.io/v1',
      kind: 'X',
      metadata: {name: 'a', labels: {k: 'v'}},
      spec: {mode: 'client', sparkConf: {'spark.a': 'b'}, extra: {anything: {goes: 1}}, items: [{name: 'n'}]},
      status: {whatever: true},
    })
  })
})

describe('applySchemaDefaults', () => {
  it('fills absent fields, walks into defaulted objects, and leaves absent parents absent', () => {
    expect(applySchemaDefaults({spec: {}}, schema)).toEqual({
      spec: {mode: 'cluster', driver: {cores: 1}, label: 'none'},
    })
    expect(applySchemaDefaults({spec: {executor: {}, mode: 'client'}}, schema)).toEqual({
      spec: {mode: 'client', executor: {instances: 1}, driver: {cores: 1}, label: 'none'},
    })
  })

  it('replaces a null that is not nullable by the default, as the API server does', () => {
    expect(applySchemaDefaults({spec: {label: null}}, schema)).toMatchObject({spec: {label: 'none'}})
  })
})
