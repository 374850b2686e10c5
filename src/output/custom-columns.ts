/**
 * `-o custom-columns=NAME:.metadata.name,...` and `-o custom-columns-file=FILE` (kubectl get
 * customcolumn.go, v1.32): one JSONPath per column, several values joined by commas, `<none>` when
 * a column finds nothing, values printed as Go's %v prints them (`map[k:v]`, `[a b]`, `<nil>`).
 */
import {isJsonObject} from '../backend/object.js'
import {goSprint} from '../resources/go-format.js'
import {findJsonPathResults} from './jsonpath/execute.js'
import {JsonPathExecuteError, JsonPathParseError} from './jsonpath/errors.js'
import {parseJsonPath} from './jsonpath/parser.js'
import {relaxedJsonPathExpression} from './jsonpath/relaxed.js'
import {escapeTerminal} from './table.js'
import {TabWriter} from './tabwriter.js'

/** One user-defined column. */
export interface CustomColumn {
  header: string
  /** a complete JSONPath template, `{.metadata.name}` */
  fieldSpec: string
}

/** A parsed custom-columns specification and whether it prints headers. */
export interface CustomColumnsSpec {
  columns: CustomColumn[]
  /** --no-headers; a columns file always prints its header line */
  noHeaders: boolean
}

const NONE = '<none>'
const TEMPLATE_FORMAT =
  'Expected format is one line of space separated headers, one line of space separated column specs.'

/** An invalid custom-columns specification, worded as kubectl words it. */
export class CustomColumnsSpecError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CustomColumnsSpecError'
  }
}

/** A failure while printing, with the text kubectl had already written (the header) before failing. */
export class CustomColumnsError extends Error {
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message)
    this.name = 'CustomColumnsError'
  }
}

/** Parses `NAME:.metadata.name,IMAGE:.spec.containers[*].image` (NewCustomColumnsPrinterFromSpec). */
export function parseCustomColumns(spec: string, options: {noHeaders?: boolean} = {}): CustomColumnsSpec {
  if (spec.length === 0) throw new CustomColumnsSpecError('custom-columns format specified but no custom columns given')
  const columns = spec.split(',').map((part) => {
    const separator = part.indexOf(':')
    if (separator < 0) {
      throw new CustomColumnsSpecError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`)
    }
    return {header: part.slice(0, separator), fieldSpec: relaxed(part.slice(separator + 1))}
  })
  return {columns, noHeaders: options.noHeaders === true}
}

/** Parses a custom-columns file: a line of headers and a line of field specs, whitespace separated. */
export function parseCustomColumnsFile(content: string): CustomColumnsSpec {
  // bufio.Scanner lines: a final newline ends the last line rather than starting an empty one
  const lines = content.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  const [headerLine, specLine] = lines.map((line) => line.replace(/\r$/, ''))
  if (headerLine === undefined)
    throw new CustomColumnsSpecError(`invalid template, missing header line. ${TEMPLATE_FORMAT}`)
  if (specLine === undefined)
    throw new CustomColumnsSpecError(`invalid template, missing spec line. ${TEMPLATE_FORMAT}`)
  const headers = words(headerLine)
  const specs = words(specLine)
  if (headers.length !== specs.length) {
    throw new CustomColumnsSpecError(
      `number of headers (${headers.length}) and field specifications (${specs.length}) don't match`,
    )
  }
  // NewCustomColumnsPrinterFromTemplate ignores --no-headers
  return {columns: headers.map((header, index) => ({header, fieldSpec: relaxed(specs[index] ?? '')})), noHeaders: false}
}

/**
 * kubectl's CustomColumnsPrinter: prints the header once, then a row per object (per item of a
 * list), aligned by one tabwriter; reuse it across the events of `get -w`.
 */
export class CustomColumnsPrinter {
  private readonly writer = new TabWriter()
  private printedHeader = false

  constructor(private readonly spec: CustomColumnsSpec) {}

  /** Writes the rows for an object or list; throws CustomColumnsError with the text written so far. */
  write(object: unknown): void {
    if (!this.spec.noHeaders && !this.printedHeader) {
      this.writer.write(`${this.spec.columns.map((column) => column.header).join('\t')}\n`)
      this.printedHeader = true
    }
    try {
      const templates = this.spec.columns.map((column) => parseJsonPath(column.fieldSpec))
      const items = isJsonObject(object) && Array.isArray(object['items']) ? object['items'] : [object]
      for (const item of items) {
        const cells = templates.map((template) =>
          columnText(findJsonPathResults(template, item, {allowMissingKeys: true})),
        )
        this.writer.write(`${cells.join('\t')}\n`)
      }
    } catch (error) {
      if (error instanceof JsonPathParseError || error instanceof JsonPathExecuteError) {
        throw new CustomColumnsError(error.message, this.writer.flush())
      }
      throw error
    }
  }

  /** The aligned text written since the last flush. */
  flush(): string {
    return this.writer.flush()
  }

  /** write then flush. */
  print(object: unknown): string {
    this.write(object)
    return this.flush()
  }
}

/** Prints an object (or every item of a list) with custom columns, as `kubectl get -o custom-columns` does. */
export function printCustomColumns(spec: CustomColumnsSpec, object: unknown): string {
  return new CustomColumnsPrinter(spec).print(object)
}

function columnText(results: unknown[][]): string {
  const values = (results[0]?.length ?? 0) === 0 ? [NONE] : []
  for (const group of results) for (const value of group) values.push(escapeTerminal(goSprint(value)))
  return values.join(',')
}

function relaxed(expression: string): string {
  try {
    return relaxedJsonPathExpression(expression)
  } catch (error) {
    if (error instanceof JsonPathParseError) throw new CustomColumnsSpecError(error.message)
    throw error
  }
}

// bufio.ScanWords: fields separated by Unicode white space.
function words(line: string): string[] {
  return line.split(/\s+/u).filter((word) => word.length > 0)
}
