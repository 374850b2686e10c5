import {describe, expect, it} from 'vitest'
import {
  NoCompatiblePrinterError,
  parseOutputFormat,
  PrintFlagsError,
  resolvePrinter,
  templateFileToRead,
  templateReadError,
  UnsupportedOutputFormatError,
} from '../../../src/output/print-flags.js'

const get = {humanReadable: true}

describe('parseOutputFormat', () => {
  it('reads the formats of kubectl get', () => {
    expect(parseOutputFormat('', get)).toEqual({type: 'table', wide: false})
    expect(parseOutputFormat('wide', get)).toEqual({type: 'table', wide: true})
    expect(parseOutputFormat('JSON', get)).toEqual({type: 'json'})
    expect(parseOutputFormat('yaml', get)).toEqual({type: 'yaml'})
    expect(parseOutputFormat('Name', get)).toEqual({type: 'name', withOperation: false})
    expect(parseOutputFormat('jsonpath={.metadata.name}', get)).toEqual({
      type: 'jsonpath',
      template: '{.metadata.name}',
      fromFile: false,
      asJson: false,
    })
    expect(parseOutputFormat('jsonpath-as-json={.a}', get)).toEqual({
      type: 'jsonpath',
      template: '{.a}',
      fromFile: false,
      asJson: true,
    })
    expect(parseOutputFormat('jsonpath-file=t.txt', get)).toEqual({
      type: 'jsonpath',
      template: 't.txt',
      fromFile: true,
      asJson: false,
    })
    expect(parseOutputFormat('custom-columns=A:.a', get)).toEqual({
      type: 'custom-columns',
      spec: 'A:.a',
      fromFile: false,
    })
    expect(parseOutputFormat('custom-columns-file=c.txt', get)).toEqual({
      type: 'custom-columns',
      spec: 'c.txt',
      fromFile: true,
    })
  })

  it('gives write commands the name printer with their operation when -o is not set', () => {
    expect(parseOutputFormat('')).toEqual({type: 'name', withOperation: true})
  })

  it('takes the template from --template when the format has none', () => {
    expect(parseOutputFormat('jsonpath', {...get, template: '{.kind}'})).toEqual({
      type: 'jsonpath',
      template: '{.kind}',
      fromFile: false,
      asJson: false,
    })
  })

  // Messages as kubectl v1.32 printed them after "error: ".
  it('lists the formats kubectl get accepts when it matches none', () => {
    expect(() => parseOutputFormat('WIDE', get)).toThrow(
      new NoCompatiblePrinterError('WIDE', [
        'custom-columns',
        'custom-columns-file',
        'go-template',
        'go-template-file',
        'json',
        'jsonpath',
        'jsonpath-as-json',
        'jsonpath-file',
        'name',
        'template',
        'templatefile',
        'wide',
        'yaml',
      ]),
    )
    expect(() => parseOutputFormat('foo', get)).toThrow(
      'unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml',
    )
  })

  it('lists the generic formats for write commands, without wide or custom columns', () => {
    expect(() => parseOutputFormat('custom-columns=A:.a')).toThrow(
      'unable to match a printer suitable for the output format "custom-columns=A:.a", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml',
    )
    expect(() => parseOutputFormat('yml')).toThrow(NoCompatiblePrinterError)
    expect(() => parseOutputFormat('JSONPATH={.kind}')).toThrow(NoCompatiblePrinterError)
  })

  it('rejects a template format without a template in kubectl words', () => {
    expect(() => parseOutputFormat('jsonpath', get)).toThrow(
      new PrintFlagsError('template format specified but no template given'),
    )
    expect(() => parseOutputFormat('jsonpath=', get)).toThrow(
      new PrintFlagsError('template format specified but no template given'),
    )
    expect(() => parseOutputFormat('template')).toThrow(
      new PrintFlagsError('template format specified but no template given'),
    )
    expect(() => parseOutputFormat('custom-columns', get)).toThrow(
      new PrintFlagsError('custom-columns format specified but no custom columns given'),
    )
  })

  it('says that go templates are not supported yet', () => {
    expect(() => parseOutputFormat('go-template={{.kind}}', get)).toThrow(UnsupportedOutputFormatError)
    expect(() => parseOutputFormat('', {template: '{{.kind}}'})).toThrow(UnsupportedOutputFormatError)
  })
})

describe('templateFileToRead', () => {
  it('names the file of the -file formats only', () => {
    expect(templateFileToRead(parseOutputFormat('jsonpath-file=t.txt', get))).toBe('t.txt')
    expect(templateFileToRead(parseOutputFormat('custom-columns-file=c.txt', get))).toBe('c.txt')
    expect(templateFileToRead(parseOutputFormat('jsonpath={.a}', get))).toBeUndefined()
  })

  it('words a file that cannot be read as kubectl does for each format', () => {
    const cause = 'open /nonexistent: no such file or directory'
    expect(templateReadError(parseOutputFormat('jsonpath-file=/nonexistent', get), '/nonexistent', cause).message).toBe(
      'error reading --template /nonexistent, open /nonexistent: no such file or directory',
    )
    expect(
      templateReadError(parseOutputFormat('custom-columns-file=/nonexistent', get), '/nonexistent', cause).message,
    ).toBe('error reading template /nonexistent, open /nonexistent: no such file or directory\n')
  })
})

describe('resolvePrinter', () => {
  it('parses the template, wording a parse error as kubectl does', () => {
    expect(resolvePrinter(parseOutputFormat('jsonpath={.a}', get))).toMatchObject({
      type: 'jsonpath',
      asJson: false,
      allowMissingKeys: true,
    })
    expect(() => resolvePrinter(parseOutputFormat('jsonpath={.metadata.name', get))).toThrow(
      new PrintFlagsError('error parsing jsonpath {.metadata.name, unclosed action'),
    )
  })

  it('uses the file content for the -file formats', () => {
    const printer = resolvePrinter(parseOutputFormat('custom-columns-file=c.txt', get), {
      fileContent: 'NAME\n.metadata.name\n',
    })
    expect(printer).toEqual({
      type: 'custom-columns',
      spec: {columns: [{header: 'NAME', fieldSpec: '{.metadata.name}'}], noHeaders: false},
    })
  })

  it('keeps the operation for the name printer of a write command, not for -o name', () => {
    expect(resolvePrinter(parseOutputFormat(''), {operation: 'created'})).toEqual({type: 'name', operation: 'created'})
    expect(resolvePrinter(parseOutputFormat('name'), {operation: 'created'})).toEqual({type: 'name'})
  })
})
