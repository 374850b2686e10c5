import type {ExplainRender} from './plaintext.js'
import type {Model} from './openapi-v2-models.js'

/*
 * `kubectl explain --output=plaintext-openapiv2`: the explain layout from before OpenAPI v3
 * (kubectl/pkg/explain/{model_printer,fields_printer,recursive_fields_printer,formatter,typename,field_lookup}.go,
 * v1.32), over kube-openapi models of the /openapi/v2 document.
 */

// Formatter{Wrap: 80}; fields at 3, their descriptions at 5, the DESCRIPTION text at 5, sub-fields 3 deeper
const WRAP = 80
const FIELD_INDENT = 3
const FIELD_DESCRIPTION_INDENT = 2
const DESCRIPTION_INDENT = 5
const RECURSIVE_INDENT = 3
const BULLET = /^(\d+\.?|-|\*)\s/

class Formatter {
  constructor(
    private readonly out: string[],
    readonly level = 0,
  ) {}

  indent(by: number): Formatter {
    return new Formatter(this.out, this.level + by)
  }

  write(text: string): void {
    this.out.push(text === '' ? '\n' : `${' '.repeat(this.level)}${text}\n`)
  }

  writeWrapped(text: string): void {
    for (const line of wrapLines(text, WRAP - this.level)) this.write(line)
  }
}

// formatter.go wrapString: words joined up to the width; code blocks, empty lines, lists and `:`-ended lines kept
function wrapLines(text: string, width: number): string[] {
  const wrapped: string[] = []
  let words: string[] = []
  let lastWord = ''
  const flush = (): void => {
    if (words.length === 0) return
    lastWord = ''
    wrapped.push(words.join(' '))
    words = []
  }
  const startsNewLine = (line: string): boolean => {
    if (lastWord.endsWith(':') || line.startsWith('    ')) return true
    const trimmed = line.trim()
    return trimmed === '' || BULLET.test(trimmed)
  }
  for (const line of text.split('\n')) {
    if (line.startsWith('    ')) {
      flush()
      wrapped.push(line)
      continue
    }
    if (wrapped.length > 0 && line.trim() === '') {
      flush()
      wrapped.push('')
      continue
    }
    if (startsNewLine(line)) flush()
    for (const word of line.split(/\s+/).filter((w) => w !== '')) {
      lastWord = word
      // a line takes a word while it fits in bytes, as len() counts; an empty line takes any word
      const candidate = [...words, word].join(' ')
      // after such a break the last word is forgotten, as line.Add's caller forgets it
      if (words.length > 0 && Buffer.byteLength(candidate) > width) flush()
      words.push(word)
    }
  }
  flush()
  return wrapped
}

/** typename.go: the type a model is shown as (`Object`, `[]string`, `map[string]string`). */
function typeName(model: Model): string {
  switch (model.type) {
    case 'array':
      return `[]${typeName(model.items)}`
    case 'kind':
      return 'Object'
    case 'map':
      return `map[string]${typeName(model.values)}`
    case 'primitive':
      return model.primitive
    case 'reference': {
      const target = model.resolve()
      return target ? typeName(target) : ''
    }
    case 'arbitrary':
      return ''
  }
}

function printFields(model: Model, writer: Formatter, recursive: boolean, visited: Set<string>): void {
  switch (model.type) {
    case 'array':
      printFields(model.items, writer, recursive, visited)
      return
    case 'map':
      printFields(model.values, writer, recursive, visited)
      return
    case 'reference': {
      const target = model.resolve()
      if (!target) return
      if (!recursive) {
        printFields(target, writer, recursive, visited)
        return
      }
      // recursive_fields_printer.go stops at a reference it is already inside
      if (visited.has(model.name)) return
      visited.add(model.name)
      printFields(target, writer, recursive, visited)
      visited.delete(model.name)
      return
    }
    case 'kind':
      for (const key of Object.keys(model.fields).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
        const field = model.fields[key]
        if (!field) continue
        if (recursive) {
          writer.write(`${key}\t<${typeName(field)}>`)
          printFields(field, writer.indent(RECURSIVE_INDENT), recursive, visited)
          continue
        }
        const required = model.required.includes(key) ? ' -required-' : ''
        writer.write(`${key}\t<${typeName(field)}>${required}`)
        writer.indent(FIELD_DESCRIPTION_INDENT).writeWrapped(field.description)
        writer.write('')
      }
      return
    default:
      return
  }
}

// field_lookup.go: follows the path; a primitive ends the walk even with path left
function lookupField(model: Model, path: readonly string[]): Model {
  if (model.type === 'primitive' || model.type === 'arbitrary') return model
  if (path.length === 0) return model
  switch (model.type) {
    case 'array':
      return lookupField(model.items, path)
    case 'map':
      return lookupField(model.values, path)
    case 'reference': {
      const target = model.resolve()
      if (!target) throw new Error(`field "${path[0] ?? ''}" does not exist`)
      return lookupField(target, path)
    }
    case 'kind': {
      const [first = '', ...rest] = path
      const field = model.fields[first]
      if (!field) throw new Error(`field "${first}" does not exist`)
      return lookupField(field, rest)
    }
  }
}

/** A group/version/kind as explain heads its output with. */
interface ExplainedKind {
  group: string
  version: string
  kind: string
}

/** Renders the older explain for a kind's model and a field path. */
export function renderPlaintextOpenApiV2(
  root: Model,
  gvk: ExplainedKind,
  fieldPath: readonly string[],
  options: {recursive: boolean},
): ExplainRender {
  let model: Model
  try {
    model = lookupField(root, fieldPath)
  } catch (error) {
    return {text: '', error: `error: ${(error as Error).message}`}
  }
  const out: string[] = []
  const writer = new Formatter(out)
  const name = fieldPath[fieldPath.length - 1] ?? ''
  const descriptions: string[] = []
  let type = ''
  const header = (): void => {
    writer.write(`KIND:     ${gvk.kind}`)
    writer.write(`VERSION:  ${gvk.group === '' ? gvk.version : `${gvk.group}/${gvk.version}`}\n`)
  }
  const description = (last: string): void => {
    writer.write('DESCRIPTION:')
    let empty = true
    for (const [index, text] of [...descriptions, last].entries()) {
      if (text === '') continue
      empty = false
      if (index !== 0) writer.write('')
      writer.indent(DESCRIPTION_INDENT).writeWrapped(text)
    }
    if (empty) writer.indent(DESCRIPTION_INDENT).writeWrapped('<empty>')
  }
  // model_printer.go's visitor: arrays, maps and references gather descriptions on the way to what they hold
  let current: Model | undefined = model
  while (current) {
    const visiting: Model = current
    current = undefined
    switch (visiting.type) {
      case 'array':
      case 'map':
        descriptions.push(visiting.description)
        if (type === '') type = typeName(visiting)
        current = visiting.type === 'array' ? visiting.items : visiting.values
        break
      case 'reference':
        descriptions.push(visiting.description)
        current = visiting.resolve()
        break
      case 'kind':
        header()
        if (type === '') type = typeName(visiting)
        if (name !== '') writer.write(`RESOURCE: ${name} <${type}>\n`)
        description(visiting.description)
        writer.write('\nFIELDS:')
        printFields(visiting, writer.indent(FIELD_INDENT), options.recursive, new Set())
        break
      case 'primitive':
        header()
        if (type === '') type = typeName(visiting)
        writer.write(`FIELD:    ${name} <${type}>\n`)
        description(visiting.description)
        break
      case 'arbitrary':
        header()
        description(visiting.description)
        break
    }
  }
  return {text: out.join('')}
}
