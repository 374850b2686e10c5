import {describe, expect, it} from 'vitest'
import {PatchError, patchErrorToStatus} from '../../../../src/resources/patch/errors.js'
import {applyJsonPatch} from '../../../../src/resources/patch/json-patch.js'

const pod = () => ({
  metadata: {name: 'p', labels: {app: 'web', 'a/b': 'x'}},
  spec: {containers: [{name: 'c', image: 'nginx'}]},
})

function failure(run: () => unknown): PatchError {
  try {
    run()
  } catch (error) {
    if (error instanceof PatchError) return error
    throw error
  }
  throw new Error('expected a PatchError')
}

describe('applyJsonPatch', () => {
  it('applies add, replace, remove, move, copy and test operations in order', () => {
    const result = applyJsonPatch(pod(), [
      {op: 'test', path: '/metadata/labels/app', value: 'web'},
      {op: 'replace', path: '/spec/containers/0/image', value: 'nginx:1.27'},
      {op: 'add', path: '/spec/containers/-', value: {name: 'sidecar', image: 'busybox'}},
      {op: 'remove', path: '/metadata/labels/a~1b'},
      {op: 'copy', from: '/metadata/labels/app', path: '/metadata/labels/copy'},
      {op: 'move', from: '/metadata/labels/copy', path: '/metadata/labels/moved'},
      {op: 'add', path: '/spec/containers/0', value: {name: 'first'}},
    ])
    expect(result).toEqual({
      metadata: {name: 'p', labels: {app: 'web', moved: 'web'}},
      spec: {containers: [{name: 'first'}, {name: 'c', image: 'nginx:1.27'}, {name: 'sidecar', image: 'busybox'}]},
    })
  })

  it('does not change the document it is given', () => {
    const document = pod()
    applyJsonPatch(document, [{op: 'remove', path: '/metadata/labels'}])
    expect(document).toEqual(pod())
  })

  it('words a failed operation as json-patch does and answers 422 like the API server', () => {
    const error = failure(() => applyJsonPatch(pod(), [{op: 'remove', path: '/metadata/annotations/x'}]))
    expect(error.message).toBe(
      'remove operation does not apply: doc is missing path: "/metadata/annotations/x": missing value',
    )
    expect(error.errorClass).toBe('Invalid')
    expect(patchErrorToStatus(error).status).toMatchObject({
      code: 422,
      reason: 'Invalid',
      message: 'the server rejected our request due to an error in our request',
    })
  })

  it('reports a failed test, a missing key and a bad index', () => {
    expect(failure(() => applyJsonPatch(pod(), [{op: 'test', path: '/metadata/name', value: 'q'}])).message).toBe(
      'testing value /metadata/name failed: test failed',
    )
    expect(failure(() => applyJsonPatch(pod(), [{op: 'remove', path: '/metadata/nope'}])).message).toBe(
      "error in remove for path: '/metadata/nope': Unable to remove nonexistent key: nope: missing value",
    )
    expect(failure(() => applyJsonPatch(pod(), [{op: 'add', path: '/spec/containers/5', value: {}}])).message).toBe(
      "error in add for path: '/spec/containers/5': Unable to access invalid index: 5: invalid index referenced",
    )
    expect(failure(() => applyJsonPatch(pod(), [{op: 'jump', path: '/x'}])).message).toBe('Unexpected kind: jump')
  })

  it('rejects a patch that is not a list of operations as a bad request', () => {
    const error = failure(() => applyJsonPatch(pod(), {op: 'add'}))
    expect(error.message).toBe('json: cannot unmarshal object into Go value of type jsonpatch.Patch')
    expect(patchErrorToStatus(error).status).toMatchObject({code: 400, reason: 'BadRequest'})
  })
})
