import {describe, expect, it} from 'vitest'
import {compareObjects} from '../../../../src/resources/field-manager/compare.js'
import {FieldSet} from '../../../../src/resources/field-manager/field-set.js'
import {
  decodeManagedFields,
  encodeManagedFields,
  type ManagerEntry,
} from '../../../../src/resources/field-manager/managed-fields.js'
import {toFieldSet} from '../../../../src/resources/field-manager/to-field-set.js'
import {typeNodeOf, UNTYPED} from '../../../../src/resources/field-manager/type-node.js'
import {
  ApplyConflictError,
  recordApply,
  recordUpdate,
  type FieldFilter,
} from '../../../../src/resources/field-manager/updater.js'
import {patchSchemaFor} from '../../../../src/resources/patch/builtin-schema.js'

const DEPLOYMENT = typeNodeOf(patchSchemaFor('apps/v1', 'Deployment'))
const TIME_1 = '2024-01-01T00:00:00Z'
const TIME_2 = '2024-01-01T00:01:00Z'
const NO_FILTER: FieldFilter = (set) => set

function deployment(replicas: number, image = 'nginx:1.27'): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name: 'web', labels: {app: 'web'}},
    spec: {
      replicas,
      selector: {matchLabels: {app: 'web'}},
      template: {
        metadata: {labels: {app: 'web'}},
        spec: {containers: [{name: 'nginx', image, ports: [{containerPort: 80}]}]},
      },
    },
  }
}

const applier = {manager: 'kubectl', operation: 'Apply', apiVersion: 'apps/v1'} as const
const editor = {manager: 'kubectl-edit', operation: 'Update', apiVersion: 'apps/v1'} as const

function apply(entries: ManagerEntry[], live: unknown, next: unknown, force = false, time = TIME_1) {
  return recordApply({
    entries,
    live,
    next,
    node: DEPLOYMENT,
    identity: applier,
    time,
    filter: NO_FILTER,
    force,
  })
}

describe('toFieldSet', () => {
  it('names list items by their merge keys, with the defaulted protocol, and marks items with a dot', () => {
    const set = toFieldSet(deployment(2)['spec'], DEPLOYMENT.field('spec'))
    expect(set.toFieldsV1()).toEqual({
      'f:replicas': {},
      'f:selector': {},
      'f:template': {
        'f:metadata': {'f:labels': {'f:app': {}}},
        'f:spec': {
          'f:containers': {
            'k:{"name":"nginx"}': {
              '.': {},
              'f:image': {},
              'f:name': {},
              'f:ports': {'k:{"containerPort":80,"protocol":"TCP"}': {'.': {}, 'f:containerPort': {}}},
            },
          },
        },
      },
    })
  })

  it('keeps lists of custom resources atomic and names set items by value', () => {
    expect(toFieldSet({spec: {items: [1, 2]}}, UNTYPED).toFieldsV1()).toEqual({'f:spec': {'f:items': {}}})
    const meta = typeNodeOf(patchSchemaFor('v1', 'ConfigMap')).field('metadata')
    expect(toFieldSet({finalizers: ['a/b']}, meta).toFieldsV1()).toEqual({'f:finalizers': {'v:"a/b"': {}}})
  })

  it('reads back the FieldsV1 it writes', () => {
    const set = toFieldSet(deployment(2), DEPLOYMENT)
    expect(FieldSet.fromFieldsV1(set.toFieldsV1()).equals(set)).toBe(true)
  })
})

describe('compareObjects', () => {
  it('marks a map or list that appears as added itself, but not one that was null or present', () => {
    const {added, modified} = compareObjects(
      {metadata: {}, spec: {template: {spec: {containers: null}}}},
      {metadata: {labels: {app: 'web'}}, spec: {template: {spec: {containers: [{name: 'a', image: 'x'}]}}}},
      DEPLOYMENT,
    )
    expect(modified.isEmpty()).toBe(true)
    expect(added.toFieldsV1()).toEqual({
      'f:metadata': {'f:labels': {'.': {}, 'f:app': {}}},
      'f:spec': {
        'f:template': {'f:spec': {'f:containers': {'k:{"name":"a"}': {'.': {}, 'f:image': {}, 'f:name': {}}}}},
      },
    })
  })
})

describe('recordUpdate', () => {
  it('gives the writer what it changed and takes it from the others', () => {
    // Given kubectl applied replicas 2
    const {entries} = apply([], {}, deployment(2))
    // When kubectl-edit sets replicas 5
    const after = recordUpdate({
      entries,
      live: deployment(2),
      next: deployment(5),
      node: DEPLOYMENT,
      identity: editor,
      time: TIME_2,
      filter: NO_FILTER,
    })
    // Then the editor owns spec.replicas and the applier no longer does
    const byName = new Map(after.map((entry) => [entry.manager, entry]))
    expect(byName.get('kubectl-edit')?.fields.toFieldsV1()).toEqual({'f:spec': {'f:replicas': {}}})
    expect(byName.get('kubectl')?.fields.has(['f:spec', 'f:replicas'])).toBe(false)
  })

  it('records nothing for a write that changes nothing', () => {
    const after = recordUpdate({
      entries: [],
      live: deployment(2),
      next: deployment(2),
      node: DEPLOYMENT,
      identity: editor,
      time: TIME_2,
      filter: NO_FILTER,
    })
    expect(after).toEqual([])
  })
})

describe('recordApply', () => {
  const edited = (): ManagerEntry[] =>
    recordUpdate({
      entries: apply([], {}, deployment(2)).entries,
      live: deployment(2),
      next: deployment(5),
      node: DEPLOYMENT,
      identity: editor,
      time: TIME_2,
      filter: NO_FILTER,
    })

  it('fails on a field another manager owns with a different value, in the API server words', () => {
    expect(() => apply(edited(), deployment(5), deployment(2))).toThrow(ApplyConflictError)
    expect(() => apply(edited(), deployment(5), deployment(2))).toThrow(
      'Apply failed with 1 conflict: conflict with "kubectl-edit" using apps/v1: .spec.replicas',
    )
  })

  it('lists several conflicts by manager', () => {
    const entries = recordUpdate({
      entries: edited(),
      live: deployment(5),
      next: deployment(5, 'nginx:1.28'),
      node: DEPLOYMENT,
      identity: {...editor, manager: 'kubectl-set'},
      time: TIME_2,
      filter: NO_FILTER,
    })
    expect(() => apply(entries, deployment(5, 'nginx:1.28'), deployment(2))).toThrow(
      'Apply failed with 2 conflicts: conflicts with "kubectl-edit" using apps/v1:\n- .spec.replicas\n' +
        'conflicts with "kubectl-set" using apps/v1:\n- .spec.template.spec.containers[name="nginx"].image',
    )
  })

  it('takes the field over when forced, and shares it when the value is the same', () => {
    const forced = apply(edited(), deployment(5), deployment(2), true)
    expect((forced.object as {spec: {replicas: number}}).spec.replicas).toBe(2)
    expect(forced.entries.map((e) => e.manager)).toEqual(['kubectl'])
    const shared = apply(edited(), deployment(5), deployment(5))
    expect(shared.changed).toBe(false)
    expect(shared.entries.every((e) => e.fields.has(['f:spec', 'f:replicas']))).toBe(true)
  })

  it('removes a field the applier no longer applies, unless another manager owns it', () => {
    const first = apply([], {}, deployment(2))
    const withoutLabels = deployment(2)
    delete (withoutLabels['metadata'] as {labels?: unknown}).labels
    const second = apply(first.entries, first.object, withoutLabels, false, TIME_2)
    expect((second.object as {metadata: Record<string, unknown>}).metadata['labels']).toBeUndefined()
    const entry = second.entries.find((e) => e.manager === 'kubectl')
    expect(entry?.time).toBe(TIME_2)
    // another owner's label keeps the map, and only the applier's label goes
    const edited = {...(first.object as object), metadata: {name: 'web', labels: {app: 'web', tier: 'x'}}}
    const owned = recordUpdate({
      entries: first.entries,
      live: first.object,
      next: edited,
      node: DEPLOYMENT,
      identity: editor,
      time: TIME_2,
      filter: NO_FILTER,
    })
    const kept = apply(owned, edited, withoutLabels, false, TIME_2)
    expect((kept.object as {metadata: {labels: unknown}}).metadata.labels).toEqual({tier: 'x'})
  })

  it('keeps the time of an apply that changes nothing', () => {
    const first = apply([], {}, deployment(2))
    const again = apply(first.entries, first.object, deployment(2), false, TIME_2)
    expect(again.changed).toBe(false)
    expect(again.entries[0]?.time).toBe(TIME_1)
  })
})

describe('managedFields encoding', () => {
  it('sorts Apply before Update and reads back what it writes', () => {
    const entries = edited()
    const encoded = encodeManagedFields(entries)
    expect(encoded.map((e) => [e.manager, e.operation])).toEqual([
      ['kubectl', 'Apply'],
      ['kubectl-edit', 'Update'],
    ])
    expect(encodeManagedFields(decodeManagedFields(encoded))).toEqual(encoded)
  })

  function edited(): ManagerEntry[] {
    return recordUpdate({
      entries: apply([], {}, deployment(2)).entries,
      live: deployment(2),
      next: deployment(5),
      node: DEPLOYMENT,
      identity: editor,
      time: TIME_2,
      filter: NO_FILTER,
    })
  }
})
