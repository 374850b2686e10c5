/**
 * The `-o` flag (kubectl get_flags.go and cli-runtime genericclioptions print_flags.go and its
 * json_yaml, name, jsonpath, go-template and custom-columns flags, v1.32): which printer a value
 * asks for, and kubectl's errors for the ones it does not know. Reading a template file is the
 * caller's job (templateFileToRead says which); this module does no I/O.
 */
import {goQuote} from '../resources/go-format.js'
import type {CustomColumnsSpec} from './custom-columns.js'
import {parseCustomColumns, parseCustomColumnsFile} from './custom-columns.js'
import {JsonPathParseError} from './jsonpath/errors.js'
import type {JsonPathTemplate} from './jsonpath/nodes.js'
import {parseJsonPath} from './jsonpath/parser.js'

/** What `-o` asks for, before any template is read or parsed. */
export type OutputFormat =
  | {readonly type: 'table'; readonly wide: boolean}
  | {readonly type: 'json'}
  | {readonly type: 'yaml'}
  /** `-o name` prints `type/name`; no -o on a write command adds the operation (`created`) */
  | {readonly type: 'name'; readonly withOperation: boolean}
  /** jsonpath, jsonpath-as-json and jsonpath-file: the template, or the file holding it */
  | {readonly type: 'jsonpath'; readonly template: string; readonly fromFile: boolean; readonly asJson: boolean}
  /** custom-columns and custom-columns-file: the spec, or the file holding it */
  | {readonly type: 'custom-columns'; readonly spec: string; readonly fromFile: boolean}

/** Options of parseOutputFormat. */
export interface OutputFormatOptions {
  /** kubectl get's printers: the table (`''`, wide) and custom columns besides the generic ones */
  humanReadable?: boolean
  /** the --template flag's value, used by the template and custom-columns formats */
  template?: string
}

// Generic PrintFlags (create, apply, ...) and get's PrintFlags, as NoCompatiblePrinterError lists them.
const GENERIC_FORMATS = [
  'json',
  'yaml',
  'name',
  'go-template',
  'go-template-file',
  'template',
  'templatefile',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
]
const HUMAN_READABLE_FORMATS = [...GENERIC_FORMATS, 'custom-columns', 'custom-columns-file', 'wide']
const JSONPATH_FORMATS = ['jsonpath', 'jsonpath-file', 'jsonpath-as-json']
const GO_TEMPLATE_FORMATS = ['template', 'go-template', 'go-template-file', 'templatefile']
const CUSTOM_COLUMNS_FORMATS = ['custom-columns', 'custom-columns-file']

/** kubectl's NoCompatiblePrinterError: `unable to match a printer suitable for the output format "x", allowed formats are: ...`. */
export class NoCompatiblePrinterError extends Error {
  constructor(
    readonly outputFormat: string,
    allowedFormats: readonly string[],
  ) {
    super(
      `unable to match a printer suitable for the output format ${goQuote(outputFormat)}, allowed formats are: ${[...allowedFormats].sort().join(',')}`,
    )
    this.name = 'NoCompatiblePrinterError'
  }
}

/** An -o value kubectl accepts but its arguments are wrong (no template, a template that does not parse). */
export class PrintFlagsError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PrintFlagsError'
  }
}

/** -o go-template and friends: kubectl has them, skiff does not yet. */
export class UnsupportedOutputFormatError extends Error {
  constructor(readonly outputFormat: string) {
    super(
      `the ${outputFormat} output format is not supported by skiff yet; use -o jsonpath or -o custom-columns instead`,
    )
    this.name = 'UnsupportedOutputFormatError'
  }
}

/** Reads an -o value as kubectl's PrintFlags.ToPrinter does; throws kubectl's errors. */
export function parseOutputFormat(output: string, options: OutputFormatOptions = {}): OutputFormat {
  const humanReadable = options.humanReadable === true
  const templateArgument = options.template ?? ''
  // get.go and print_flags.go: a --template without -o means go-template
  const format = templateArgument !== '' && output === '' ? 'go-template' : output

  const template = templateFormat(format, templateArgument)
  if (template) return template
  const lower = format.toLowerCase()
  if (lower === 'json' || lower === 'yaml') return {type: lower}
  if (humanReadable && (format === '' || format === 'wide')) return {type: 'table', wide: format === 'wide'}
  if (humanReadable) {
    const columns = customColumnsFormat(format, templateArgument)
    if (columns) return columns
  }
  if (lower === 'name' || lower === '') return {type: 'name', withOperation: lower === ''}
  throw new NoCompatiblePrinterError(output, humanReadable ? HUMAN_READABLE_FORMATS : GENERIC_FORMATS)
}

/** The template file the format names (-o jsonpath-file=, custom-columns-file=), for the caller to read. */
export function templateFileToRead(format: OutputFormat): string | undefined {
  if (format.type === 'jsonpath' && format.fromFile) return format.template
  if (format.type === 'custom-columns' && format.fromFile) return format.spec
  return undefined
}

/** kubectl's error for a template file it could not read; cause is the system's words ("open x: no such file or directory"). */
export function templateReadError(format: OutputFormat, path: string, cause: string): PrintFlagsError {
  return format.type === 'custom-columns'
    ? new PrintFlagsError(`error reading template ${path}, ${cause}\n`)
    : new PrintFlagsError(`error reading --template ${path}, ${cause}`)
}

/** A printer ready to use: templates parsed, file contents applied. */
export type ResolvedPrinter =
  | {readonly type: 'table'; readonly wide: boolean}
  /** showManagedFields: --show-managed-fields; otherwise metadata.managedFields is left out, as kubectl does */
  | {readonly type: 'json' | 'yaml'; readonly showManagedFields: boolean}
  | {readonly type: 'name'; readonly operation?: string}
  | {
      readonly type: 'jsonpath'
      readonly template: JsonPathTemplate
      readonly asJson: boolean
      readonly allowMissingKeys: boolean
    }
  | {readonly type: 'custom-columns'; readonly spec: CustomColumnsSpec}

/** Options of resolvePrinter. */
export interface ResolvePrinterOptions {
  /** the content of templateFileToRead's file */
  fileContent?: string
  /** --no-headers (custom columns; the table takes it in its own options) */
  noHeaders?: boolean
  /** the operation of a write command (`created`), printed when -o was not given */
  operation?: string
  /** --allow-missing-template-keys (default true) */
  allowMissingKeys?: boolean
  /** --show-managed-fields (json and yaml) */
  showManagedFields?: boolean
}

/** Parses the format's template or spec (ToPrinter's second half); throws kubectl's parse errors. */
export function resolvePrinter(format: OutputFormat, options: ResolvePrinterOptions = {}): ResolvedPrinter {
  switch (format.type) {
    case 'table':
      return format
    case 'json':
    case 'yaml':
      return {type: format.type, showManagedFields: options.showManagedFields === true}
    case 'name':
      return format.withOperation && options.operation !== undefined
        ? {type: 'name', operation: options.operation}
        : {type: 'name'}
    case 'jsonpath': {
      const text = format.fromFile ? (options.fileContent ?? '') : format.template
      try {
        return {
          type: 'jsonpath',
          template: parseJsonPath(text),
          asJson: format.asJson,
          allowMissingKeys: options.allowMissingKeys ?? true,
        }
      } catch (error) {
        if (error instanceof JsonPathParseError)
          throw new PrintFlagsError(`error parsing jsonpath ${text}, ${error.message}`)
        throw error
      }
    }
    case 'custom-columns':
      return {
        type: 'custom-columns',
        spec: format.fromFile
          ? parseCustomColumnsFile(options.fileContent ?? '')
          : parseCustomColumns(format.spec, {noHeaders: options.noHeaders === true}),
      }
  }
}

// KubeTemplatePrintFlags: jsonpath formats first, then go-template formats.
function templateFormat(format: string, templateArgument: string): OutputFormat | undefined {
  if (templateArgument === '' && format === '') return undefined
  for (const known of [JSONPATH_FORMATS, GO_TEMPLATE_FORMATS]) {
    const [name, value] = splitFormat(format, templateArgument, known)
    if (!known.includes(name)) continue
    if (value === '') throw new PrintFlagsError('template format specified but no template given')
    if (known === GO_TEMPLATE_FORMATS) throw new UnsupportedOutputFormatError(name)
    return {type: 'jsonpath', template: value, fromFile: name === 'jsonpath-file', asJson: name === 'jsonpath-as-json'}
  }
  return undefined
}

function customColumnsFormat(format: string, templateArgument: string): OutputFormat | undefined {
  if (format === '') return undefined
  const [name, value] = splitFormat(format, templateArgument, CUSTOM_COLUMNS_FORMATS)
  if (!CUSTOM_COLUMNS_FORMATS.includes(name)) return undefined
  if (value === '') throw new PrintFlagsError('custom-columns format specified but no custom columns given')
  return {type: 'custom-columns', spec: value, fromFile: name === 'custom-columns-file'}
}

// `jsonpath={.x}` is the format jsonpath with the value {.x}; a --template value wins over the prefix form.
function splitFormat(format: string, templateArgument: string, known: readonly string[]): [string, string] {
  if (templateArgument !== '') return [format, templateArgument]
  for (const name of known) {
    if (format.startsWith(`${name}=`)) return [name, format.slice(name.length + 1)]
  }
  return [format, '']
}
