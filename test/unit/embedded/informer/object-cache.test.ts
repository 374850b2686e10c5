import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {labelSelectorFromSpec} from '../../../../src/resources/label-selector.js'
import {ObjectCache} from '../../../../src/embedded/informer/object-cache.js'

const PODS = '/pods'

function pod(
  name: string,
  revision: number,
  extra: Partial<KubeObject['metadata']> = {},
  nodeName?: string,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name, namespace: 'default', uid: `uid-${name}`, resourceVersion: String(revision), ...extra},
    spec: nodeName ? {nodeName} : {},
  }
}

function put(cache: ObjectCache, object: KubeObject): void {
  const key = {resource: PODS, namespace: object.metadata.namespace ?? '', name: object.metadata.name ?? ''}
  cache.apply({revision: Number(object.metadata.resourceVersion), key, object})
}

function remove(cache: ObjectCache, name: string, revision: number): void {
  cache.apply({revision, key: {resource: PODS, namespace: 'default', name}, object: undefined})
}

const names = (objects: readonly KubeObject[]): string[] => objects.map((o) => o.metadata.name ?? '')

describe('the informer cache', () => {
  it('keeps the newest revision of each key, whatever order the changes come in', () => {
    const cache = new ObjectCache()
    put(cache, pod('a', 5, {labels: {v: 'new'}}))
    put(cache, pod('a', 3, {labels: {v: 'old'}}))
    expect(cache.get({resource: PODS, namespace: 'default', name: 'a'})?.metadata.labels).toEqual({v: 'new'})
  })

  it('does not bring back a deleted object with an older change read later from the log', () => {
    const cache = new ObjectCache()
    put(cache, pod('a', 2))
    remove(cache, 'a', 9)
    put(cache, pod('a', 4))
    expect(cache.get({resource: PODS, namespace: 'default', name: 'a'})).toBeUndefined()
    // once the log has been read past the deletion, a recreated object is taken as new
    cache.advanceTo(9)
    put(cache, pod('a', 12))
    expect(cache.get({resource: PODS, namespace: 'default', name: 'a'})?.metadata.resourceVersion).toBe('12')
  })

  it('lists in namespace then name order, and answers by uid, owner and node', () => {
    const cache = new ObjectCache()
    const owner = {apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'rs-uid', controller: true}
    put(cache, pod('b', 2, {ownerReferences: [owner]}, 'node-1'))
    put(cache, pod('a', 3, {ownerReferences: [owner]}, 'node-2'))
    put(cache, pod('c', 4, {namespace: 'other'}, 'node-1'))
    expect(names(cache.list(PODS))).toEqual(['a', 'b', 'c'])
    expect(names(cache.list(PODS, 'default'))).toEqual(['a', 'b'])
    expect(cache.keyOfUid('uid-c')).toEqual({resource: PODS, namespace: 'other', name: 'c'})
    expect(names(cache.ownedBy(PODS, 'default', 'rs-uid')).sort()).toEqual(['a', 'b'])
    expect(cache.dependentsOf('rs-uid')).toHaveLength(2)
    expect(names(cache.podsOnNode('node-1'))).toEqual(['b', 'c'])
    // a pod moved off its owner and its node leaves both indexes
    put(cache, pod('b', 6, {}, undefined))
    expect(names(cache.ownedBy(PODS, 'default', 'rs-uid'))).toEqual(['a'])
    expect(names(cache.podsOnNode('node-1'))).toEqual(['c'])
  })

  it('selects by labels through its label index, with the whole selector applied', () => {
    const cache = new ObjectCache()
    put(cache, pod('web-1', 2, {labels: {app: 'web', tier: 'front'}}))
    put(cache, pod('web-2', 3, {labels: {app: 'web', tier: 'back'}}))
    put(cache, pod('db-1', 4, {labels: {app: 'db'}}))
    const select = (spec: Parameters<typeof labelSelectorFromSpec>[0]): string[] =>
      names(cache.select(PODS, 'default', labelSelectorFromSpec(spec)))
    expect(select({matchLabels: {app: 'web'}})).toEqual(['web-1', 'web-2'])
    expect(select({matchLabels: {app: 'web', tier: 'back'}})).toEqual(['web-2'])
    expect(select({matchExpressions: [{key: 'app', operator: 'In', values: ['db', 'web']}]})).toEqual([
      'db-1',
      'web-1',
      'web-2',
    ])
    expect(select({matchExpressions: [{key: 'tier', operator: 'DoesNotExist'}]})).toEqual(['db-1'])
    expect(select({})).toEqual(['db-1', 'web-1', 'web-2'])
    expect(names(cache.select(PODS, 'default', labelSelectorFromSpec(undefined)))).toEqual([])
    // relabelled: the index follows
    put(cache, pod('web-2', 8, {labels: {app: 'db'}}))
    expect(select({matchLabels: {app: 'web'}})).toEqual(['web-1'])
  })
})
