import {describe, expect, it} from 'vitest'
import {mergeKubeconfigs} from '../../../../src/cluster/kubeconfig/merge.js'
import {setProperty, unsetProperty} from '../../../../src/cluster/kubeconfig/property.js'

const config = mergeKubeconfigs([
  {
    path: '/k',
    content: {
      'current-context': 'cx',
      clusters: [{name: 'c', cluster: {server: 'https://c'}}],
      users: [{name: 'u', user: {token: 't'}}],
      contexts: [{name: 'cx', context: {cluster: 'c', user: 'u'}}],
    },
  },
])

const raw = {setRawBytes: false}

describe('config set and unset property paths', () => {
  it('sets a field of an entry and creates the entry when it is new', () => {
    const changed = setProperty(config, 'contexts.cx.namespace', 'shop', raw)
    expect(changed.contexts[0]?.value).toEqual({cluster: 'c', user: 'u', namespace: 'shop'})
    const created = setProperty(config, 'users.u2.token', 'abc', raw)
    expect(created.users.map((u) => [u.name, u.value, u.file])).toEqual([
      ['u', {token: 't'}, '/k'],
      ['u2', {token: 'abc'}, ''],
    ])
    // the argument is left as it was
    expect(config.contexts[0]?.value).toEqual({cluster: 'c', user: 'u'})
  })

  it('reads a map key with dots up to the next part that names a field', () => {
    const changed = setProperty(config, 'clusters.10.0.0.1.server', 'https://10.0.0.1', raw)
    expect(changed.clusters.map((c) => c.name)).toEqual(['c', '10.0.0.1'])
    expect(() => setProperty(config, 'clusters.c.nosuch', 'x', raw)).toThrow("can't set a map to a value: map[c]")
  })

  it('writes internal field names under their v1 keys', () => {
    expect(setProperty(config, 'users.u.act-as', 'bob', raw).users[0]?.value).toEqual({token: 't', as: 'bob'})
  })

  it('parses booleans and base64 as kubectl does', () => {
    expect(setProperty(config, 'clusters.c.insecure-skip-tls-verify', 'true', raw).clusters[0]?.value).toEqual({
      server: 'https://c',
      'insecure-skip-tls-verify': true,
    })
    expect(() => setProperty(config, 'clusters.c.insecure-skip-tls-verify', 'maybe', raw)).toThrow(
      'strconv.ParseBool: parsing "maybe": invalid syntax',
    )
    expect(setProperty(config, 'users.u.client-key-data', 'aGVsbG8=', raw).users[0]?.value['client-key-data']).toBe(
      'aGVsbG8=',
    )
    expect(() => setProperty(config, 'users.u.client-key-data', 'notbase64', raw)).toThrow(
      'error decoding input value: illegal base64 data at input byte 8',
    )
    expect(() => setProperty(config, 'users.u.client-key-data', 'ab!d', raw)).toThrow('at input byte 2')
    const rawBytes = setProperty(config, 'users.u.client-key-data', 'hello', {setRawBytes: true})
    expect(rawBytes.users[0]?.value['client-key-data']).toBe('aGVsbG8=')
  })

  it('refuses paths kubectl cannot walk, in its words', () => {
    expect(() => setProperty(config, 'nosuch', 'x', raw)).toThrow('unable to parse nosuch after [] at api.Config')
    expect(() => setProperty(config, 'users.u.auth-provider.name', 'x', raw)).toThrow(
      'unable to parse one or more field values of users.u.auth-provider.name',
    )
    expect(() => setProperty(config, 'preferences.nosuch', 'x', raw)).toThrow(
      'unable to parse preferences.nosuch after [{preferences api.Preferences}] at api.Preferences',
    )
  })

  it('unsets fields, entries, whole sections and the current context', () => {
    expect(unsetProperty(config, 'users.u.token').users[0]?.value).toEqual({})
    expect(unsetProperty(config, 'users.u').users).toEqual([])
    expect(unsetProperty(config, 'users.nosuch').users).toHaveLength(1)
    expect(unsetProperty(config, 'contexts').contexts).toEqual([])
    expect(unsetProperty(config, 'current-context').currentContext).toBe('')
    expect(() => unsetProperty(config, 'clusters.nosuch.server')).toThrow('current map key `nosuch` is invalid')
  })
})
