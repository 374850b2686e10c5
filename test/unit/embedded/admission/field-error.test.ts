import {describe, expect, it} from 'vitest'
import {
  child,
  duplicate,
  errorString,
  forbidden,
  index,
  invalid,
  key,
  notSupported,
  required,
  toStatusCauses,
  tooLong,
} from '../../../../src/embedded/admission/field-error.js'

describe('field error wording', () => {
  it('renders each error type as field.ErrorList does', () => {
    expect(errorString(required('spec.containers'))).toBe('spec.containers: Required value')
    expect(errorString(required('metadata.name', 'name or generateName is required'))).toBe(
      'metadata.name: Required value: name or generateName is required',
    )
    expect(errorString(invalid('spec.replicas', '-1', 'must be greater than or equal to 0'))).toBe(
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    )
    expect(errorString(notSupported('spec.restartPolicy', '"Foo"', ['Always', 'OnFailure', 'Never']))).toBe(
      'spec.restartPolicy: Unsupported value: "Foo": supported values: "Always", "OnFailure", "Never"',
    )
    expect(errorString(duplicate('spec.containers[1].name', '"web"'))).toBe(
      'spec.containers[1].name: Duplicate value: "web"',
    )
    expect(errorString(forbidden('metadata.namespace', 'not allowed on this type'))).toBe(
      'metadata.namespace: Forbidden: not allowed on this type',
    )
    expect(errorString(tooLong('metadata.annotations', 262144))).toBe(
      'metadata.annotations: Too long: must have at most 262144 bytes',
    )
  })

  it('omits the field prefix for an error about the whole object', () => {
    expect(errorString(tooLong('', 1048576))).toBe('Too long: must have at most 1048576 bytes')
  })

  it('builds paths as field.Path does', () => {
    expect(child(index(child('spec', 'containers'), 0), 'resources', 'limits')).toBe(
      'spec.containers[0].resources.limits',
    )
    expect(key('spec.containers[0].resources.limits', 'cpu')).toBe('spec.containers[0].resources.limits[cpu]')
    expect(child('', 'metadata')).toBe('metadata')
  })

  it('turns errors into StatusCauses, dropping repeated messages', () => {
    const error = invalid('metadata.labels', '"a b"', 'bad')
    expect(toStatusCauses([error, error, required('spec.selector')])).toEqual([
      {reason: 'FieldValueInvalid', message: 'Invalid value: "a b": bad', field: 'metadata.labels'},
      {reason: 'FieldValueRequired', message: 'Required value', field: 'spec.selector'},
    ])
  })
})
