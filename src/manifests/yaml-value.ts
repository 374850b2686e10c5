// Converts one YAML document to a JSON value as sigs.k8s.io/yaml's YAMLToJSON does for kubectl (go-yaml v2
// resolution, merge keys, map keys made strings), keeping where the document and its `items` start.
import {Alias, Composer, Parser, isAlias, isMap, isScalar, isSeq} from 'yaml'
import type {Document, Node} from 'yaml'
import {MAX_DEPTH, yamlDepthMessage} from './depth-limits.js'
import {lineAt} from './line-at.js'
import {findDepthExcess} from './yaml-depth.js'
import {readSimpleYaml} from './yaml-simple.js'
import {setOwn} from './set-own.js'
import {formatGoYamlError, toGoYamlError} from './yaml-errors.js'
import {NonFiniteFloat, TagMismatchError, mapKeyText, resolveScalar} from './yaml-resolve.js'

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

// go-yaml v2 decode.go: a document may owe at most this share of its decoded nodes to alias expansion (billion
// laughs), 99% up to 400,000 nodes, falling to 10% at 4,000,000
const ALIAS_RATIO_RANGE_LOW = 400_000
const ALIAS_RATIO_RANGE_HIGH = 4_000_000

function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= ALIAS_RATIO_RANGE_LOW) return 0.99
  if (decodeCount >= ALIAS_RATIO_RANGE_HIGH) return 0.1
  return 0.99 - (0.89 * (decodeCount - ALIAS_RATIO_RANGE_LOW)) / (ALIAS_RATIO_RANGE_HIGH - ALIAS_RATIO_RANGE_LOW)
}

// go-yaml's reader: only printable characters, tab, line breaks and NEL.
const NOT_ALLOWED = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u

// The yaml package builds quoted scalars a character at a time, which V8 keeps as a chain of pieces (tens of
// bytes per character) until something reads the string; reading one character flattens it in place.
function flatten(text: string): string {
  if (text.length > 0) text.charCodeAt(0)
  return text
}

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
  private decodeCount = 0
  private aliasCount = 0
  // the alias nodes being expanded, innermost last (go-yaml's d.aliases)
  private readonly expanding = new Set<Alias>()
  private readonly targets = new Map<Alias, Node>()
  constructor(private readonly document: Document) {}

  value(node: Node | null | undefined, depth: number): unknown {
    this.decodeCount++
    if (this.expanding.size > 0) this.aliasCount++
    if (
      this.aliasCount > 100 &&
      this.decodeCount > 1000 &&
      this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)
    )
      throw new YamlConversionError('yaml: document contains excessive aliasing', undefined)
    if (node === null || node === undefined) return null
    if (isAlias(node)) return this.expand(node, depth)
    if (isScalar(node)) return this.scalar(node.tag, node.type, flatten(String(node.value ?? '')))
    // aliases can nest a document deeper than its text does
    if (depth >= MAX_DEPTH) throw new YamlConversionError(`yaml: ${yamlDepthMessage(MAX_DEPTH)}`, undefined)
    if (isSeq(node)) return node.items.map((item) => this.value(item as Node | null, depth + 1))
    if (isMap(node)) return this.map(node.items, depth + 1)
    return null
  }

  private expand(alias: Alias, depth: number): unknown {
    if (this.expanding.has(alias))
      throw new YamlConversionError(`yaml: anchor '${alias.source}' value contains itself`, undefined)
    this.expanding.add(alias)
    const value = this.value(this.resolveAlias(alias), depth)
    this.expanding.delete(alias)
    return value
  }

  // Alias.resolve walks the document from its start, so each alias node is looked up once
  private resolveAlias(alias: Alias): Node {
    const known = this.targets.get(alias)
    if (known !== undefined) return known
    const target = alias.resolve(this.document)
    if (target === undefined)
      throw new YamlConversionError(`yaml: unknown anchor '${alias.source}' referenced`, undefined)
    this.targets.set(alias, target)
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

  private map(pairs: readonly {key: unknown; value: unknown}[], depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    for (const pair of pairs) {
      const valueNode = pair.value as Node | null
      if (this.isMergeKey(pair.key)) {
        this.merge(valueNode, out, depth)
        continue
      }
      const value = this.value(valueNode, depth)
      setOwn(out, this.keyString(pair.key as Node | null, value, depth), value)
    }
    return out
  }

  // go-yaml v2 merge: a map, an alias of a map, or a sequence of those, applied in place, the last entry first
  private merge(node: Node | null, out: Record<string, unknown>, depth: number): void {
    const isMapLike = (item: unknown): item is Node => isMap(item) || (isAlias(item) && isMap(this.resolveAlias(item)))
    const sources = node !== null && isSeq(node) ? [...node.items].reverse() : [node]
    for (const source of sources) {
      if (!isMapLike(source))
        throw new YamlConversionError('yaml: map merge requires map or sequence of maps as the value', undefined)
      // the merged map sits at the level of the map it is merged into
      for (const [key, value] of Object.entries(this.value(source, depth - 1) as Record<string, unknown>))
        setOwn(out, key, value)
    }
  }

  // sigs.k8s.io/yaml: string, integer, float and bool keys become strings; anything else is refused
  private keyString(node: Node | null, value: unknown, depth: number): string {
    const target = node !== null && isAlias(node) ? this.resolveAlias(node) : node
    if (isScalar(target)) {
      const text = flatten(String(target.value ?? ''))
      const tag = shortTag(target.tag)
      const resolved = tag === '' && target.type !== 'PLAIN' ? {tag: '!!str', value: text} : this.resolve(tag, text)
      const key = mapKeyText(resolved)
      if (key !== undefined) return key
    }
    const key = target === null || isScalar(target) ? null : this.value(target, depth)
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

const COMPOSE_OPTIONS = {version: '1.1', schema: 'failsafe', uniqueKeys: false} as const

// go-yaml reads the first document of the text only; its depth is checked before the recursive composer runs.
function composeFirstDocument(text: string): Document.Parsed | undefined {
  const composer = new Composer(COMPOSE_OPTIONS)
  let checked = false
  for (const token of new Parser().parse(text)) {
    if (token.type === 'document' && !checked) {
      checked = true
      const excess = findDepthExcess(token, text)
      if (excess !== undefined) {
        // go-yaml leaves out the line when the fault is on the document's first line
        const line = lineAt(text, excess.offset)
        throw new YamlConversionError(
          `yaml: ${line > 1 ? `line ${line}: ` : ''}${yamlDepthMessage(excess.limit)}`,
          line,
        )
      }
    }
    for (const document of composer.next(token)) return document
  }
  for (const document of composer.end(false, text.length)) return document
  return undefined
}

/**
 * Converts one document's text; throws YamlConversionError with go-yaml's and encoding/json's words. Documents
 * of the common simple shape are read without the yaml package's parser (yaml-simple.ts).
 */
export function convertYamlDocument(text: string): YamlDocumentValue {
  if (NOT_ALLOWED.test(text)) throw new YamlConversionError('yaml: control characters are not allowed', undefined)
  const simple = readSimpleYaml(text)
  if (simple === undefined) return parseYamlDocument(text)
  checkFinite(simple.value)
  return simple
}

/** convertYamlDocument with the yaml package's parser, whatever the document's shape. */
export function parseYamlDocument(text: string): YamlDocumentValue {
  if (NOT_ALLOWED.test(text)) throw new YamlConversionError('yaml: control characters are not allowed', undefined)
  const document = composeFirstDocument(text)
  if (document === undefined) return {value: null, offset: undefined, itemOffsets: []}
  const [first] = document.errors
  if (first !== undefined) {
    const goError = toGoYamlError(first, text)
    throw new YamlConversionError(formatGoYamlError(goError), goError.line > 0 ? goError.line : undefined)
  }
  const value = new Converter(document).value(document.contents, 0)
  checkFinite(value)
  const contents = document.contents
  const items = isMap(contents) ? contents.get('items', true) : undefined
  return {
    value,
    offset: contents?.range[0],
    itemOffsets: isSeq(items) ? items.items.map((item) => (item as Node).range?.[0] ?? contents?.range[0] ?? 0) : [],
  }
}
