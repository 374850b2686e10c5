/**
 * The printers of whole objects behind one interface, each remembering what kubectl's printer
 * remembers between calls: YAML writes `---` before every object after the first, custom columns
 * print their header once. Create one per command run (or per `get -w`) and call print per object.
 */
import {CustomColumnsPrinter} from './custom-columns.js'
import {printJson} from './json.js'
import {printJsonPath} from './jsonpath/printer.js'
import {printName} from './name.js'
import type {ResolvedPrinter} from './print-flags.js'
import {printYaml} from './yaml.js'

/** Prints one object (or List) at a time. */
export interface ObjectPrinter {
  print(object: unknown): string
}

// printers.YAMLPrinter: every object after the first starts a new document.
const YAML_SEPARATOR = '---\n'

/** The printer for every format but the table (which prints the server's Table with table.ts). */
export function createObjectPrinter(printer: Exclude<ResolvedPrinter, {type: 'table'}>): ObjectPrinter {
  switch (printer.type) {
    case 'json':
      return {print: (object) => printJson(object)}
    case 'yaml': {
      let printed = 0
      return {
        print: (object) => {
          printed += 1
          return (printed > 1 ? YAML_SEPARATOR : '') + printYaml(object)
        },
      }
    }
    case 'name':
      return {print: (object) => printName(object, {operation: printer.operation})}
    case 'jsonpath':
      return {
        print: (object) =>
          printJsonPath(printer.template, object, {asJson: printer.asJson, allowMissingKeys: printer.allowMissingKeys}),
      }
    case 'custom-columns': {
      const columns = new CustomColumnsPrinter(printer.spec)
      return {print: (object) => columns.print(object)}
    }
  }
}
