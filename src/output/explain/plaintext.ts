import {isJsonObject, type JsonObject} from '../../backend/object.js'
import {deepEqual, goValue, indent, isTruthy, resolveRef, schemaAt, sortedEntries} from './template-values.js'
import {wrapWords} from './word-wrap.js'

/*
 * `kubectl explain`'s default layout, the "plaintext" template applied to a group-version's OpenAPI v3 document
 * (kubectl/pkg/explain/v2/templates/plaintext.tmpl, v1.32), written out as functions: one per template, taking
 * what the template's dictionary holds. Output is built as the template writes it, so an error partway through
 * leaves what was written before it, as kubectl's does.
 */

/** The resource explained: group, version and plural as the RESTMapper resolved them. */
export interface ExplainedResource {
  group: string
  version: string
  resource: string
}

/** What a render produced: the text written, and kubectl's error when it stopped early. */
export interface ExplainRender {
  text: string
  error?: string
}

/** A template error (`throw`/`fail` in the template), carrying kubectl's message. */
class TemplateError extends Error {}

const METHODS = ['get', 'post', 'put', 'patch', 'delete']

/** `{group}/{version}, Resource={resource}`: schema.GroupVersionResource's String(). */
export function groupVersionResourceString(r: ExplainedResource): string {
  return `${r.group}/${r.version}, Resource=${r.resource}`
}

// the kind the document's operations on the resource's paths name (the template's first block)
function operationKind(document: JsonObject, r: ExplainedResource): unknown {
  const prefix = r.group === '' ? '/api' : `/apis/${r.group}`
  const base = `${prefix}/${r.version}`
  const searchPaths = [
    `${base}/${r.resource}`,
    `${base}/${r.resource}/{name}`,
    `${base}/namespaces/{namespace}/${r.resource}`,
    `${base}/namespaces/{namespace}/${r.resource}/{name}`,
  ]
  const paths = isJsonObject(document['paths']) ? document['paths'] : {}
  let gvk: unknown
  for (const searchPath of searchPaths) {
    const element = paths[searchPath]
    if (!isJsonObject(element) || !isTruthy(element)) continue
    for (const method of METHODS) {
      const operation = element[method]
      if (!isJsonObject(operation) || !isTruthy(operation)) continue
      gvk = operation['x-kubernetes-group-version-kind']
      if (isTruthy(gvk)) break
    }
  }
  return gvk
}

interface OutputContext {
  document: JsonObject
  recursive: boolean
}

/**
 * Renders `kubectl explain` for a resource and a field path (`spec.template`), --recursive or not, from the
 * resource's group-version document.
 */
export function renderPlaintext(
  document: JsonObject,
  resource: ExplainedResource,
  fieldPath: readonly string[],
  options: {recursive: boolean},
): ExplainRender {
  let text = ''
  try {
    const gvk = operationKind(document, resource)
    if (!isTruthy(gvk))
      throw new TemplateError(`error: GVR (${groupVersionResourceString(resource)}) not found in OpenAPI schema`)
    const kind = isJsonObject(gvk) ? gvk : {}
    if (isTruthy(kind['group'])) text += `GROUP:      ${goValue(kind['group'])}\n`
    text += `KIND:       ${goValue(kind['kind'])}\n`
    text += `VERSION:    ${goValue(kind['version'])}\n`
    text += '\n'
    const schema = schemaOf(kind, {document, recursive: options.recursive}, fieldPath)
    if (schema === '') throw new TemplateError(`error: GVK ${goValue(gvk)} not found in OpenAPI schema`)
    text += schema
    text += '\n'
    return {text}
  } catch (error) {
    if (error instanceof TemplateError) return {text, error: error.message}
    throw error
  }
}

// "schema": the explanation of the first component whose kinds include the GVK
function schemaOf(gvk: JsonObject, context: OutputContext, fieldPath: readonly string[]): string {
  const components = isJsonObject(context.document['components']) ? context.document['components'] : {}
  const schemas = isJsonObject(components['schemas']) ? components['schemas'] : {}
  for (const [, schema] of sortedEntries(schemas)) {
    if (!isJsonObject(schema)) continue
    const kinds = schema['x-kubernetes-group-version-kind']
    if (!Array.isArray(kinds) || !kinds.some((k) => deepEqual(k, gvk))) continue
    const out = output(schema, {}, fieldPath, context)
    if (out === '') throw new TemplateError(`error: field "${fieldPath[fieldPath.length - 1] ?? ''}" does not exist`)
    return out
  }
  return ''
}

// "output": follows the field path, then prints the field's description and field list
function output(
  schema: JsonObject,
  history: Readonly<Record<string, true>>,
  fieldPath: readonly string[],
  context: OutputContext,
): string {
  const ref = typeof schema['$ref'] === 'string' ? schema['$ref'] : ''
  const nextHistory = {...history, [ref]: true as const}
  const resolved = resolveRef(ref, context.document) ?? schema
  if (fieldPath.length === 0) {
    let out = 'DESCRIPTION:\n'
    out += indent(4, wrapWords(description(resolved, context.document) || '<empty>', 76))
    out += '\n'
    const docs = externalDocs(resolved)
    if (docs !== '') out += `\n${docs}`
    const fields = fieldList(resolved, 1, undefined, context)
    if (fields !== '') out += `FIELDS:\n${fields}`
    return out
  }
  if (ref !== '' && history[ref]) return ''
  const [first = ''] = fieldPath
  const properties = schemaAt(resolved, 'properties')
  const subschema = properties?.[first]
  if (properties && isTruthy(subschema) && isJsonObject(subschema)) {
    let out = ''
    if (fieldPath.length === 1) {
      out += `FIELD: ${first} <${typeGuess(subschema, context.document)}>\n`
      out += extractEnum(subschema, {longView: true, limit: -1, indentAmount: 0})
      out += '\n\n'
    }
    return out + output(subschema, {}, fieldPath.slice(1), context)
  }
  const items = schemaAt(resolved, 'items')
  if (items) return output(items, nextHistory, fieldPath, context)
  const additional = schemaAt(resolved, 'additionalProperties')
  if (additional) return output(additional, nextHistory, fieldPath, context)
  for (const alternative of allOf(resolved)) {
    const out = output(alternative, nextHistory, fieldPath, context)
    if (out !== '') return out
  }
  return ''
}

function allOf(schema: JsonObject): JsonObject[] {
  const list = schema['allOf']
  return Array.isArray(list) ? list.filter(isJsonObject) : []
}

// "description": the schema's description and those of everything it stands for (refs, allOf, items, maps)
function description(schema: JsonObject, document: JsonObject): string {
  const resolved = resolveRef(schema['$ref'], document) ?? schema
  if (!isTruthy(resolved)) return ''
  let out = isTruthy(resolved['description']) ? `${goValue(resolved['description'])}\n` : ''
  for (const alternative of allOf(resolved)) out += description(alternative, document)
  const items = schemaAt(resolved, 'items')
  if (items) out += description(items, document)
  const additional = schemaAt(resolved, 'additionalProperties')
  if (additional) out += description(additional, document)
  return out
}

// "externalDocs"
function externalDocs(schema: JsonObject): string {
  const docs = schemaAt(schema, 'externalDocs')
  if (!docs) return ''
  let out = 'EXTERNAL DOCS:\n'
  if (isTruthy(docs['description'])) out += `${indent(4, wrapWords(goValue(docs['description']), 76))}\n`
  if (isTruthy(docs['url'])) out += `${indent(4, `URL: ${goValue(docs['url'])}`)}\n`
  return out
}

// "fieldList": the fields of a schema (and of what it stands for), with their sub-fields when recursive
function fieldList(
  schema: JsonObject,
  level: number,
  history: Readonly<Record<string, true>> | undefined,
  context: OutputContext,
): string {
  const ref = typeof schema['$ref'] === 'string' ? schema['$ref'] : ''
  if (ref !== '' && history?.[ref]) return ''
  const nextHistory = {...history, [ref]: true as const}
  const resolved = resolveRef(ref, context.document) ?? schema
  let out = ''
  const properties = schemaAt(resolved, 'properties')
  for (const [name, value] of properties ? sortedEntries(properties) : []) {
    out += fieldDetail(name, resolved, level, context)
    if (context.recursive && isJsonObject(value)) out += fieldList(value, level + 1, nextHistory, context)
  }
  for (const alternative of allOf(resolved)) out += fieldList(alternative, level, nextHistory, context)
  const items = schemaAt(resolved, 'items')
  if (items) out += fieldList(items, level, nextHistory, context)
  const additional = schemaAt(resolved, 'additionalProperties')
  if (additional) out += fieldList(additional, level, nextHistory, context)
  return out
}

// "fieldDetail": one field's line, and unless recursive its description and external docs
function fieldDetail(name: string, parent: JsonObject, level: number, context: OutputContext): string {
  const indentAmount = level * 2
  const properties = schemaAt(parent, 'properties') ?? {}
  const field = isJsonObject(properties[name]) ? properties[name] : {}
  const required = parent['required']
  let out = `${indent(indentAmount, name)}\t<${typeGuess(field, context.document)}>`
  if (Array.isArray(required) && required.includes(name)) out += ' -required-'
  out += extractEnum(field, {longView: false, limit: 4, indentAmount})
  out += '\n'
  if (context.recursive) return out
  const text = isTruthy(field['description']) ? goValue(field['description']) : '<no description>'
  out += `${indent(indentAmount + 2, wrapWords(text, 78 - indentAmount))}\n`
  const docs = schemaAt(field, 'externalDocs')
  if (docs) {
    out += `\n${indent(indentAmount + 2, 'EXTERNAL DOCS:')}\n`
    if (isTruthy(docs['description']))
      out += `${indent(indentAmount + 4, wrapWords(goValue(docs['description']), 76 - indentAmount))}\n`
    if (isTruthy(docs['url'])) out += `${indent(indentAmount + 4, `URL: ${goValue(docs['url'])}`)}\n`
  }
  return `${out}\n`
}

// "typeGuess": `string`, `Object`, `[]Container`, `map[string]string`, ...
function typeGuess(schema: JsonObject, document: JsonObject): string {
  if (!isTruthy(schema)) throw new TemplateError("expected schema argument to subtemplate 'typeguess'")
  const items = schemaAt(schema, 'items')
  if (items) return `[]${typeGuess(items, document)}`
  const additional = schemaAt(schema, 'additionalProperties')
  if (additional) return `map[string]${typeGuess(additional, document)}`
  const alternatives = allOf(schema)
  const listed = schema['allOf']
  if (isTruthy(listed) && !isTruthy(schema['properties']) && Array.isArray(listed) && listed.length === 1)
    return typeGuess(alternatives[0] ?? {}, document)
  const ref = schema['$ref']
  if (isTruthy(ref)) {
    const refSchema = resolveRef(ref, document)
    if (!isTruthy(refSchema) || !isTruthy(refSchema?.['type']) || refSchema?.['type'] === 'object') {
      const name = goValue(ref).split('/').pop() ?? ''
      return name.split('.').pop() || 'Object'
    }
    return goValue(refSchema?.['type'])
  }
  if (schema['type'] === 'object') return 'Object'
  return isTruthy(schema['type']) ? goValue(schema['type']) : 'Object'
}

// "extractEnum": `ENUM:` with one value a line for the field itself, `enum: a, b, c, ....` in a field list
function extractEnum(schema: JsonObject, options: {longView: boolean; limit: number; indentAmount: number}): string {
  const values = schema['enum']
  if (!isTruthy(schema) || !Array.isArray(values) || values.length === 0) return ''
  const limit = options.limit === 0 ? -1 : options.limit
  let out = options.longView ? 'ENUM:' : `\n${' '.repeat(options.indentAmount)}enum: `
  for (const [index, value] of values.entries()) {
    if (limit > -1 && index >= limit) {
      out += ', ....'
      break
    }
    if (index > 0 && !options.longView) out += ', '
    else if (options.longView) out += '\n    '
    out += value === '' ? '""' : goValue(value)
  }
  return out
}
