import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import type {ResourceInfo} from '../../../../src/backend/refs.js'
import {defaultObject} from '../../../../src/embedded/admission/defaults.js'
import {validateObject} from '../../../../src/embedded/admission/validate.js'
import {BUILTIN_RESOURCES} from '../../../../src/resources/builtin.js'

function info(kind: string): ResourceInfo {
  return BUILTIN_RESOURCES.find((r) => r.group === '' && r.kind === kind) as ResourceInfo
}

function errors(object: KubeObject, old?: KubeObject): string[] {
  const resource = info(object.kind)
  return validateObject(resource, defaultObject(resource, object, old), old).map((c) =>
    c.field ? `${c.field}: ${c.message}` : c.message,
  )
}

describe('Namespace and Node validation', () => {
  it('requires a namespace name to be a DNS label', () => {
    const namespace: KubeObject = {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'team.a'}}
    expect(errors(namespace)).toEqual(['metadata.name: Invalid value: "team.a": must not contain dots'])
  })

  it('checks node taints', () => {
    const node: KubeObject = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {name: 'node-1'},
      spec: {taints: [{key: 'gpu', effect: 'NoRun'}]},
    }
    expect(errors(node)).toEqual([
      'metadata.taints[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ])
  })
})
