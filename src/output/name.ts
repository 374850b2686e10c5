/**
 * `-o name` and the success messages of write commands (cli-runtime printers/name.go, v1.32):
 * `deployment.apps/web`, or `deployment.apps/web created` with an operation. The type comes from
 * the object's own apiVersion and kind; every item of a list gets its line.
 */
import {isJsonObject} from '../backend/object.js'
import {parseApiVersion} from '../backend/refs.js'
import {kindPrefix} from '../resources/registry.js'

/** Options of printName. */
export interface NamePrintOptions {
  /** `created`, `configured`, `unchanged`, `deleted`, `created (dry run)`...; left out by `-o name` */
  operation?: string
  /** `namespace/type/name`, `<unknown>` when the object has no namespace */
  withNamespace?: boolean
}

const UNKNOWN = '<unknown>'

/** An object the name printer cannot name, worded as kubectl words it. */
export class NamePrintError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'NamePrintError'
  }
}

/** `type/name` lines for an object or for each item of a list, with the operation when given. */
export function printName(object: unknown, options: NamePrintOptions = {}): string {
  if (isJsonObject(object) && Array.isArray(object['items'])) {
    return object['items'].map((item) => printName(item, options)).join('')
  }
  const fields = isJsonObject(object) ? object : {}
  const apiVersion = typeof fields['apiVersion'] === 'string' ? fields['apiVersion'] : ''
  const kind = typeof fields['kind'] === 'string' ? fields['kind'] : ''
  const metadata = isJsonObject(fields['metadata']) ? fields['metadata'] : {}
  const name = typeof metadata['name'] === 'string' && metadata['name'] !== '' ? metadata['name'] : UNKNOWN
  if (apiVersion === '' && kind === '') {
    throw new NamePrintError(
      'missing apiVersion or kind; try GetObjectKind().SetGroupVersionKind() if you know the type',
    )
  }
  if (kind === '') throw new NamePrintError(`missing kind for resource with name ${name}`)

  const operation = options.operation !== undefined && options.operation !== '' ? ` ${options.operation}` : ''
  let line = `${kindPrefix({group: parseApiVersion(apiVersion).group, kind})}/${name}${operation}`
  if (options.withNamespace === true) {
    const namespace =
      typeof metadata['namespace'] === 'string' && metadata['namespace'] !== '' ? metadata['namespace'] : UNKNOWN
    line = `${namespace}/${line}`
  }
  return `${line}\n`
}
