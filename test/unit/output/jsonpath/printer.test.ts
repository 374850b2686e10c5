import {describe, expect, it} from 'vitest'
import {parseJsonPath} from '../../../../src/output/jsonpath/parser.js'
import {JsonPathPrintError, printJsonPath} from '../../../../src/output/jsonpath/printer.js'
import {configMap} from '../objects.js'

describe('printJsonPath', () => {
  it('prints a missing field as nothing, kubectl -o jsonpath allowing missing keys', () => {
    expect(printJsonPath(parseJsonPath('{.metadata.name}|{.metadata.missing}|'), configMap)).toBe('x||')
  })

  it('prints jsonpath-as-json output as indented arrays', () => {
    expect(printJsonPath(parseJsonPath('{.data}'), configMap, {asJson: true})).toBe(
      '[\n    {\n        "k": "v"\n    }\n]\n',
    )
  })

  it("words a failure as kubectl does, with the template quoted and the object dumped as Go's %#v", () => {
    // Given the error text kubectl v1.32 printed for this template and object (after "error: ")
    const expected =
      'error executing jsonpath "{.data[0]}": Error executing template: map[string]interface {} is not array or slice. ' +
      'Printing more information for debugging the template:\n' +
      '\ttemplate was:\n\t\t{.data[0]}\n' +
      '\tobject given to jsonpath engine was:\n' +
      '\t\tmap[string]interface {}{"apiVersion":"v1", "data":map[string]interface {}{"k":"v"}, ' +
      '"extra":map[string]interface {}{"f":1.5e+20, "list":[]interface {}{1, 2.5, "s", true, interface {}(nil), ' +
      'map[string]interface {}{"a":2, "z":1}}, "num":10000000, "small":1e-06}, "kind":"ConfigMap", ' +
      '"metadata":map[string]interface {}{"labels":map[string]interface {}{"a":"1", "b":"2"}, "name":"x", "namespace":"ns1"}}\n\n\n'
    // When the template fails on the object
    const print = (): string => printJsonPath(parseJsonPath('{.data[0]}'), configMap)
    // Then the message is kubectl's, word for word
    expect(print).toThrow(JsonPathPrintError)
    expect(print).toThrow(expected)
  })

  it('quotes a template with escapes as Go %q does', () => {
    expect(() => printJsonPath(parseJsonPath('{"\\n"}{end}'), {})).toThrow(
      /^error executing jsonpath "\{\\"\\\\n\\"\}\{end\}": /,
    )
  })
})
