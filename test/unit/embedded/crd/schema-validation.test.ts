import {describe, expect, it} from 'vitest'
import {errorString} from '../../../../src/embedded/admission/field-error.js'
import {validateAgainstSchema} from '../../../../src/embedded/crd/schema-validation.js'
import type {JsonSchemaProps} from '../../../../src/embedded/crd/types.js'

const schema: JsonSchemaProps = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      required: ['image'],
      properties: {
        image: {type: 'string', minLength: 3, maxLength: 20},
        replicas: {type: 'integer', minimum: 1, maximum: 5},
        mode: {type: 'string', enum: ['cluster', 'client']},
        memory: {type: 'string', pattern: '^[0-9]+[kmg]$'},
        ratio: {type: 'number', exclusiveMinimum: true, minimum: 0},
        port: {'x-kubernetes-int-or-string': true},
        args: {type: 'array', minItems: 1, maxItems: 2, items: {type: 'string'}},
        conf: {type: 'object', additionalProperties: {type: 'string'}},
        optional: {type: 'string', nullable: true},
      },
    },
  },
}

function messages(value: unknown): string[] {
  return validateAgainstSchema(value, schema).map(errorString)
}

describe('validateAgainstSchema', () => {
  it('accepts a value that matches the schema', () => {
    const spec = {image: 'spark:3', replicas: 2, mode: 'client', memory: '512m', ratio: 0.5, port: 'http', args: ['a']}
    expect(messages({spec: {...spec, conf: {a: 'b'}, optional: null}})).toEqual([])
  })

  it('words a type mismatch as kube-apiserver, naming the JSON type of the value', () => {
    expect(messages({spec: {image: 'spark', replicas: 'two'}})).toEqual([
      'spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"',
    ])
    expect(messages({spec: {image: 'spark', replicas: 1.5}})).toEqual([
      'spec.replicas: Invalid value: "number": spec.replicas in body must be of type integer: "number"',
    ])
  })

  it('reports a missing required field as Required value', () => {
    expect(messages({spec: {}})).toEqual(['spec.image: Required value'])
  })

  it('words enum, bounds, pattern and lengths as the API server', () => {
    expect(messages({spec: {image: 'ab', replicas: 9, mode: 'local', memory: 'lots', ratio: 0}})).toEqual([
      'spec.image: Invalid value: "ab": spec.image in body should be at least 3 chars long',
      'spec.memory: Invalid value: "lots": spec.memory in body should match \'^[0-9]+[kmg]$\'',
      'spec.mode: Unsupported value: "local": supported values: "cluster", "client"',
      'spec.ratio: Invalid value: 0: spec.ratio in body should be greater than 0',
      'spec.replicas: Invalid value: 9: spec.replicas in body should be less than or equal to 5',
    ])
    expect(messages({spec: {image: 'x'.repeat(21), replicas: 0}})).toEqual([
      'spec.image: Too long: may not be more than 20 bytes',
      'spec.replicas: Invalid value: 0: spec.replicas in body should be greater than or equal to 1',
    ])
  })

  it('checks array sizes and items with indexed paths', () => {
    expect(messages({spec: {image: 'spark', args: []}})).toEqual([
      'spec.args: Invalid value: 0: spec.args in body should have at least 1 items',
    ])
    expect(messages({spec: {image: 'spark', args: ['a', 'b', 3]}})).toEqual([
      'spec.args: Too many: 3: must have at most 2 items',
      'spec.args[2]: Invalid value: "integer": spec.args[2] in body must be of type string: "integer"',
    ])
  })

  it('validates map values against additionalProperties and int-or-string against both types', () => {
    expect(messages({spec: {image: 'spark', conf: {cores: 4}, port: true}})).toEqual([
      'spec.conf.cores: Invalid value: "integer": spec.conf.cores in body must be of type string: "integer"',
      'spec.port: Invalid value: "boolean": spec.port in body must be of type integer,string: "boolean"',
    ])
  })
})
