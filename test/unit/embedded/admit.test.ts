import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../src/backend/object.js'
import type {ResourceInfo} from '../../../src/backend/refs.js'
import {admitCreate, admitUpdate} from '../../../src/embedded/admit.js'
import {Clock} from '../../../src/embedded/clock/clock.js'
import {Store} from '../../../src/embedded/store/store.js'
import {BUILTIN_RESOURCES} from '../../../src/resources/builtin.js'

const HOUR_MS = 3_600_000

function builtin(group: string, kind: string): ResourceInfo {
  return BUILTIN_RESOURCES.find((r) => r.group === group && r.kind === kind) as ResourceInfo
}

const widgets: ResourceInfo = {
  group: 'example.com',
  version: 'v1',
  kind: 'Widget',
  resource: 'widgets',
  singular: 'widget',
  shortNames: [],
  namespaced: true,
  verbs: [],
  categories: [],
}

let dir: string
let store: Store
const clock = new Clock(0)

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'skiff-admit-'))
  store = new Store(join(dir, 'store.db'))
  // the one thing admission reads from the store here: the namespace objects are created in
  store.transaction(() =>
    store.put(
      {resource: '/namespaces', namespace: '', name: 'default'},
      {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'default', uid: 'ns-default'}, status: {phase: 'Active'}},
    ),
  )
})

afterEach(() => {
  store.close()
  rmSync(dir, {recursive: true, force: true})
})

describe('admitCreate', () => {
  it('stamps creationTimestamp in cluster time, which an advanced clock moves ahead', () => {
    const ahead = new Clock(2 * HOUR_MS)
    const before = Date.now()
    const admitted = admitCreate(store, ahead, builtin('', 'ConfigMap'), {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {name: 'cfg'},
    })
    const stamped = Date.parse(admitted.metadata.creationTimestamp ?? '')
    expect(stamped).toBeGreaterThanOrEqual(Math.floor((before + 2 * HOUR_MS) / 1000) * 1000)
    expect(stamped).toBeLessThanOrEqual(Date.now() + 2 * HOUR_MS)
  })

  it('writes nothing to the store', () => {
    const revision = store.revision()
    admitCreate(store, clock, builtin('', 'ConfigMap'), {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'cfg'}})
    expect(store.revision()).toBe(revision)
    expect(store.get({resource: '/configmaps', namespace: 'default', name: 'cfg'})).toBeUndefined()
  })

  it('clears the status a client sends with a new Deployment, and orders apiVersion, kind, metadata first', () => {
    const admitted = admitCreate(store, clock, builtin('apps', 'Deployment'), {
      status: {replicas: 5},
      spec: {
        selector: {matchLabels: {app: 'web'}},
        template: {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'c', image: 'nginx'}]}},
      },
      metadata: {name: 'web'},
      kind: 'Deployment',
      apiVersion: 'apps/v1',
    } as KubeObject)
    expect(admitted['status']).toEqual({})
    expect(Object.keys(admitted).slice(0, 3)).toEqual(['apiVersion', 'kind', 'metadata'])
  })

  it('gives custom resources a generation, as it does the built-in workloads, and not config maps', () => {
    const widget = admitCreate(store, clock, widgets, {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: {name: 'w'},
    })
    expect(widget.metadata.generation).toBe(1)
    const cm = admitCreate(store, clock, builtin('', 'ConfigMap'), {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {name: 'cfg'},
    })
    expect(cm.metadata.generation).toBeUndefined()
  })

  it('requires a name or generateName', () => {
    expect(() =>
      admitCreate(store, clock, builtin('', 'ConfigMap'), {apiVersion: 'v1', kind: 'ConfigMap', metadata: {}}),
    ).toThrow('ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required')
  })
})

describe('admitUpdate', () => {
  const namespaces = builtin('', 'Namespace')
  const terminating: KubeObject = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: 'shop',
      uid: 'u1',
      resourceVersion: '7',
      creationTimestamp: '2026-01-01T00:00:00Z',
      deletionTimestamp: '2026-01-02T00:00:00Z',
      deletionGracePeriodSeconds: 0,
    },
    spec: {finalizers: ['kubernetes']},
    status: {phase: 'Terminating'},
  }

  it('changes only spec.finalizers through namespaces/finalize', () => {
    const sent: KubeObject = {
      ...structuredClone(terminating),
      metadata: {...terminating.metadata, labels: {sneaky: 'yes'}},
      spec: {finalizers: []},
      status: {phase: 'Active'},
    }
    const admitted = admitUpdate(namespaces, sent, terminating, 'finalize')
    expect(admitted['spec']).toEqual({finalizers: []})
    expect(admitted['status']).toEqual({phase: 'Terminating'})
    expect(admitted.metadata.labels).toBeUndefined()
  })

  it('keeps deletionTimestamp and server-owned metadata from the stored object', () => {
    const sent: KubeObject = {
      ...structuredClone(terminating),
      metadata: {name: 'shop', uid: 'other', labels: {a: 'b'}},
    }
    const admitted = admitUpdate(namespaces, sent, terminating, undefined)
    expect(admitted.metadata).toMatchObject({
      uid: 'u1',
      resourceVersion: '7',
      creationTimestamp: '2026-01-01T00:00:00Z',
      deletionTimestamp: '2026-01-02T00:00:00Z',
      deletionGracePeriodSeconds: 0,
      labels: {a: 'b'},
    })
  })

  // apimachinery ValidateObjectMetaUpdate (v1.32): rest.BeforeUpdate copies deletionTimestamp only from a deleting
  // object, so one sent for a live object reaches validation and is refused as an immutable field
  it.fails('refuses a deletionTimestamp sent for an object that is not deleting, as Invalid', () => {
    const active: KubeObject = {...structuredClone(terminating), status: {phase: 'Active'}}
    delete active.metadata.deletionTimestamp
    delete active.metadata.deletionGracePeriodSeconds
    const sent = structuredClone(active)
    sent.metadata.deletionTimestamp = '2026-01-02T00:00:00Z'
    expect(() => admitUpdate(namespaces, sent, active, undefined)).toThrow(
      /metadata\.deletionTimestamp: Invalid value: .*field is immutable/,
    )
  })

  it('does not give generation to a kind that has none, whatever the client sends', () => {
    const old: KubeObject = {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'c', namespace: 'default'}}
    const admitted = admitUpdate(
      builtin('', 'ConfigMap'),
      {...old, metadata: {...old.metadata, generation: 5}, data: {a: 'b'}},
      old,
      undefined,
    )
    expect(admitted.metadata.generation).toBeUndefined()
  })

  it('bumps a custom resource’s generation when anything outside metadata and status changes', () => {
    const old: KubeObject = {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: {name: 'w', namespace: 'default', generation: 1},
      spec: {size: 1},
    }
    expect(admitUpdate(widgets, {...old, spec: {size: 2}}, old, undefined).metadata.generation).toBe(2)
    expect(admitUpdate(widgets, {...old, status: {ok: true}}, old, undefined).metadata.generation).toBe(1)
  })
})
