import {describe, expect, it} from 'vitest'
import {
  applyMergePatch,
  createMergePatch,
  createThreeWayJsonMergePatch,
  PreconditionFailedError,
} from '../../../../src/resources/patch/merge-patch.js'

describe('applyMergePatch', () => {
  it('merges maps, replaces lists and deletes fields set to null', () => {
    const document = {spec: {size: 1, tags: ['a', 'b'], owner: 'x'}, status: {ready: true}}
    const patch = {spec: {size: 2, tags: ['c'], owner: null}}
    expect(applyMergePatch(document, patch)).toEqual({spec: {size: 2, tags: ['c']}, status: {ready: true}})
    expect(document.spec.owner).toBe('x')
  })

  it('drops nulls inside the values it adds', () => {
    expect(applyMergePatch({}, {spec: {a: 1, b: null}})).toEqual({spec: {a: 1}})
  })

  it('fails on a patch that is not an object, as the API server does', () => {
    expect(() => applyMergePatch({}, null)).toThrow('Invalid JSON Patch')
    expect(() => applyMergePatch({}, 'x')).toThrow(expect.objectContaining({errorClass: 'BadRequest'}) as Error)
  })
})

describe('createMergePatch', () => {
  it('sets changed and added fields and nulls removed ones', () => {
    expect(createMergePatch({a: 1, b: {c: 1, d: 2}, e: [1]}, {a: 1, b: {c: 2}, e: [1, 2], f: 'x'})).toEqual({
      b: {c: 2, d: null},
      e: [1, 2],
      f: 'x',
    })
  })
})

describe('createThreeWayJsonMergePatch', () => {
  const widget = (spec: object) => ({apiVersion: 'example.com/v1', kind: 'Widget', metadata: {name: 'w'}, spec})

  it('replaces lists, deletes what the manifest dropped and keeps what others set', () => {
    const original = widget({sizes: [1, 2], color: 'red'})
    const modified = widget({sizes: [3]})
    const current = {...widget({sizes: [1, 2], color: 'red', replicas: 4}), status: {phase: 'Ready'}}

    const patch = createThreeWayJsonMergePatch(original, modified, current)

    expect(patch).toEqual({spec: {sizes: [3], color: null}})
    expect(applyMergePatch(current, patch)).toEqual({...widget({sizes: [3], replicas: 4}), status: {phase: 'Ready'}})
  })

  it('returns an empty patch when nothing changed', () => {
    const object = widget({sizes: [1]})
    expect(createThreeWayJsonMergePatch(object, object, {...object, status: {}})).toEqual({})
  })

  it('refuses to change the name, as kubectl apply does', () => {
    const renamed = {...widget({}), metadata: {name: 'other'}}
    expect(() => createThreeWayJsonMergePatch(widget({}), renamed, widget({}))).toThrow(PreconditionFailedError)
    expect(() => createThreeWayJsonMergePatch(widget({}), renamed, widget({}))).toThrow(
      'At least one of apiVersion, kind and name was changed',
    )
  })
})
