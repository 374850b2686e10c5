import {describe, expect, it} from 'vitest'
import {
  duplicateFields,
  unknownFields,
  withoutUnknownFields,
  type SchemaNode,
} from '../../../../src/embedded/server/resource/field-validation.js'
import {schemaNode} from '../../../../src/embedded/server/resource/schemas.js'

const schema: SchemaNode = schemaNode(
  {
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        properties: {
          containers: {type: 'array', items: {type: 'object', properties: {name: {type: 'string'}}}},
          labels: {type: 'object', additionalProperties: {type: 'string'}},
          anything: {type: 'object', 'x-kubernetes-preserve-unknown-fields': true},
        },
      },
    },
  },
  () => undefined,
)

describe('unknownFields', () => {
  it('names unknown fields by path, with list indexes, and accepts any map key', () => {
    const body = {spec: {containers: [{name: 'a'}, {name: 'b', bad: 1}], labels: {x: 'y'}, anything: {z: 1}, foo: 2}}
    expect(unknownFields(body, schema)).toEqual(['spec.containers[1].bad', 'spec.foo'])
  })

  it('skips strategic merge patch directives', () => {
    expect(unknownFields({spec: {$patch: 'replace', '$setElementOrder/containers': []}}, schema)).toEqual([])
  })

  it('drops what it does not know', () => {
    expect(withoutUnknownFields({spec: {foo: 1, containers: [{name: 'a', x: 1}]}}, schema)).toEqual({
      spec: {containers: [{name: 'a'}]},
    })
  })
})

describe('duplicateFields', () => {
  it('finds keys repeated within one object, at any depth', () => {
    expect(duplicateFields('{"a":1,"b":{"c":[{"d":1,"d":2}],"c":3},"a":{}}')).toEqual(['b.c[0].d', 'b.c', 'a'])
    expect(duplicateFields('{"a":"x\\"y","b":[1,2,{}]}')).toEqual([])
  })
})
