import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../src/backend/object.js'
import type {EmbeddedBackend} from '../../../src/embedded/embedded-backend.js'
import {editMetadata, parseMetadataArgs} from '../../../src/kubectl/metadata-edit.js'
import {openTempCluster, rejection, type TempCluster} from '../embedded/temp-cluster.js'

describe('parseMetadataArgs', () => {
  it('splits resource words from key=value and key- changes', () => {
    expect(parseMetadataArgs(['pods', 'web', 'app=web', 'tier=', 'old-'])).toEqual({
      resources: ['pods', 'web'],
      changes: {set: {app: 'web', tier: ''}, remove: ['old']},
    })
  })

  it('takes TYPE/NAME words and prefixed keys', () => {
    expect(parseMetadataArgs(['deploy/web', 'svc/web', 'example.com/owner=team-a', 'example.com/old-'])).toEqual({
      resources: ['deploy/web', 'svc/web'],
      changes: {set: {'example.com/owner': 'team-a'}, remove: ['example.com/old']},
    })
  })

  it('keeps annotation values that contain =', () => {
    expect(parseMetadataArgs(['cm', 'cfg', 'url=http://x/?a=b']).changes.set).toEqual({url: 'http://x/?a=b'})
  })

  it('treats a word starting with = and a lone - as resource words, as kubectl does', () => {
    expect(parseMetadataArgs(['=x', '-']).resources).toEqual(['=x', '-'])
  })

  it('keeps the last value of a key given twice', () => {
    expect(parseMetadataArgs(['cm', 'cfg', 'a=1', 'a=2']).changes.set).toEqual({a: '2'})
  })

  it('refuses to both modify and remove a key', () => {
    expect(() => parseMetadataArgs(['cm', 'cfg', 'a=b', 'a-'])).toThrow(/can not both modify and remove/)
  })

  // kubectl label.go parseLabels (v1.32) prints `error: can not both modify and remove a label in the same command`
  it.fails('words modify-and-remove of a label as kubectl label does', () => {
    expect(() => parseMetadataArgs(['cm', 'cfg', 'a=b', 'a-'])).toThrow(
      /^can not both modify and remove a label in the same command$/,
    )
  })

  // kubectl label.go parseLabels (v1.32): a label spec splits on every '=' and must have exactly two parts
  it.fails('refuses a label spec with two = as kubectl label does', () => {
    expect(() => parseMetadataArgs(['cm', 'cfg', 'a=b=c'])).toThrow('invalid label spec: a=b=c')
  })

  // kubectl cmdutil.GetResourcesAndPairs (v1.32): `error: all resources must be specified before label changes: web`
  it.fails('refuses a resource word after a change, as kubectl does', () => {
    expect(() => parseMetadataArgs(['pods', 'a=b', 'web'])).toThrow(
      'all resources must be specified before label changes: web',
    )
  })
})

describe('editMetadata', () => {
  let cluster: TempCluster
  let api: EmbeddedBackend
  const ref = {group: '', version: 'v1', resource: 'configmaps', namespace: 'default'}
  let current: KubeObject

  beforeEach(async () => {
    cluster = await openTempCluster()
    api = cluster.backend
    current = await api.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {name: 'cfg', namespace: 'default', labels: {app: 'web', tier: 'front'}, annotations: {note: 'old'}},
    })
    await api.settle()
  })

  afterEach(async () => {
    await cluster.dispose()
  })

  const edit = (
    field: 'labels' | 'annotations',
    set: Record<string, string>,
    remove: string[],
    options: Partial<{overwrite: boolean; dryRun: boolean; resourceVersion: string}> = {},
  ) =>
    editMetadata(
      api,
      ref,
      current,
      field,
      {set, remove},
      {overwrite: false, dryRun: false, fieldManager: 'kubectl-label', ...options},
    )

  it('adds and removes labels with one merge patch, leaving the others', async () => {
    const result = await edit('labels', {env: 'prod'}, ['tier'])
    expect(result.changed).toBe(true)
    expect(result.object.metadata.labels).toEqual({app: 'web', env: 'prod'})
    expect((await api.get(ref, 'cfg')).metadata.labels).toEqual({app: 'web', env: 'prod'})
  })

  it('edits annotations the same way, and leaves labels alone', async () => {
    const result = await edit('annotations', {'example.com/by': 'me'}, ['note'])
    expect(result.object.metadata.annotations).toEqual({'example.com/by': 'me'})
    expect(result.object.metadata.labels).toEqual({app: 'web', tier: 'front'})
  })

  it('writes nothing when the object already has what was asked', async () => {
    const revision = api.store.revision()
    const result = await edit('labels', {app: 'web'}, ['absent'])
    expect(result).toEqual({object: current, changed: false})
    expect(api.store.revision()).toBe(revision)
  })

  it('refuses to change an existing value without --overwrite, with kubectl label’s words', async () => {
    await expect(edit('labels', {app: 'db'}, [])).rejects.toThrow(
      "'app' already has a value (web), and --overwrite is false",
    )
    expect((await api.get(ref, 'cfg')).metadata.labels).toEqual({app: 'web', tier: 'front'})
  })

  it('changes an existing value with --overwrite', async () => {
    const result = await edit('labels', {app: 'db'}, [], {overwrite: true})
    expect(result.object.metadata.labels).toEqual({app: 'db', tier: 'front'})
  })

  // kubectl annotate.go validateNoAnnotationOverwrites (v1.32):
  // `--overwrite is false but found the following declared annotation(s): 'note' already has a value (old)`
  it.fails('words an annotation overwrite refusal as kubectl annotate does', async () => {
    await expect(edit('annotations', {note: 'new'}, [])).rejects.toThrow(
      "--overwrite is false but found the following declared annotation(s): 'note' already has a value (old)",
    )
  })

  it('writes nothing on a dry run, yet returns the edited object', async () => {
    const result = await edit('labels', {env: 'prod'}, [], {dryRun: true})
    expect(result.object.metadata.labels).toEqual({app: 'web', tier: 'front', env: 'prod'})
    expect((await api.get(ref, 'cfg')).metadata.labels).toEqual({app: 'web', tier: 'front'})
  })

  it('sends --resource-version as a precondition, refused when stale', async () => {
    await edit('labels', {env: 'prod'}, [])
    expect(
      await rejection(edit('labels', {x: 'y'}, [], {resourceVersion: current.metadata.resourceVersion})),
    ).toMatchObject({reason: 'Conflict', code: 409})
    const fresh = await api.get(ref, 'cfg')
    const result = await edit('labels', {x: 'y'}, [], {resourceVersion: fresh.metadata.resourceVersion})
    expect(result.object.metadata.labels).toMatchObject({x: 'y'})
  })

  it('refuses a label value the API server refuses', async () => {
    expect((await rejection(edit('labels', {bad: 'not ok'}, []))).reason).toBe('Invalid')
  })
})
