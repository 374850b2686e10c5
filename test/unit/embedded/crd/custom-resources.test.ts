import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import type {ResourceRef} from '../../../../src/backend/refs.js'
import type {EmbeddedBackend} from '../../../../src/embedded/embedded-backend.js'
import {openTempCluster, rejection, type TempCluster} from '../temp-cluster.js'

let cluster: TempCluster
let api: EmbeddedBackend

beforeEach(async () => {
  cluster = await openTempCluster()
  api = cluster.backend
})

afterEach(async () => {
  await cluster.dispose()
})

const crdsRef: ResourceRef = {group: 'apiextensions.k8s.io', version: 'v1', resource: 'customresourcedefinitions'}
const widgetsRef: ResourceRef = {group: 'example.com', version: 'v1', resource: 'widgets', namespace: 'default'}

function widgetDefinition(overrides: {shortNames?: string[]; plural?: string; kind?: string} = {}): KubeObject {
  const plural = overrides.plural ?? 'widgets'
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {name: `${plural}.example.com`},
    spec: {
      group: 'example.com',
      scope: 'Namespaced',
      names: {
        plural,
        kind: overrides.kind ?? 'Widget',
        shortNames: overrides.shortNames ?? ['wd'],
        categories: ['all'],
      },
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          subresources: {
            status: {},
            scale: {specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas'},
          },
          additionalPrinterColumns: [
            {name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas'},
            {name: 'Size', type: 'string', jsonPath: '.spec.size', priority: 1},
            {name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp'},
          ],
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: {
                spec: {
                  type: 'object',
                  required: ['size'],
                  properties: {
                    replicas: {type: 'integer', minimum: 0, default: 1},
                    size: {type: 'string', enum: ['small', 'large']},
                  },
                },
                status: {type: 'object', properties: {replicas: {type: 'integer'}, phase: {type: 'string'}}},
              },
            },
          },
        },
      ],
    },
  }
}

function widget(name: string, spec: Record<string, unknown>, extra: Record<string, unknown> = {}): KubeObject {
  return {apiVersion: 'example.com/v1', kind: 'Widget', metadata: {name, namespace: 'default'}, spec, ...extra}
}

describe('CustomResourceDefinitions on the embedded cluster', () => {
  it('serve their kind at once under the accepted names, with the conditions the API server sets', async () => {
    const created = await api.create(widgetDefinition())
    expect(created['status']).toMatchObject({
      acceptedNames: {
        kind: 'Widget',
        listKind: 'WidgetList',
        plural: 'widgets',
        singular: 'widget',
        shortNames: ['wd'],
      },
      conditions: [
        {type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found'},
        {type: 'Established', status: 'True', reason: 'InitialNamesAccepted'},
      ],
      storedVersions: ['v1'],
    })
    expect((created['spec'] as {conversion?: unknown}).conversion).toEqual({strategy: 'None'})
    const served = (await api.discover()).find((r) => r.group === 'example.com')
    expect(served).toMatchObject({kind: 'Widget', resource: 'widgets', singular: 'widget', shortNames: ['wd']})
    expect(served?.categories).toEqual(['all'])
  })

  it('refuse a definition whose names conflict with another in the group, and do not serve it', async () => {
    await api.create(widgetDefinition())
    const second = await api.create(widgetDefinition({plural: 'gadgets', kind: 'Gadget'}))
    expect((second['status'] as {conditions: unknown[]}).conditions[0]).toMatchObject({
      type: 'NamesAccepted',
      status: 'False',
      reason: 'ShortNamesConflict',
      message: '"wd" is already in use',
    })
    expect((await api.discover()).some((r) => r.resource === 'gadgets')).toBe(false)
  })

  it('reject the common mistakes with the API server wording', async () => {
    const definition = widgetDefinition()
    definition.metadata.name = 'widget.example.com'
    const failure = await rejection(api.create(definition))
    expect(failure.reason).toBe('Invalid')
    expect(failure.message).toContain(
      'metadata.name: Invalid value: "widget.example.com": must be spec.names.plural+"."+spec.group',
    )
    const twoStorage = widgetDefinition()
    const spec = twoStorage['spec'] as {versions: Array<Record<string, unknown>>}
    spec.versions.push({...spec.versions[0], name: 'v2'})
    expect((await rejection(api.create(twoStorage))).message).toMatch(
      /spec\.versions: Invalid value: \[\]apiextensions\.CustomResourceDefinitionVersion\{.*\}: must have exactly one version marked as storage version/,
    )
  })
})

describe('custom resources', () => {
  beforeEach(async () => {
    await api.create(widgetDefinition())
  })

  it('are pruned and defaulted from the schema, and carry a generation', async () => {
    const created = await api.create(widget('w1', {size: 'small', colour: 'red'}))
    expect(created['spec']).toEqual({size: 'small', replicas: 1})
    expect(created.metadata.generation).toBe(1)
  })

  it('are validated against the schema with the API server wording', async () => {
    const failure = await rejection(api.create(widget('w1', {size: 'small', replicas: 'two'})))
    expect(failure.code).toBe(422)
    expect(failure.message).toBe(
      'Widget.example.com "w1" is invalid: spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"',
    )
  })

  it('keep status out of the main resource and spec out of the status subresource', async () => {
    const created = await api.create(widget('w1', {size: 'small'}, {status: {phase: 'Ready'}}))
    expect(created['status']).toBeUndefined()
    const withStatus = await api.update({...created, status: {phase: 'Ready', replicas: 1}}, {subresource: 'status'})
    expect(withStatus['status']).toEqual({phase: 'Ready', replicas: 1})
    expect(withStatus.metadata.generation).toBe(1)
    const resized = await api.update({...withStatus, spec: {size: 'large', replicas: 1}, status: {phase: 'Gone'}})
    expect(resized['status']).toEqual({phase: 'Ready', replicas: 1})
    expect(resized['spec']).toEqual({size: 'large', replicas: 1})
    expect(resized.metadata.generation).toBe(2)
  })

  it('serve the scale subresource from the paths of the definition', async () => {
    await api.create(widget('w1', {size: 'small', replicas: 2}))
    const scale = await api.get({...widgetsRef, subresource: 'scale'}, 'w1')
    expect(scale).toMatchObject({
      apiVersion: 'autoscaling/v1',
      kind: 'Scale',
      spec: {replicas: 2},
      status: {replicas: 0},
    })
    await api.patch({...widgetsRef, subresource: 'scale'}, 'w1', {type: 'merge', body: {spec: {replicas: 4}}})
    const scaled = await api.get(widgetsRef, 'w1')
    expect(scaled['spec']).toEqual({size: 'small', replicas: 4})
    expect(scaled.metadata.generation).toBe(2)
  })

  it('refuse strategic merge patches with the API server 415', async () => {
    await api.create(widget('w1', {size: 'small'}))
    const failure = await rejection(api.patch(widgetsRef, 'w1', {type: 'strategic', body: {spec: {replicas: 3}}}))
    expect(failure.code).toBe(415)
    expect(failure.message).toContain('the body of the request was in an unknown format')
  })

  it('are listed in a Table with the printer columns of the definition', async () => {
    await api.create(widget('w1', {size: 'large', replicas: 3}))
    const table = await api.table(widgetsRef)
    expect(table.columnDefinitions.map((c) => [c.name, c.type, c.priority])).toEqual([
      ['Name', 'string', 0],
      ['Replicas', 'integer', 0],
      ['Size', 'string', 1],
      ['Age', 'date', 0],
    ])
    expect(table.rows[0]?.cells.slice(0, 3)).toEqual(['w1', 3, 'large'])
  })

  it('have no status subresource unless their definition declares one', async () => {
    await api.delete(crdsRef, 'widgets.example.com')
    await api.settle()
    const plain = widgetDefinition()
    const version = (plain['spec'] as {versions: Array<Record<string, unknown>>}).versions[0]
    if (version) delete version['subresources']
    await api.create(plain)
    const created = await api.create(widget('w1', {size: 'small'}, {status: {phase: 'Ready'}}))
    expect(created['status']).toEqual({phase: 'Ready'})
    const failure = await rejection(api.update({...created, status: {phase: 'Gone'}}, {subresource: 'status'}))
    expect(failure).toMatchObject({reason: 'NotFound', message: 'widgets.example.com "w1" not found'})
    expect((await rejection(api.get({...widgetsRef, subresource: 'scale'}, 'w1'))).reason).toBe('NotFound')
  })

  it('are watched like any resource', async () => {
    const list = await api.list(widgetsRef)
    const events = api.watch(widgetsRef, {resourceVersion: list.metadata.resourceVersion})[Symbol.asyncIterator]()
    await api.create(widget('w1', {size: 'small'}))
    const first = await events.next()
    await events.return?.()
    expect(first.value).toMatchObject({type: 'ADDED', object: {kind: 'Widget', metadata: {name: 'w1'}}})
  })

  it('are deleted with their definition, which then stops serving the kind', async () => {
    await api.create(widget('w1', {size: 'small'}))
    await api.create(widget('w2', {size: 'large'}))
    await api.delete(crdsRef, 'widgets.example.com')
    await api.settle()
    expect((await api.discover()).some((r) => r.resource === 'widgets')).toBe(false)
    await api.create(widgetDefinition())
    expect((await api.list(widgetsRef)).items).toEqual([])
  })
})
