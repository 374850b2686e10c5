import {describe, expect, it} from 'vitest'
import {alreadyExists, notFound, StatusError} from '../../../src/backend/status.js'
import {withSource} from '../../../src/kubectl/source-error.js'

const deployments = {group: 'apps', resource: 'deployments'}

describe('withSource', () => {
  it('puts the source inside the server message and keeps the Status', () => {
    const error = withSource('creating', 'web.yaml', alreadyExists(deployments, 'web'))
    expect(error).toBeInstanceOf(StatusError)
    expect((error as StatusError).status.reason).toBe('AlreadyExists')
    expect((error as StatusError).status.message).toBe(
      'error when creating "web.yaml": deployments.apps "web" already exists',
    )
  })

  it('wraps any other error as a plain Error', () => {
    expect((withSource('retrieving', 'x.yaml', new Error('boom')) as Error).message).toBe(
      'error when retrieving "x.yaml": boom',
    )
  })

  it('quotes the source as Go’s %q does', () => {
    expect((withSource('deleting', 'a "b".yaml', new Error('boom')) as Error).message).toBe(
      'error when deleting "a \\"b\\".yaml": boom',
    )
  })

  it('returns the error untouched without a source', () => {
    const error = notFound(deployments, 'web')
    expect(withSource('creating', '', error)).toBe(error)
    expect(withSource('creating', undefined, error)).toBe(error)
  })

  it('does not change the error it was given', () => {
    const error = notFound(deployments, 'web')
    withSource('creating', 'web.yaml', error)
    expect(error.status.message).toBe('deployments.apps "web" not found')
  })
})
