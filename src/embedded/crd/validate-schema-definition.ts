// The checks a v1 CRD's openAPIV3Schema must pass: valid property types and a structural schema
// (apiextensions-apiserver pkg/apiserver/schema/validation.go ValidateStructural and
// pkg/apis/apiextensions/validation ValidateCustomResourceDefinitionOpenAPISchema, v1.32).
import {goQuote} from '../../resources/go-format.js'
import {errorString, forbidden, invalid, notSupported, required, type FieldError} from '../admission/field-error.js'
import type {JsonSchemaProps} from './types.js'

const PROPERTY_TYPES = ['array', 'boolean', 'integer', 'number', 'object', 'string']
// metadata at the root may restrict only these (validateStructuralMetadataInvariants)
const METADATA_FIELDS = new Set(['name', 'generateName'])

type Level = 'root' | 'item' | 'field'

/** The errors of a version's schema, sorted by message as ValidateStructural sorts them. */
export function validateSchemaDefinition(schema: JsonSchemaProps, path: string): FieldError[] {
  const errors = visit(schema, 'root', path)
  return errors.sort((a, b) => (errorString(a) < errorString(b) ? -1 : errorString(a) > errorString(b) ? 1 : 0))
}

function visit(schema: JsonSchemaProps, level: Level, path: string): FieldError[] {
  const errors: FieldError[] = []
  const type = schema.type ?? ''
  if (type !== '' && !PROPERTY_TYPES.includes(type)) {
    errors.push(notSupported(`${path}.type`, goQuote(type), PROPERTY_TYPES))
  }
  if (type === 'array' && schema.items === undefined) errors.push(required(`${path}.items`, 'must be specified'))
  if (schema.items !== undefined) errors.push(...visit(schema.items, 'item', `${path}.items`))
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const propertyPath = `${path}.properties[${name}]`
    if (level === 'root' && name === 'metadata') errors.push(...visitRootMetadata(property, propertyPath))
    else errors.push(...visit(property, 'field', propertyPath))
  }
  const additional = schema.additionalProperties
  if (additional !== undefined) {
    if (level === 'root') errors.push(forbidden(`${path}.additionalProperties`, 'must not be used at the root'))
    const hasProperties = Object.keys(schema.properties ?? {}).length > 0
    if (hasProperties && (additional === false || typeof additional === 'object')) {
      errors.push(forbidden(`${path}.additionalProperties`, 'additionalProperties and properties are mutual exclusive'))
    }
    if (typeof additional === 'object') errors.push(...visit(additional, 'field', `${path}.additionalProperties`))
  }
  if (schema.uniqueItems === true) {
    errors.push(
      forbidden(
        `${path}.uniqueItems`,
        'uniqueItems cannot be set to true since the runtime complexity becomes quadratic',
      ),
    )
  }
  const intOrString = schema['x-kubernetes-int-or-string'] === true
  const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true
  if (type === '' && !intOrString && !preserve) {
    const detail =
      level === 'root'
        ? 'must not be empty at the root'
        : level === 'item'
          ? 'must not be empty for specified array items'
          : 'must not be empty for specified object fields'
    errors.push(required(`${path}.type`, detail))
  }
  if (level === 'root' && type !== '' && type !== 'object') {
    errors.push(invalid(`${path}.type`, goQuote(type), 'must be object at the root'))
  }
  if (intOrString && preserve) {
    errors.push(
      invalid(
        `${path}.x-kubernetes-preserve-unknown-fields`,
        'true',
        'must be false if x-kubernetes-int-or-string is true',
      ),
    )
  }
  if (schema.pattern !== undefined) errors.push(...patternErrors(schema.pattern, `${path}.pattern`))
  return errors
}

function visitRootMetadata(metadata: JsonSchemaProps, path: string): FieldError[] {
  const errors: FieldError[] = []
  if (metadata.type !== 'object') errors.push(invalid(`${path}.type`, goQuote(metadata.type ?? ''), 'must be object'))
  const {type: _type, properties, description: _description, ...rest} = metadata
  const restricted = Object.keys(properties ?? {}).some((name) => !METADATA_FIELDS.has(name))
  if (restricted || Object.keys(rest).length > 0) {
    errors.push(
      forbidden(
        path,
        'must not specify anything other than name and generateName, but metadata is implicitly specified',
      ),
    )
  }
  return errors
}

function patternErrors(pattern: string, path: string): FieldError[] {
  try {
    new RegExp(pattern, 'u')
    return []
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error
    return [invalid(path, goQuote(pattern), `must be a valid regular expression, but isn't: ${error.message}`)]
  }
}
