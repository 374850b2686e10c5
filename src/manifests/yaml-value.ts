// Converts one YAML document to a JSON value as sigs.k8s.io/yaml's YAMLToJSON does for kubectl (go-yaml v2
// resolution, merge keys, map keys made strings), keeping where the document and its `items` start.
import {Alias, isAlias, isMap, isScalar, isSeq, parseAllDocuments} from 'yaml'
import type {Document, Node} from 'yaml'
import {formatGoYamlError, toGoYamlError} from './yaml-errors.js'
import {NonFiniteFloat, TagMismatchError, formatFloat32, resolveScalar} from './yaml-resolve.js'

/** A converted document: its JSON value and the offsets (in the document text) of it and of its items. */
export interface YamlDocumentValue {
  readonly value: unknown
  /** offset of the document's content; undefined for an empty document */
  readonly offset: number | undefined
  /** offsets of the entries of a top-level `items` sequence */
  readonly itemOffsets: readonly number[]
}

/** Why a document does not convert: kubectl's words after `error converting YAML to JSON: `. */
export class YamlConversionError extends Error {
  constructor(
    message: string,
    /** 1-based line within the document, when one is known */
    readonly line: number | undefined,
  ) {
    super(message)
  }
}

// go-yaml refuses documents that expand aliases without bound (billion laughs)
const MAX_CONVERTED_NODES = 1_000_000

// go-yaml's reader: only printable characters, tab, line breaks and NEL.
const NOT_ALLOWED = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u

function shortTag(tag: string | undefined): string {
  if (tag === undefined) return ''
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag
}

/** Go's %+#v for the values an unsupported map key error shows. */
function goRepr(value: unknown): string {
  if (value === null || value === undefined) return '<nil>'
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return Array.isArray(value) ? '[]interface {}{...}' : 'map[string]interface {}{...}'
}

class Converter {
  private converted = 0
  constructor(private readonly document: Document) {}

  value(node: Node | null | undefined): unknown {
    if (++this.converted > MAX_CONVERTED_NODES)
      throw new YamlConversionError('yaml: document contains excessive aliasing', undefined)
    if (node === null || node === undefined) return null
    if (isAlias(node)) return this.value(this.resolveAlias(node))
    if (isScalar(node)) return this.scalar(node.tag, node.type, String(node.value ?? ''))
    if (isSeq(node)) return node.items.map((item) => this.value(item as Node | null))
    if (isMap(node)) return this.map(node.items)
    return null
  }

  private resolveAlias(alias: Alias): Node {
    const target = alias.resolve(this.document)
    if (target === undefined)
      throw new YamlConversionError(`yaml: unknown anchor '${alias.source}' referenced`, undefined)
    return target
  }

  private scalar(tag: string | undefined, type: string | undefined, text: string): unknown {
    const short = shortTag(tag)
    if (short === '!!binary') {
      const compact = text.replace(/[\r\n]/g, '')
      if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact))
        throw new YamlConversionError('yaml: !!binary value contains invalid base64 data', undefined)
      return Buffer.from(compact, 'base64').toString('utf8')
    }
    // quoted and block scalars without a tag are strings
    if (short === '' && type !== 'PLAIN') return text
    return this.resolve(short, text).value
  }

  private isMergeKey(key: unknown): boolean {
    return isScalar(key) && key.type === 'PLAIN' && key.tag === undefined && key.value === '<<'
  }

  private map(pairs: readonly {key: unknown; value: unknown}[]): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    for (const pair of pairs) {
      const valueNode = pair.value as Node | null
      if (this.isMergeKey(pair.key)) {
        this.merge(valueNode, out)
        continue
      }
      const value = this.value(valueNode)
      out[this.keyString(pair.key as Node | null, value)] = value
    }
    return out
  }

  // go-yaml applies merged maps in place, in order; a sequence is applied last entry first
  private merge(node: Node | null, out: Record<string, unknown>): void {
    const wantMap = (): never => {
      throw new YamlConversionError('yaml: map merge requires map or sequence of maps as the value', undefined)
    }
    const target = node !== null && isAlias(node) ? this.resolveAlias(node) : node
    const sources = isSeq(target) ? [...target.items].reverse() : [target]
    if (!isSeq(target) && !isMap(target)) wantMap()
    for (const source of sources) {
      const map = source !== null && isAlias(source) ? this.resolveAlias(source as Alias) : source
      if (!isMap(map)) wantMap()
      Object.assign(out, this.value(map as Node))
    }
  }

  // sigs.k8s.io/yaml: string, integer, float and bool keys become strings; anything else is refused
  private keyString(node: Node | null, value: unknown): string {
    const target = node !== null && isAlias(node) ? this.resolveAlias(node) : node
    if (isScalar(target)) {
      const text = String(target.value ?? '')
      const tag = shortTag(target.tag)
      const resolved = tag === '' && target.type !== 'PLAIN' ? {tag: '!!str', value: text} : this.resolve(tag, text)
      if (resolved.tag === '!!float')
        return formatFloat32(resolved.value instanceof NonFiniteFloat ? resolved.value.value : Number(resolved.value))
      if (resolved.value !== null) return String(resolved.value)
    }
    const key = target === null || isScalar(target) ? null : this.value(target)
    const type = key === null ? '%!s(<nil>)' : Array.isArray(key) ? '[]interface {}' : 'map[interface {}]interface {}'
    throw new YamlConversionError(
      `unsupported map key of type: ${type}, key: ${goRepr(key)}, value: ${goRepr(value)}`,
      undefined,
    )
  }

  private resolve(tag: string, text: string): {tag: string; value: unknown} {
    try {
      return resolveScalar(tag, text)
    } catch (error) {
      if (error instanceof TagMismatchError) throw new YamlConversionError(`yaml: ${error.message}`, undefined)
      throw error
    }
  }
}

// json.Marshal refuses NaN and infinities; say which, as encoding/json does.
function checkFinite(value: unknown): void {
  if (value instanceof NonFiniteFloat) {
    const shown = Number.isNaN(value.value) ? 'NaN' : value.value > 0 ? '+Inf' : '-Inf'
    throw new YamlConversionError(`json: unsupported value: ${shown}`, undefined)
  }
  if (Array.isArray(value)) value.forEach(checkFinite)
  else if (typeof value === 'object' && value !== null) Object.values(value).forEach(checkFinite)
}

/** Converts one document's text; throws YamlConversionError with go-yaml's and encoding/json's words. */
export function convertYamlDocument(text: string): YamlDocumentValue {
  if (NOT_ALLOWED.test(text)) throw new YamlConversionError('yaml: control characters are not allowed', undefined)
  // go-yaml reads the first document of the text only
  const [document] = parseAllDocuments(text, {version: '1.1', schema: 'failsafe', uniqueKeys: false})
  if (document === undefined) return {value: null, offset: undefined, itemOffsets: []}
  const [first] = document.errors
  if (first !== undefined) {
    const goError = toGoYamlError(first, text)
    throw new YamlConversionError(formatGoYamlError(goError), goError.line > 0 ? goError.line : undefined)
  }
  const value = new Converter(document).value(document.contents)
  checkFinite(value)
  const contents = document.contents
  const items = isMap(contents) ? contents.get('items', true) : undefined
  return {
    value,
    offset: contents?.range[0],
    itemOffsets: isSeq(items) ? items.items.map((item) => (item as Node).range?.[0] ?? contents?.range[0] ?? 0) : [],
  }
}
