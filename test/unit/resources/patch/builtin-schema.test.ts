import {describe, expect, it} from 'vitest'
import {patchSchemaFor} from '../../../../src/resources/patch/builtin-schema.js'
import type {PatchSchema} from '../../../../src/resources/patch/schema.js'

/** Follows a path of fields through a schema and returns the last field's metadata. */
function metaAt(schema: PatchSchema | undefined, path: string[]) {
  if (schema === undefined) throw new Error('no schema')
  let current = schema
  let meta = {}
  for (const field of path) {
    const found = current.lookup(field)
    current = found.schema
    meta = found.meta
  }
  return meta
}

describe('patchSchemaFor', () => {
  it('merges pod containers by name wherever a pod template appears', () => {
    const containers = {strategy: 'merge', mergeKey: 'name'}
    expect(metaAt(patchSchemaFor('v1', 'Pod'), ['spec', 'containers'])).toMatchObject(containers)
    expect(
      metaAt(patchSchemaFor('apps/v1', 'StatefulSet'), ['spec', 'template', 'spec', 'initContainers']),
    ).toMatchObject(containers)
    expect(
      metaAt(patchSchemaFor('batch/v1', 'CronJob'), ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers']),
    ).toMatchObject(containers)
  })

  it('knows the merge keys of container and service lists', () => {
    const container = ['spec', 'template', 'spec', 'containers']
    const deployment = patchSchemaFor('apps/v1', 'Deployment')
    expect(metaAt(deployment, [...container, 'ports'])).toMatchObject({mergeKey: 'containerPort'})
    expect(metaAt(deployment, [...container, 'env'])).toMatchObject({mergeKey: 'name'})
    expect(metaAt(deployment, [...container, 'volumeMounts'])).toMatchObject({mergeKey: 'mountPath'})
    expect(metaAt(deployment, ['spec', 'template', 'spec', 'volumes'])).toMatchObject({
      mergeKey: 'name',
      retainKeys: true,
    })
    expect(metaAt(deployment, ['spec', 'strategy'])).toMatchObject({retainKeys: true})
    expect(metaAt(patchSchemaFor('v1', 'Service'), ['spec', 'ports'])).toMatchObject({mergeKey: 'port'})
    expect(metaAt(patchSchemaFor('v1', 'ConfigMap'), ['metadata', 'finalizers'])).toEqual({strategy: 'merge'})
    expect(metaAt(patchSchemaFor('v1', 'Node'), ['status', 'conditions'])).toMatchObject({mergeKey: 'type'})
  })

  it('gives fields without tags no metadata, so their lists are replaced', () => {
    expect(metaAt(patchSchemaFor('v1', 'Pod'), ['spec', 'tolerations'])).toEqual({})
    expect(metaAt(patchSchemaFor('v1', 'Pod'), ['spec', 'containers', 'args'])).toEqual({})
  })

  it('has no schema for custom resources, which take JSON merge patches', () => {
    expect(patchSchemaFor('example.com/v1', 'Widget')).toBeUndefined()
    expect(patchSchemaFor('v1', 'constructor')).toBeUndefined()
    expect(patchSchemaFor('apiextensions.k8s.io/v1', 'CustomResourceDefinition')).toBeDefined()
  })
})
