import {describe, expect, it} from 'vitest'
import {errorString} from '../../../../src/embedded/admission/field-error.js'
import {validateVolumes} from '../../../../src/embedded/admission/volumes.js'

describe('validateVolumes', () => {
  it('returns the names of valid volumes for mounts to use', () => {
    const result = validateVolumes(
      [
        {name: 'a', emptyDir: {}},
        {name: 'b', secret: {secretName: 's'}},
      ],
      'spec.volumes',
    )
    expect(result.errors).toEqual([])
    expect([...result.names]).toEqual(['a', 'b'])
  })

  it('checks file modes and duplicate names', () => {
    const volumes = [
      {name: 'a', secret: {secretName: 's', defaultMode: 1000}},
      {name: 'b', emptyDir: {}},
      {name: 'b', emptyDir: {}},
    ]
    expect(validateVolumes(volumes, 'spec.volumes').errors.map(errorString)).toEqual([
      'spec.volumes[0].secret.defaultMode: Invalid value: 1000: must be a number between 0 and 0777 (octal), both inclusive',
      'spec.volumes[2].name: Duplicate value: "b"',
    ])
  })

  it('requires a source', () => {
    expect(validateVolumes([{name: 'a'}], 'spec.volumes').errors.map(errorString)).toEqual([
      'spec.volumes[0]: Required value: must specify a volume type',
    ])
  })
})
