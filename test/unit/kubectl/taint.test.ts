import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../src/backend/object.js'
import {parseTaints, reorganizeTaints, splitTaintArgs} from '../../../src/kubectl/taint.js'

const node = (taints: unknown[] = []): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {name: 'w1'},
  spec: {taints},
})

describe('parseTaints', () => {
  it('reads taints to add and to remove', () => {
    const {resources, specs} = splitTaintArgs(['nodes', 'w1', 'dedicated=gpu:NoSchedule', 'old:NoExecute-', 'gone-'])
    expect(resources).toEqual(['nodes', 'w1'])
    expect(parseTaints(specs)).toEqual({
      add: [{key: 'dedicated', value: 'gpu', effect: 'NoSchedule'}],
      remove: [{key: 'old', effect: 'NoExecute'}, {key: 'gone'}],
    })
  })

  it("refuses an unknown effect with kubectl's words", () => {
    expect(() => parseTaints(['a=b:Sometimes'])).toThrow('invalid taint effect: Sometimes, unsupported taint effect')
  })
})

describe('reorganizeTaints', () => {
  it('adds a taint: tainted', () => {
    const result = reorganizeTaints(node(), {
      add: [{key: 'k', value: 'v', effect: 'NoSchedule'}],
      remove: [],
      overwrite: false,
    })
    expect(result).toEqual({taints: [{key: 'k', value: 'v', effect: 'NoSchedule'}], operation: 'tainted'})
  })

  it('removes a taint by key: untainted', () => {
    const result = reorganizeTaints(
      node([
        {key: 'k', effect: 'NoSchedule'},
        {key: 'x', effect: 'NoExecute'},
      ]),
      {
        add: [],
        remove: [{key: 'k'}],
        overwrite: false,
      },
    )
    expect(result).toEqual({taints: [{key: 'x', effect: 'NoExecute'}], operation: 'untainted'})
  })

  it('refuses to overwrite a taint with the same key and effect without --overwrite', () => {
    expect(() =>
      reorganizeTaints(node([{key: 'k', value: 'a', effect: 'NoSchedule'}]), {
        add: [{key: 'k', value: 'b', effect: 'NoSchedule'}],
        remove: [],
        overwrite: false,
      }),
    ).toThrow('node w1 already has k taint(s) with same effect(s) and --overwrite is false')
  })

  it('overwrites with --overwrite: modified', () => {
    const result = reorganizeTaints(node([{key: 'k', value: 'a', effect: 'NoSchedule'}]), {
      add: [{key: 'k', value: 'b', effect: 'NoSchedule'}],
      remove: [],
      overwrite: true,
    })
    expect(result).toEqual({taints: [{key: 'k', value: 'b', effect: 'NoSchedule'}], operation: 'modified'})
  })

  it('reports a taint to remove that is not there', () => {
    expect(() =>
      reorganizeTaints(node(), {add: [], remove: [{key: 'k', effect: 'NoSchedule'}], overwrite: false}),
    ).toThrow('taint "k:NoSchedule" not found')
  })
})
