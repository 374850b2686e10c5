import {describe, expect, it} from 'vitest'
import {apiVersionOf, type ResourceInfo} from '../../../../src/backend/refs.js'
import {describeObject} from '../../../../src/kubectl/describe/describe-object.js'
import {smartLabelFor, splitCamelCase} from '../../../../src/kubectl/describe/generic.js'
import {BUILTIN_RESOURCES} from '../../../../src/resources/builtin.js'
import {MemoryBackend} from './memory-backend.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

const WIDGETS: ResourceInfo = {
  group: 'example.com',
  version: 'v1',
  kind: 'Widget',
  resource: 'widgets',
  singular: 'widget',
  shortNames: [],
  namespaced: true,
  verbs: ['get', 'list'],
  categories: [],
}

describe('splitCamelCase', () => {
  it.each([
    ['lowercase', ['lowercase']],
    ['MyClass', ['My', 'Class']],
    ['PDFLoader', ['PDF', 'Loader']],
    ['apiURL', ['api', 'URL']],
    ['GL11Version', ['GL', '11', 'Version']],
  ])('splits %s as fatih/camelcase does', (word, parts) => {
    expect(splitCamelCase(word)).toEqual(parts)
  })
})

describe('smartLabelFor', () => {
  it.each([
    ['apiVersion', 'API Version'],
    ['creationTimestamp', 'Creation Timestamp'],
    ['uid', 'UID'],
    ['apiURL', 'API URL'],
    ['x-forwarded', 'X - Forwarded'],
    ['dotted.key', 'dotted.key'],
    ['replicas2', 'replicas2'],
  ])('labels the field %s as %s', (field, label) => {
    expect(smartLabelFor(field)).toBe(label)
  })
})

describe('describeObject for kinds without a describer', () => {
  it('prints the fields of a custom resource as an indented tree, then its events', async () => {
    // Given a custom resource and an event about it
    const widget = {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: {
        name: 'w1',
        namespace: 'default',
        uid: 'w-uid',
        creationTimestamp: '2024-06-01T11:00:00Z',
        generation: 1,
        resourceVersion: '42',
        labels: {app: 'shop'},
        managedFields: [{manager: 'kubectl'}],
      },
      spec: {
        size: 3,
        colorName: 'blue',
        enabled: true,
        ratio: 0.5,
        tags: ['a', 'b'],
        items: [{name: 'x', weight: 1}],
        nested: {leaf: null},
      },
      status: {phase: 'Ready'},
    }
    const event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {name: 'w1.1', namespace: 'default'},
      involvedObject: {kind: 'Widget', namespace: 'default', name: 'w1', uid: 'w-uid'},
      reason: 'Synced',
      message: 'ok',
      source: {component: 'widget-controller'},
      firstTimestamp: '2024-06-01T11:30:00Z',
      lastTimestamp: '2024-06-01T11:30:00Z',
      count: 1,
      type: 'Normal',
    }
    const backend = new MemoryBackend([widget, event])

    // When it is described
    const output = await describeObject(backend, WIDGETS, widget, {now: NOW})

    // Then kubectl's generic layout comes out
    expect(output).toBe(
      [
        'Name:         w1',
        'Namespace:    default',
        'Labels:       app=shop',
        'Annotations:  <none>',
        'API Version:  example.com/v1',
        'Kind:         Widget',
        'Metadata:',
        '  Creation Timestamp:  2024-06-01T11:00:00Z',
        '  Generation:          1',
        '  Resource Version:    42',
        '  UID:                 w-uid',
        'Spec:',
        '  Color Name:  blue',
        '  Enabled:     true',
        '  Items:',
        '    Name:    x',
        '    Weight:  1',
        '  Nested:',
        '    Leaf:  <nil>',
        '  Ratio:   0.5',
        '  Size:    3',
        '  Tags:',
        '    a',
        '    b',
        'Status:',
        '  Phase:  Ready',
        'Events:',
        '  Type    Reason  Age   From               Message',
        '  ----    ------  ----  ----               -------',
        '  Normal  Synced  30m   widget-controller  ok',
        '',
      ].join('\n'),
    )
  })
})

describe('describeObject on bare objects', () => {
  it.each(BUILTIN_RESOURCES.map((info) => [info.kind, info] as const))(
    'describes a %s that has nothing but a name',
    async (_kind, info) => {
      // Given an object as sparse as the API allows, in an empty cluster
      const object = {
        apiVersion: apiVersionOf(info),
        kind: info.kind,
        metadata: {name: 'bare', ...(info.namespaced ? {namespace: 'default'} : {})},
      }

      // When it is described
      const output = await describeObject(new MemoryBackend([object]), info, object, {now: NOW})

      // Then kubectl's first line comes out
      expect(output.startsWith('Name:')).toBe(true)
    },
  )
})
