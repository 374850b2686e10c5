import {isJsonObject, type JsonObject} from '../../backend/object.js'

/*
 * The models of an OpenAPI v2 document as kube-openapi's util/proto reads them for kubectl's older explain
 * (kube-openapi pkg/util/proto/document.go, as vendored by kubectl v1.32): objects with properties are kinds,
 * objects without are maps, `$ref`s stay references (with their own description) resolved on demand.
 */

interface BaseModel {
  description: string
}

/** One model of the document. */
export type Model =
  | (BaseModel & {type: 'kind'; fields: Readonly<Record<string, Model>>; required: readonly string[]})
  | (BaseModel & {type: 'array'; items: Model})
  | (BaseModel & {type: 'map'; values: Model})
  | (BaseModel & {type: 'primitive'; primitive: string})
  | (BaseModel & {type: 'arbitrary'})
  | (BaseModel & {type: 'reference'; name: string; resolve: () => Model | undefined})

/** The parsed definitions, and the kind each group/version/kind names. */
interface ModelSet {
  /** the definition whose x-kubernetes-group-version-kind lists the kind */
  lookupKind(gvk: {group: string; version: string; kind: string}): Model | undefined
}

function descriptionOf(schema: JsonObject): string {
  return typeof schema['description'] === 'string' ? schema['description'] : ''
}

function parseModel(schema: JsonObject, models: (name: string) => Model | undefined): Model {
  const description = descriptionOf(schema)
  const ref = schema['$ref']
  if (typeof ref === 'string' && ref !== '') {
    const name = ref.replace(/^#\/definitions\//, '')
    return {type: 'reference', description, name, resolve: () => models(name)}
  }
  const type = Array.isArray(schema['type']) ? schema['type'] : schema['type'] === undefined ? [] : [schema['type']]
  const properties = schema['properties']
  if (type.length === 0 || type[0] === 'object') {
    if (isJsonObject(properties)) {
      const fields: Record<string, Model> = {}
      for (const [name, field] of Object.entries(properties))
        fields[name] = parseModel(isJsonObject(field) ? field : {}, models)
      const required = Array.isArray(schema['required']) ? schema['required'].map(String) : []
      return {type: 'kind', description, fields, required}
    }
    if (type.length === 0) return {type: 'arbitrary', description}
    const additional = schema['additionalProperties']
    // an object of no known values is a map of arbitrary values that repeats the object's description
    const values = isJsonObject(additional) ? parseModel(additional, models) : {type: 'arbitrary' as const, description}
    return {type: 'map', description, values}
  }
  if (type[0] === 'array') {
    const items = isJsonObject(schema['items']) ? schema['items'] : {}
    return {type: 'array', description, items: parseModel(items, models)}
  }
  return {type: 'primitive', description, primitive: String(type[0])}
}

/** Reads an /openapi/v2 document's definitions; each model is parsed the first time it is asked for. */
export function readModels(document: JsonObject): ModelSet {
  const definitions = isJsonObject(document['definitions']) ? document['definitions'] : {}
  const parsed = new Map<string, Model>()
  const model = (name: string): Model | undefined => {
    const cached = parsed.get(name)
    if (cached) return cached
    const schema = definitions[name]
    if (!isJsonObject(schema)) return undefined
    const built = parseModel(schema, model)
    parsed.set(name, built)
    return built
  }
  return {
    lookupKind(gvk) {
      for (const [name, schema] of Object.entries(definitions)) {
        if (!isJsonObject(schema)) continue
        const kinds = schema['x-kubernetes-group-version-kind']
        const listed =
          Array.isArray(kinds) &&
          kinds.some(
            (k) =>
              isJsonObject(k) &&
              (k['group'] ?? '') === gvk.group &&
              (k['version'] ?? '') === gvk.version &&
              (k['kind'] ?? '') === gvk.kind,
          )
        if (listed) return model(name)
      }
      return undefined
    },
  }
}
