import {describe, expect, it} from 'vitest'
import type {ResourceInfo} from '../../../src/backend/refs.js'
import {badRequest, StatusError} from '../../../src/backend/status.js'
import {explainListError} from '../../../src/kubectl/list-error.js'
import {BUILTIN_RESOURCES} from '../../../src/resources/builtin.js'

const info = (kind: string): ResourceInfo => BUILTIN_RESOURCES.find((r) => r.kind === kind) as ResourceInfo

describe('explainListError', () => {
  it('names the resource and both selectors in front of a BadRequest, keeping it an API error', () => {
    const error = explainListError(badRequest("unable to parse requirement: found 'b' expected: '('"), info('Pod'), {
      labelSelector: 'a in b',
    })
    expect(error).toBeInstanceOf(StatusError)
    expect((error as StatusError).status).toMatchObject({
      reason: 'BadRequest',
      code: 400,
      message: `Unable to find "/v1, Resource=pods" that match label selector "a in b", field selector "": unable to parse requirement: found 'b' expected: '('`,
    })
  })

  it('says "Unable to list" without selectors, with the group for grouped resources', () => {
    const error = explainListError(badRequest('boom'), info('Deployment'), {})
    expect((error as StatusError).status.message).toBe('Unable to list "apps/v1, Resource=deployments": boom')
  })

  it('leaves other errors alone', () => {
    const conflict = new StatusError({
      apiVersion: 'v1',
      kind: 'Status',
      metadata: {},
      status: 'Failure',
      reason: 'Conflict',
      code: 409,
      message: 'x',
    })
    expect(explainListError(conflict, info('Pod'), {labelSelector: 'a'})).toBe(conflict)
    const plain = new Error('network')
    expect(explainListError(plain, info('Pod'), {})).toBe(plain)
  })
})
