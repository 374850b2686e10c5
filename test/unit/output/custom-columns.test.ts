import {describe, expect, it} from 'vitest'
import {
  CustomColumnsError,
  CustomColumnsPrinter,
  CustomColumnsSpecError,
  parseCustomColumns,
  parseCustomColumnsFile,
  printCustomColumns,
} from '../../../src/output/custom-columns.js'
import {asList} from '../../../src/output/list.js'
import {podTable} from './tables.js'

const pods = asList(podTable.rows.map((row) => row.object).filter((object) => object?.metadata.namespace === 'default'))

describe('parseCustomColumns', () => {
  it('reads header:path pairs and completes relaxed paths', () => {
    expect(parseCustomColumns('NAME:.metadata.name,IMAGE:spec.containers[*].image').columns).toEqual([
      {header: 'NAME', fieldSpec: '{.metadata.name}'},
      {header: 'IMAGE', fieldSpec: '{.spec.containers[*].image}'},
    ])
  })

  it.each([
    ['', 'custom-columns format specified but no custom columns given'],
    ['NAME', 'unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>'],
    ['A:.a,B', 'unexpected custom-columns spec: B, expected <header>:<json-path-expr>'],
    [
      'A:{.a',
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    ],
  ])('rejects %j as kubectl does', (spec, message) => {
    expect(() => parseCustomColumns(spec)).toThrow(new CustomColumnsSpecError(message))
  })
})

describe('parseCustomColumnsFile', () => {
  it('reads a header line and a spec line separated by white space', () => {
    expect(parseCustomColumnsFile('NAME   NODE\n{.metadata.name}  spec.nodeName\n')).toEqual({
      columns: [
        {header: 'NAME', fieldSpec: '{.metadata.name}'},
        {header: 'NODE', fieldSpec: '{.spec.nodeName}'},
      ],
      noHeaders: false,
    })
  })

  it('rejects missing lines and mismatched counts as kubectl does', () => {
    const format = 'Expected format is one line of space separated headers, one line of space separated column specs.'
    expect(() => parseCustomColumnsFile('')).toThrow(`invalid template, missing header line. ${format}`)
    expect(() => parseCustomColumnsFile('NAME\n')).toThrow(`invalid template, missing spec line. ${format}`)
    expect(() => parseCustomColumnsFile('A B\n.a\n')).toThrow(
      "number of headers (2) and field specifications (1) don't match",
    )
  })
})

describe('printCustomColumns', () => {
  it('prints Go values, <nil> for nulls, and lists joined by commas, as kubectl v1.32 printed them', () => {
    const spec = parseCustomColumns(
      'NAME:.metadata.name,IP:.status.podIP,LBL:.metadata.labels,C:.spec.containers[*].name,X:.spec.containers',
    )
    expect(printCustomColumns(spec, pods)).toBe(
      'NAME                  IP           LBL                                        C     X\n' +
        'web-7d4b9c8f5-abcde   10.244.0.5   map[app:web pod-template-hash:7d4b9c8f5]   c     [map[image:nginx name:c]]\n' +
        'db-0                  <nil>        map[]                                      c     [map[image:nginx name:c]]\n',
    )
  })

  it('prints <none> for a column that finds nothing, and no header line with --no-headers', () => {
    expect(printCustomColumns(parseCustomColumns('A:.metadata.name,B:..x', {noHeaders: true}), pods)).toBe(
      'web-7d4b9c8f5-abcde   <none>\ndb-0                  <none>\n',
    )
  })

  it('keeps the header it already wrote when a column fails, as kubectl prints it before the error', () => {
    const print = (): string => printCustomColumns(parseCustomColumns('A:x y'), pods)
    expect(print).toThrow(CustomColumnsError)
    try {
      print()
    } catch (error) {
      expect(error).toMatchObject({message: 'unrecognized identifier y', output: 'A\n'})
    }
  })

  it('prints the header once across the events of a watch', () => {
    const printer = new CustomColumnsPrinter(parseCustomColumns('NAME:.metadata.name'))
    expect(printer.print({metadata: {name: 'a'}})).toBe('NAME\na\n')
    expect(printer.print({metadata: {name: 'b'}})).toBe('b\n')
  })
})
