import {describe, expect, it} from 'vitest'
import {errorString} from '../../../../src/embedded/admission/field-error.js'
import {
  isExtendedResourceName,
  isOvercommitAllowed,
  validateResourceRequirements,
} from '../../../../src/embedded/admission/resources.js'

describe('resource requirements', () => {
  it('classifies resource names', () => {
    expect(isExtendedResourceName('nvidia.com/gpu')).toBe(true)
    expect(isExtendedResourceName('cpu')).toBe(false)
    expect(isOvercommitAllowed('memory')).toBe(true)
    expect(isOvercommitAllowed('hugepages-2Mi')).toBe(false)
  })

  it('requires a limit for a resource that cannot be overcommitted', () => {
    expect(
      validateResourceRequirements({requests: {'nvidia.com/gpu': '1'}}, 'spec.containers[0].resources').map(
        errorString,
      ),
    ).toEqual([
      'spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources',
    ])
  })

  it('requires cpu or memory alongside huge pages', () => {
    expect(
      validateResourceRequirements({limits: {'hugepages-2Mi': '2Mi'}, requests: {'hugepages-2Mi': '2Mi'}}, 'r').map(
        errorString,
      ),
    ).toEqual(['r: Forbidden: HugePages require cpu or memory'])
  })
})
