import {describe, expect, it} from 'vitest'
import {evaluateFieldPath, parseFieldPath} from '../../../../src/resources/columns/field-path.js'

const object = {
  metadata: {name: 'db', labels: {'app.kubernetes.io/name': 'postgres'}},
  spec: {
    replicas: 3,
    containers: [
      {name: 'pg', image: 'postgres:16'},
      {name: 'exporter', image: 'exporter:1'},
    ],
  },
  status: {
    conditions: [
      {type: 'Progressing', status: 'True', observedGeneration: 1},
      {type: 'Ready', status: 'False', reason: 'Scaling', observedGeneration: 2},
    ],
  },
}

function find(path: string): unknown[] {
  const parsed = parseFieldPath(path)
  if (!parsed) throw new Error(`cannot parse ${path}`)
  return evaluateFieldPath(parsed, object)
}

describe('field paths', () => {
  it('follows fields and indexes', () => {
    expect(find('.spec.replicas')).toEqual([3])
    expect(find('.spec.containers[1].image')).toEqual(['exporter:1'])
    expect(find('.spec.containers[-1].name')).toEqual(['exporter'])
  })

  it('reaches nothing for missing keys and indexes out of range', () => {
    expect(find('.spec.paused')).toEqual([])
    expect(find('.spec.containers[5].name')).toEqual([])
    expect(find('.spec.replicas.value')).toEqual([])
  })

  it('expands wildcards and slices', () => {
    expect(find('.spec.containers[*].name')).toEqual(['pg', 'exporter'])
    expect(find('.status.conditions[-1:].type')).toEqual(['Ready'])
    expect(find('.spec.containers[0:1].image')).toEqual(['postgres:16'])
  })

  it('reads keys with dots in brackets or escaped', () => {
    expect(find(".metadata.labels['app.kubernetes.io/name']")).toEqual(['postgres'])
    expect(find('.metadata.labels.app\\.kubernetes\\.io/name')).toEqual(['postgres'])
  })

  it('filters list items by comparing a field', () => {
    expect(find('.status.conditions[?(@.type=="Ready")].status')).toEqual(['False'])
    expect(find(".status.conditions[?(@.type == 'Ready')].reason")).toEqual(['Scaling'])
    expect(find('.status.conditions[?(@.observedGeneration>1)].type')).toEqual(['Ready'])
    expect(find('.status.conditions[?(@.reason)].type')).toEqual(['Ready'])
    expect(find('.status.conditions[?(@.type!="Ready")].type')).toEqual(['Progressing'])
  })

  it('refuses paths outside the supported subset', () => {
    expect(parseFieldPath('spec.replicas')).toBeUndefined()
    expect(parseFieldPath('.spec[')).toBeUndefined()
    expect(parseFieldPath('.status.conditions[?(@.type=="Ready"]')).toBeUndefined()
  })
})
