import {describe, expect, it} from 'vitest'
import {isStatusError} from '../../../../src/backend/status.js'
import {impersonatedUser, impersonationHeaders} from '../../../../src/embedded/reviews/impersonation.js'
import {EMBEDDED_USER} from '../../../../src/embedded/identity.js'
import type {Store} from '../../../../src/embedded/store/store.js'

// the admin is in system:masters, so no RBAC object is read
const store = {list: () => []} as unknown as Store

describe('impersonation', () => {
  it('acts as the named user with its groups, uid and extra, and adds system:authenticated', () => {
    const request = impersonationHeaders({
      'impersonate-user': ['user1'],
      'impersonate-group': ['group2', ',,,chameleon'],
      'impersonate-uid': ['abc123'],
      'impersonate-extra-key1': ['hello there', 'one,two'],
    })
    expect(impersonatedUser(store, EMBEDDED_USER, request)).toEqual({
      username: 'user1',
      uid: 'abc123',
      groups: ['group2', ',,,chameleon', 'system:authenticated'],
      extra: {key1: ['hello there', 'one,two']},
    })
  })

  it('refuses groups without a user', () => {
    expect(() => impersonatedUser(store, EMBEDDED_USER, impersonationHeaders({'impersonate-group': ['foo']}))).toThrow(
      'without impersonating a user',
    )
  })

  it('refuses a user who may not impersonate', () => {
    const plain = {username: 'bob', groups: ['system:authenticated']}
    expect(() => impersonatedUser(store, plain, impersonationHeaders({'impersonate-user': ['alice']}))).toThrow(
      /cannot impersonate resource "users"/,
    )
    // responsewriters.Forbidden's details name what was refused
    const refused = (() => {
      try {
        impersonatedUser(store, plain, impersonationHeaders({'impersonate-user': ['alice']}))
      } catch (error) {
        return isStatusError(error) ? error.status.details : undefined
      }
      return undefined
    })()
    expect(refused).toEqual({name: 'alice', group: '', kind: 'users'})
  })
})
