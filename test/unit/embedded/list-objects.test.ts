import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../src/backend/object.js'
import type {ResourceInfo} from '../../../src/backend/refs.js'
import {listObjects} from '../../../src/embedded/list-objects.js'
import {Store} from '../../../src/embedded/store/store.js'
import {BUILTIN_RESOURCES} from '../../../src/resources/builtin.js'

function object(namespace: string, name: string, labels?: Record<string, string>): KubeObject {
  return {apiVersion: 'v1', kind: 'Pod', metadata: {name, namespace, ...(labels ? {labels} : {})}}
}

const keys = (items: readonly KubeObject[]): string[] =>
  items.map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`)

const listItems = (...args: Parameters<typeof listObjects>): KubeObject[] => listObjects(...args).items

describe('listObjects', () => {
  let dir: string
  let store: Store
  const pods = BUILTIN_RESOURCES.find((r) => r.group === '' && r.kind === 'Pod') as ResourceInfo
  const nodes = BUILTIN_RESOURCES.find((r) => r.group === '' && r.kind === 'Node') as ResourceInfo

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'skiff-list-'))
    store = new Store(join(dir, 'store.db'))
    store.transaction(() => {
      store.put(
        {resource: '/pods', namespace: 'b', name: 'web'},
        {
          ...object('b', 'web', {app: 'web'}),
          spec: {nodeName: 'node-1'},
        },
      )
      store.put({resource: '/pods', namespace: 'a', name: 'db'}, object('a', 'db', {app: 'db'}))
      store.put(
        {resource: '/pods', namespace: 'a', name: 'web'},
        {
          ...object('a', 'web', {app: 'web'}),
          status: {phase: 'Running'},
        },
      )
      store.put(
        {resource: '/nodes', namespace: '', name: 'n1'},
        {apiVersion: 'v1', kind: 'Node', metadata: {name: 'n1'}},
      )
    })
  })

  afterEach(() => {
    store.close()
    rmSync(dir, {recursive: true, force: true})
  })

  it('lists one namespace or all, in namespace then name order', () => {
    expect(keys(listItems(store, pods, undefined, {}))).toEqual(['a/db', 'a/web', 'b/web'])
    expect(keys(listItems(store, pods, 'a', {}))).toEqual(['a/db', 'a/web'])
  })

  it('ignores the namespace for a cluster-scoped resource', () => {
    expect(keys(listItems(store, nodes, 'a', {}))).toEqual(['/n1'])
  })

  it('matches label and kind-specific field selectors together', () => {
    expect(keys(listItems(store, pods, undefined, {labelSelector: 'app=web'}))).toEqual(['a/web', 'b/web'])
    expect(keys(listItems(store, pods, undefined, {fieldSelector: 'status.phase=Running'}))).toEqual(['a/web'])
    expect(
      keys(listItems(store, pods, undefined, {labelSelector: 'app', fieldSelector: 'status.phase!=Running'})),
    ).toEqual(['a/db', 'b/web'])
  })

  it('accepts the legacy spec.host field label for pods as spec.nodeName', () => {
    expect(keys(listItems(store, pods, undefined, {fieldSelector: 'spec.host=node-1'}))).toEqual(['b/web'])
  })

  it('pages by key after the continue token, across namespaces, with a token only while more follow', () => {
    const first = listObjects(store, pods, undefined, {limit: 2})
    expect(keys(first.items)).toEqual(['a/db', 'a/web'])
    const second = listObjects(store, pods, undefined, {limit: 2, continue: first.continue})
    expect(keys(second.items)).toEqual(['b/web'])
    expect(second.continue).toBeUndefined()
    expect(listObjects(store, pods, undefined, {limit: 0}).continue).toBeUndefined()
  })

  it('resumes at the next key when the last object of the previous page is gone', () => {
    const first = listObjects(store, pods, undefined, {limit: 1})
    store.transaction(() => store.remove({resource: '/pods', namespace: 'a', name: 'db'}, object('a', 'db')))
    expect(keys(listObjects(store, pods, undefined, {limit: 5, continue: first.continue}).items)).toEqual([
      'a/web',
      'b/web',
    ])
  })

  it('fills a page with matching objects only, reading on past the ones that do not match', () => {
    const first = listObjects(store, pods, undefined, {limit: 1, labelSelector: 'app=web'})
    expect(keys(first.items)).toEqual(['a/web'])
    expect(
      keys(listObjects(store, pods, undefined, {limit: 1, labelSelector: 'app=web', continue: first.continue}).items),
    ).toEqual(['b/web'])
  })

  it('pages within one namespace', () => {
    const first = listObjects(store, pods, 'a', {limit: 1})
    expect(keys(first.items)).toEqual(['a/db'])
    expect(keys(listObjects(store, pods, 'a', {limit: 1, continue: first.continue}).items)).toEqual(['a/web'])
  })

  it('refuses a token that is not base64 JSON of a key as BadRequest', () => {
    const bad = Buffer.from(JSON.stringify({namespace: 1})).toString('base64url')
    for (const token of ['%%%', bad]) {
      expect(() => listObjects(store, pods, undefined, {limit: 1, continue: token})).toThrow(
        expect.objectContaining({status: expect.objectContaining({reason: 'BadRequest', code: 400})}),
      )
    }
  })

  it('refuses a label selector that does not parse as BadRequest with the parser’s words', () => {
    expect(() => listItems(store, pods, undefined, {labelSelector: 'app in web'})).toThrow(
      expect.objectContaining({status: expect.objectContaining({reason: 'BadRequest'})}),
    )
  })
})
