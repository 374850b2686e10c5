// Turns the text of one -f source into objects, as kubectl's StreamVisitor, unstructured decoder and
// FlattenListVisitor do (k8s.io/cli-runtime/pkg/resource visitor.go, v1.32): JSON stream or YAML documents,
// empty documents skipped, the apiVersion/kind check of --validate, decode checks, List expansion.
import type {KubeObject} from '../backend/object.js'
import {isJsonObject} from '../backend/object.js'
import {goJsonType, marshalGoJson} from '../resources/go-json.js'
import {scanJsonStream} from './json-stream.js'
import {ManifestError} from './manifest.js'
import type {ManifestEntry, ManifestSource} from './manifest.js'
import {metadataDecodeError} from './metadata-check.js'
import {splitYamlDocuments} from './yaml-stream.js'
import {YamlConversionError, convertYamlDocument} from './yaml-value.js'
import {aggregateMessage} from '../resources/aggregate-message.js'
import {createLineCounter} from './line-at.js'

/** How to read a source. */
export interface DecodeOptions {
  /** kubectl's --validate (true unless --validate=false): check apiVersion and kind before decoding */
  readonly validate: boolean
}

// kubectl: StreamVisitor sniffs this many bytes for a leading '{' (NewYAMLOrJSONDecoder(r, 4096))
const JSON_SNIFF_BYTES = 4096
const STOP_VALIDATE_MESSAGE = 'if you choose to ignore these errors, turn validation off with --validate=false'
// unicode.IsSpace, which decides what may precede a JSON stream's '{'
const GO_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/

interface RawDocument {
  value: unknown
  /** the document as Go's RawExtension holds it, quoted by 'Kind is missing' errors; written only for them */
  raw: () => string
  documentIndex: number
  line: number
  itemLines: readonly number[]
}

function isJsonStream(text: string): boolean {
  const head = text.slice(0, JSON_SNIFF_BYTES)
  return head.slice(GO_SPACE.exec(head)?.[0].length ?? 0).startsWith('{')
}

// A document that ends the source, as kubectl's stream visitor returns on parse and validation errors.
class StopError {
  constructor(readonly error: ManifestError) {}
}

type Part = RawDocument | StopError

function* readJson(text: string, file: string): Generator<Part> {
  const lineOf = createLineCounter(text)
  let documentIndex = 0
  for (const part of scanJsonStream(text)) {
    if (part.kind === 'error') {
      const options = {file, document: documentIndex, line: lineOf(part.index)}
      yield new StopError(new ManifestError(`error parsing ${file}: ${part.message}`, options))
      return
    }
    const raw = text.slice(part.start, part.end)
    yield {
      value: JSON.parse(raw),
      raw: () => raw.trim(),
      documentIndex: documentIndex++,
      line: lineOf(part.start),
      itemLines: part.itemStarts.map(lineOf),
    }
  }
}

function* readYaml(text: string, file: string): Generator<Part> {
  let documentIndex = 0
  for (const chunk of splitYamlDocuments(text)) {
    if ('error' in chunk) {
      const options = {file, document: documentIndex, line: chunk.line}
      yield new StopError(new ManifestError(`error parsing ${file}: ${chunk.error}`, options))
      return
    }
    const document = documentIndex++
    let converted
    try {
      converted = convertYamlDocument(chunk.text)
    } catch (error) {
      if (!(error instanceof YamlConversionError)) throw error
      const message = `error parsing ${file}: error converting YAML to JSON: ${error.message}`
      const line = chunk.startLine + (error.line ?? 1) - 1
      yield new StopError(new ManifestError(message, {file, document, line}))
      return
    }
    const lineInChunk = createLineCounter(chunk.text)
    const lineOf = (offset: number): number => chunk.startLine + lineInChunk(offset) - 1
    const {value} = converted
    yield {
      value,
      raw: () => marshalGoJson(value),
      documentIndex: document,
      line: lineOf(converted.offset ?? 0),
      itemLines: converted.itemOffsets.map(lineOf),
    }
  }
}

/** apimachinery's ParseGroupVersion: the version part, or undefined when the string has several '/'. */
function versionOf(apiVersion: string): string | undefined {
  if (apiVersion === '' || apiVersion === '/') return ''
  const parts = apiVersion.split('/')
  if (parts.length > 2) return undefined
  return parts.at(-1)
}

// kubectl's validation getObjectKind: what --validate refuses before anything is sent.
function kindErrors(value: unknown): string[] {
  if (!isJsonObject(value)) return ['invalid object to validate']
  const errors: string[] = []
  const apiVersion = value['apiVersion']
  if (apiVersion === undefined || apiVersion === null) errors.push('apiVersion not set')
  else if (typeof apiVersion !== 'string') errors.push("apiVersion isn't string type")
  else if (versionOf(apiVersion) === undefined) errors.push(`unexpected GroupVersion string: ${apiVersion}`)
  const kind = value['kind']
  if (kind === undefined || kind === null) errors.push('kind not set')
  else if (typeof kind !== 'string') errors.push("kind isn't string type")
  return errors
}

// A v1 List is validated client-side item by item (schema validation's validateList).
function validationErrors(value: unknown): string[] {
  const errors = kindErrors(value)
  if (errors.length > 0 || !isJsonObject(value) || value['apiVersion'] !== 'v1' || value['kind'] !== 'List')
    return errors
  const items = value['items']
  if (!Array.isArray(items)) return ['invalid object to validate']
  return items.flatMap(kindErrors)
}

const stringOr = (value: unknown): string => (typeof value === 'string' ? value : '')

// The unstructured decoder: objects only, a list's items must be objects, and a kind is required.
function decodeError(document: RawDocument): string | undefined {
  const {value} = document
  if (!isJsonObject(value))
    return `json: cannot unmarshal ${goJsonType(value)} into Go value of type unstructured.detector`
  const items = value['items']
  if (items !== undefined && items !== null) {
    if (!Array.isArray(items))
      return `json: cannot unmarshal ${goJsonType(items)} into Go struct field decodeList.items of type []json.RawMessage`
    const bad = items.find((item) => item !== null && !isJsonObject(item))
    if (bad !== undefined)
      return `json: cannot unmarshal ${goJsonType(bad)} into Go value of type map[string]interface {}`
  }
  if (stringOr(value['kind']) === '') return `Object 'Kind' is missing in '${document.raw()}'`
  return metadataDecodeError(value)
}

function asObject(value: Record<string, unknown>): KubeObject {
  const object = value as KubeObject
  // every KubeObject has metadata; a manifest may leave it out
  if (!isJsonObject(object.metadata)) object.metadata = {}
  return object
}

// FlattenListVisitor: a list's items in order; an item with neither kind nor apiVersion takes them from the list.
function flatten(list: Record<string, unknown>, document: RawDocument, file: string): ManifestEntry[] {
  const items = (list['items'] as unknown[]).map((item) => (isJsonObject(item) ? item : {}))
  const source = (itemIndex: number): ManifestSource => ({
    file,
    documentIndex: document.documentIndex,
    line: document.itemLines[itemIndex] ?? document.line,
    itemIndex,
  })
  if (items.some((item) => Array.isArray(item['items']))) {
    const message = '*unstructured.Unstructured is not a list: no Items field in this object'
    const options = {file, document: document.documentIndex, line: document.line}
    return [{error: new ManifestError(message, options), source: source(0)}]
  }
  const listKind = stringOr(list['kind'])
  return items.map((item, i): ManifestEntry => {
    if (stringOr(item['kind']) === '' && stringOr(item['apiVersion']) === '') {
      item['kind'] = listKind.endsWith('List') ? listKind.slice(0, -'List'.length) : listKind
      item['apiVersion'] = list['apiVersion']
    }
    const missing =
      stringOr(item['kind']) === ''
        ? "Object 'Kind' is missing in 'object has no kind field '"
        : (versionOf(stringOr(item['apiVersion'])) ?? '') === ''
          ? "Object 'apiVersion' is missing in 'object has no apiVersion field'"
          : undefined
    if (missing === undefined) return {object: asObject(item), source: source(i)}
    const message = `unable to get type info from the object "*unstructured.Unstructured": ${missing}`
    const field = missing.includes('Kind') ? 'kind' : 'apiVersion'
    const error = new ManifestError(message, {file, document: document.documentIndex, line: source(i).line, field})
    return {error, source: source(i)}
  })
}

// kubectl's --validate refuses a document before decoding it, and its stream visitor stops there.
function validationFailure(document: RawDocument, file: string): StopError | undefined {
  const errors = validationErrors(document.value)
  if (errors.length === 0) return undefined
  const field = errors.find((e) => e.startsWith('apiVersion') || e.startsWith('kind'))?.split(' ')[0]
  const message = `error validating "${file}": error validating data: ${aggregateMessage(errors)}; ${STOP_VALIDATE_MESSAGE}`
  const options = {file, document: document.documentIndex, line: document.line, ...(field === undefined ? {} : {field})}
  return new StopError(new ManifestError(message, options))
}

function entriesFor(document: RawDocument, file: string): ManifestEntry[] {
  const source: ManifestSource = {file, documentIndex: document.documentIndex, line: document.line}
  const decodeMessage = decodeError(document)
  if (decodeMessage !== undefined) {
    const options = {file, document: document.documentIndex, line: document.line}
    return [{error: new ManifestError(`unable to decode "${file}": ${decodeMessage}`, options), source}]
  }
  const value = document.value as Record<string, unknown>
  if (Array.isArray(value['items'])) return flatten(value, document, file)
  return [{object: asObject(value), source}]
}

/**
 * Reads the objects of one source's text, in order, with an entry per broken document in its place; a
 * document that does not parse, or fails --validate, is the last entry, as kubectl reads no further.
 * `file` is the name kubectl shows: the -f value, the path inside a directory, 'STDIN', or the URL.
 */
export function decodeManifest(text: string, file: string, options: DecodeOptions): ManifestEntry[] {
  return Array.from(decodeEntries(text, file, options))
}

function* decodeEntries(text: string, file: string, options: DecodeOptions): Generator<ManifestEntry> {
  const parts = isJsonStream(text) ? readJson(text, file) : readYaml(text, file)
  for (const part of parts) {
    // empty documents and `null` are skipped before anything looks at them
    if (!(part instanceof StopError) && (part.value === null || part.value === undefined)) continue
    const stop = part instanceof StopError ? part : options.validate ? validationFailure(part, file) : undefined
    if (stop !== undefined) {
      const {error} = stop
      yield {error, source: {file, documentIndex: error.document ?? 0, line: error.line ?? 0}}
      return
    }
    if (!(part instanceof StopError)) yield* entriesFor(part, file)
  }
}
