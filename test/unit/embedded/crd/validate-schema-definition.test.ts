import {describe, expect, it} from 'vitest'
import {errorString} from '../../../../src/embedded/admission/field-error.js'
import {validateSchemaDefinition} from '../../../../src/embedded/crd/validate-schema-definition.js'

const PATH = 'spec.versions[0].schema.openAPIV3Schema'

function messages(schema: Record<string, unknown>): string[] {
  return validateSchemaDefinition(schema, PATH).map(errorString)
}

describe('validateSchemaDefinition', () => {
  it('accepts a structural schema', () => {
    expect(
      messages({
        type: 'object',
        properties: {
          metadata: {type: 'object'},
          spec: {type: 'object', properties: {args: {type: 'array', items: {type: 'string'}}}},
          status: {type: 'object', 'x-kubernetes-preserve-unknown-fields': true},
          port: {'x-kubernetes-int-or-string': true},
        },
      }),
    ).toEqual([])
  })

  it('words what makes a schema not structural as ValidateStructural does, sorted', () => {
    expect(
      messages({
        type: 'array',
        additionalProperties: {type: 'string'},
        properties: {
          metadata: {type: 'object', properties: {labels: {type: 'object'}}},
          spec: {properties: {list: {type: 'array'}, kind: {type: 'shape'}}},
        },
      }),
    ).toEqual([
      `${PATH}.additionalProperties: Forbidden: additionalProperties and properties are mutual exclusive`,
      `${PATH}.additionalProperties: Forbidden: must not be used at the root`,
      `${PATH}.items: Required value: must be specified`,
      `${PATH}.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified`,
      `${PATH}.properties[spec].properties[kind].type: Unsupported value: "shape": supported values: "array", "boolean", "integer", "number", "object", "string"`,
      `${PATH}.properties[spec].properties[list].items: Required value: must be specified`,
      `${PATH}.properties[spec].type: Required value: must not be empty for specified object fields`,
      `${PATH}.type: Invalid value: "array": must be object at the root`,
    ])
  })
})
