import {describe, expect, it} from 'vitest'
import type {Table} from '../../../src/backend/table.js'
import {sortObjects, SortByError, sortTableRows, UnsortableError} from '../../../src/output/sort-by.js'
import {kubectlSortOrders, sortablePods} from './sortable-pods.js'

const names = (objects: readonly {metadata: {name?: string}}[]): Array<string | undefined> =>
  objects.map((object) => object.metadata.name)

describe('sortObjects', () => {
  it.each(Object.entries(kubectlSortOrders))(
    'orders sortablePods for %s exactly as kubectl did, ties and missing values included',
    (key, expected) => {
      const [, count = '', field = ''] = /^(\d+)(.*)$/.exec(key) ?? []
      expect(names(sortObjects(sortablePods(Number(count)), field))).toEqual(expected)
    },
  )

  it('accepts the relaxed forms of the field', () => {
    const pods = sortablePods(5)
    expect(names(sortObjects(pods, 'metadata.name'))).toEqual(names(sortObjects(pods, '{.metadata.name}')))
  })

  it('compares strings byte by byte, as kubectl v1.32 does, and quantities by value', () => {
    const pod = (name: string, cpu: string): {metadata: {name: string}; cpu: string} => ({metadata: {name}, cpu})
    expect(
      names(sortObjects([pod('pod-2', '2'), pod('pod-10', '10'), pod('pod-1', '500m')], '.metadata.name')),
    ).toEqual(['pod-1', 'pod-10', 'pod-2'])
    expect(names(sortObjects([pod('a', '2'), pod('b', '10'), pod('c', '500m')], '.cpu'))).toEqual(['c', 'a', 'b'])
  })

  it('rejects a field no object has, in kubectl words', () => {
    expect(() => sortObjects(sortablePods(3), '.foo')).toThrow(
      new SortByError('couldn\'t find any field with path "{.foo}" in the list of objects'),
    )
  })

  it('rejects an expression the relaxed syntax refuses', () => {
    expect(() => sortObjects(sortablePods(3), '{{.x}}')).toThrow(SortByError)
  })

  it('fails on values kubectl cannot order, with the message kubectl exits with', () => {
    expect(() => sortObjects(sortablePods(3), '.metadata.labels')).toThrow(
      new UnsortableError(
        'Field {.metadata.labels} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable type: map[string]interface {}',
      ),
    )
  })

  it('leaves the array it was given in its order', () => {
    const pods = sortablePods(10)
    sortObjects(pods, '.spec.priority')
    expect(names(pods)).toEqual(names(sortablePods(10)))
  })
})

describe('sortTableRows', () => {
  const table = (count: number): Table => ({
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: {},
    columnDefinitions: [{name: 'Name', type: 'string', format: 'name', description: '', priority: 0}],
    rows: sortablePods(count).map((object) => ({cells: [object.metadata.name], object})),
  })

  it('orders rows by their objects as kubectl orders a list', () => {
    const sorted = sortTableRows(table(70), '.status.cpu')
    expect(sorted.rows.map((row) => row.cells[0])).toEqual(kubectlSortOrders['70.status.cpu'])
  })

  it('does not look at a table of one row', () => {
    const one = table(1)
    expect(sortTableRows(one, '.foo')).toBe(one)
  })

  it('words an unsortable field with the type kubectl names for tables', () => {
    expect(() => sortTableRows(table(3), '.metadata')).toThrow(
      'Field {.metadata} in [][][]reflect.Value is an unsortable type: interface, err: unsortable type: map[string]interface {}',
    )
  })
})
