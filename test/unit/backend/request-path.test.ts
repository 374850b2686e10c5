import {describe, expect, it} from 'vitest'
import type {Backend} from '../../../src/backend/backend.js'
import {withCheckedPaths} from '../../../src/backend/path-checked-backend.js'
import {checkRequestPath, pathSegmentProblems} from '../../../src/backend/request-path.js'

const configmaps = {group: '', version: 'v1', resource: 'configmaps', namespace: 'team'}

describe('pathSegmentProblems', () => {
  it('names what apimachinery refuses in one path segment', () => {
    expect(pathSegmentProblems('web')).toEqual([])
    expect(pathSegmentProblems('a.b..c')).toEqual([])
    expect(pathSegmentProblems('.')).toEqual([`may not be '.'`])
    expect(pathSegmentProblems('..')).toEqual([`may not be '..'`])
    expect(pathSegmentProblems('a/%2E')).toEqual([`may not contain '/'`, `may not contain '%'`])
  })
})

describe('checkRequestPath', () => {
  it('refuses an empty name, and a bad name, namespace or subresource in kubectl words', () => {
    expect(() => checkRequestPath(configmaps, '')).toThrow(/^resource name may not be empty$/)
    expect(() => checkRequestPath(configmaps, '..')).toThrow(`invalid resource name "..": [may not be '..']`)
    expect(() => checkRequestPath({...configmaps, namespace: '.'})).toThrow(`invalid namespace ".": [may not be '.']`)
    expect(() => checkRequestPath({...configmaps, subresource: '..'}, 'web')).toThrow(
      `invalid subresource "..": [may not be '..']`,
    )
    expect(() => checkRequestPath({...configmaps, subresource: 'status'}, 'web')).not.toThrow()
    expect(() => checkRequestPath({...configmaps, namespace: ''})).not.toThrow()
  })
})

describe('withCheckedPaths', () => {
  it('refuses a request before the backend sees it, for every verb that names a path', async () => {
    const seen: string[] = []
    const record = (verb: string) => async () => {
      seen.push(verb)
      return {apiVersion: 'v1', kind: 'Status', metadata: {}}
    }
    const backend = withCheckedPaths({
      get: record('get'),
      delete: record('delete'),
      patch: record('patch'),
      update: record('update'),
      table: record('table'),
    } as unknown as Backend)
    await expect(backend.delete(configmaps, '.')).rejects.toThrow(/may not be '.'/)
    await expect(backend.get(configmaps, '')).rejects.toThrow(/may not be empty/)
    await expect(backend.patch(configmaps, 'a%2F', {type: 'merge', body: {}})).rejects.toThrow(/may not contain/)
    const object = {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: '..', namespace: 'team'}}
    await expect(backend.update(object)).rejects.toThrow(/may not be '..'/)
    await expect(backend.table(configmaps, {name: '..'})).rejects.toThrow(/may not be '..'/)
    expect(seen).toEqual([])
    await backend.delete(configmaps, 'web')
    expect(seen).toEqual(['delete'])
  })
})
