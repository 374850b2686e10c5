import {describe, expect, it} from 'vitest'
import {createObjectPrinter} from '../../../src/output/object-printer.js'
import {parseOutputFormat, resolvePrinter} from '../../../src/output/print-flags.js'

const printerFor = (output: string, operation?: string): ReturnType<typeof createObjectPrinter> => {
  const printer = resolvePrinter(parseOutputFormat(output), {operation})
  if (printer.type === 'table') throw new Error('not an object printer')
  return createObjectPrinter(printer)
}
const one = {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'one'}}
const two = {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'two'}}

describe('createObjectPrinter', () => {
  it('separates YAML documents with --- after the first, as kubectl create -f does', () => {
    const printer = printerFor('yaml')
    expect(printer.print(one) + printer.print(two)).toBe(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: two\n',
    )
  })

  it('prints the success message of a write command', () => {
    const printer = printerFor('', 'created (dry run)')
    expect(printer.print(one) + printer.print(two)).toBe(
      'configmap/one created (dry run)\nconfigmap/two created (dry run)\n',
    )
  })

  it('prints each object with a jsonpath template, nothing between them', () => {
    const printer = printerFor('jsonpath={.metadata.name}')
    expect(printer.print(one) + printer.print(two)).toBe('onetwo')
  })

  it('prints JSON objects one after the other', () => {
    expect(printerFor('json').print(one)).toBe(
      '{\n    "apiVersion": "v1",\n    "kind": "ConfigMap",\n    "metadata": {\n        "name": "one"\n    }\n}\n',
    )
  })
})
