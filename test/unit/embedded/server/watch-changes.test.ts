import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import type {WatchEvent} from '../../../../src/backend/watch.js'
import {watchChanges} from '../../../../src/embedded/watch-changes.js'
import {coreRef, openTempCluster, type TempCluster} from '../temp-cluster.js'

let cluster: TempCluster

beforeEach(async () => {
  cluster = await openTempCluster()
})

afterEach(async () => {
  await cluster.dispose()
})

function configMap(name: string, labels: Record<string, string>): KubeObject {
  return {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name, namespace: 'default', labels}, data: {}}
}

describe('watchChanges', () => {
  it('sends an object that leaves the label selector as DELETED and one that enters as ADDED', async () => {
    const api = cluster.backend
    const ref = coreRef('configmaps', 'default')
    await api.create(configMap('a', {tier: 'web'}))
    const rv = (await api.list(ref)).metadata.resourceVersion
    const controller = new AbortController()
    const events: WatchEvent[] = []
    const watching = (async () => {
      for await (const event of watchChanges(
        api,
        ref,
        {labelSelector: 'tier=web', resourceVersion: rv},
        {signal: controller.signal},
      )) {
        events.push(event)
        if (events.length === 2) controller.abort()
      }
    })()
    await api.patch(ref, 'a', {type: 'merge', body: {metadata: {labels: {tier: 'db'}}}})
    await api.create(configMap('b', {tier: 'db'}))
    await api.patch(ref, 'b', {type: 'merge', body: {metadata: {labels: {tier: 'web'}}}})
    await watching
    expect(events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['DELETED a', 'ADDED b'])
  })

  it('ends when its signal aborts, with nothing changing', async () => {
    const controller = new AbortController()
    const watch = watchChanges(
      cluster.backend,
      coreRef('configmaps', 'default'),
      {resourceVersion: '1'},
      {
        signal: controller.signal,
      },
    )
    const next = watch.next()
    controller.abort()
    expect((await next).done).toBe(true)
  })

  it('sends bookmarks with the revision reached when allowed', async () => {
    const controller = new AbortController()
    const api = cluster.backend
    const rv = (await api.list(coreRef('configmaps', 'default'))).metadata.resourceVersion ?? '0'
    const watch = watchChanges(
      api,
      coreRef('configmaps', 'default'),
      {resourceVersion: rv},
      {
        signal: controller.signal,
        bookmarks: true,
        bookmarkIntervalMs: 100,
      },
    )
    const first = await watch.next()
    controller.abort()
    expect(first.value).toMatchObject({type: 'BOOKMARK', object: {kind: 'ConfigMap', apiVersion: 'v1'}})
    expect(Number((first.value as WatchEvent).object.metadata.resourceVersion)).toBeGreaterThanOrEqual(Number(rv))
  })
})
