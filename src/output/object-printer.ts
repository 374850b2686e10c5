/**
 * The printers of whole objects behind one interface, each remembering what kubectl's printer
 * remembers between calls: YAML writes `---` before every object after the first, custom columns
 * print their header once. Create one per command run (or per `get -w`) and call print per object.
 */
import {isJsonObject} from '../backend/object.js'
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
    case 'json': {
      const shown = managedFieldsView(printer.showManagedFields)
      return {print: (object) => printJson(shown(object))}
    }
    case 'yaml': {
      const shown = managedFieldsView(printer.showManagedFields)
      let printed = 0
      return {
        print: (object) => {
          printed += 1
          return (printed > 1 ? YAML_SEPARATOR : '') + printYaml(shown(object))
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

// printers.OmitManagedFieldsPrinter (cli-runtime, v1.32): json and yaml leave metadata.managedFields out of
// every object, and of a List's items, unless --show-managed-fields
function managedFieldsView(show: boolean): (object: unknown) => unknown {
  return show ? (object) => object : omitManagedFields
}

function omitManagedFields(object: unknown): unknown {
  if (!isJsonObject(object)) return object
  const items = object['items']
  const withItems = Array.isArray(items) ? {...object, items: items.map(omitManagedFields)} : object
  const metadata = withItems['metadata']
  if (!isJsonObject(metadata) || !('managedFields' in metadata)) return withItems
  const {managedFields: _managedFields, ...rest} = metadata
  return {...withItems, metadata: rest}
}
