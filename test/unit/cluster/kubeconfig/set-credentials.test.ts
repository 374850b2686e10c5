import {describe, expect, it} from 'vitest'
import {modifiedUser, parsePairs, validateUserChanges} from '../../../../src/cluster/kubeconfig/set-credentials.js'

describe('config set-credentials', () => {
  it('clears basic auth when a token is set, and the token when basic auth is', () => {
    expect(modifiedUser({username: 'a', password: 'b'}, {token: 't'})).toEqual({token: 't'})
    expect(modifiedUser({token: 't'}, {username: 'a', password: 'b'})).toEqual({username: 'a', password: 'b'})
  })

  it('refuses two ways of authenticating at once', () => {
    expect(() => validateUserChanges('u', {token: 't', username: 'x'})).toThrow(
      'you cannot specify more than one authentication method at the same time: --token, --username/--password',
    )
    expect(() => validateUserChanges('', {})).toThrow('you must specify a non-empty user name')
    expect(() => validateUserChanges('u', {execInteractiveMode: 'Bad'})).toThrow(
      'invalid interactive mode type, can be only IfAvailable, Never, Always',
    )
  })

  it('sets and removes auth-provider arguments and exec environment variables', () => {
    const provider = modifiedUser(
      {'auth-provider': {name: 'oidc', config: {a: '1', b: '2'}}},
      {authProviderArgs: parsePairs(['b-', 'c=3'], 'auth-provider-arg')},
    )
    expect(provider['auth-provider']).toEqual({name: 'oidc', config: {a: '1', c: '3'}})
    const exec = modifiedUser(
      {
        exec: {
          command: 'x',
          args: ['old'],
          env: [
            {name: 'A', value: '1'},
            {name: 'B', value: '2'},
          ],
        },
      },
      {execEnv: parsePairs(['A-', 'B=3', 'C=4'], 'exec-env'), execArgs: ['new']},
    )
    expect(exec.exec).toEqual({
      command: 'x',
      args: ['new'],
      env: [
        {name: 'B', value: '3'},
        {name: 'C', value: '4'},
      ],
    })
    expect(() => parsePairs(['bad', 'worse'], 'exec-env')).toThrow('invalid exec-env format: bad, worse')
  })

  it('resets the arguments of an exec plugin whose command changes', () => {
    expect(modifiedUser({exec: {command: 'x', args: ['a']}}, {execCommand: 'y'}).exec).toEqual({
      command: 'y',
      args: null,
    })
  })
})
