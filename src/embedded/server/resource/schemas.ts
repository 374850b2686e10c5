import {isJsonObject} from '../../../backend/object.js'
import {apiVersionOf, type ResourceInfo} from '../../../backend/refs.js'
import {BUILTIN_RESOURCES} from '../../../resources/builtin.js'
import {findDefinition} from '../../crd/lookup.js'
import {versionNamed} from '../../crd/types.js'
import type {Store} from '../../store/store.js'
import {buildDefinitions, type Definitions, type ModelAttribute, REF, type Schema} from '../openapi/definitions.js'
import {ANY_SCHEMA, type SchemaNode} from './field-validation.js'

/*
 * The schemas fieldValidation checks bodies against: the built-in kinds' OpenAPI definitions (built from
 * @kubernetes/client-node's models, as /openapi serves them) and each custom resource's openAPIV3Schema.
 */

// the fields of ObjectMeta/TypeMeta every object has, whatever a custom resource's schema lists
const OBJECT_ROOT_FIELDS = ['apiVersion', 'kind', 'metadata']

function isAttributeList(value: unknown): value is ModelAttribute[] {
  return Array.isArray(value) && value.every((a) => isJsonObject(a) && typeof a['type'] === 'string')
}

async function builtinDefinitions(): Promise<Definitions> {
  // only the generated model classes, not client-node's HTTP client
  const models = (await import('@kubernetes/client-node/dist/gen/models/all.js')) as Record<string, unknown>
  const source = {
    attributes(model: string) {
      const cls = Object.prototype.hasOwnProperty.call(models, model) ? models[model] : undefined
      const map = typeof cls === 'function' ? (cls as {attributeTypeMap?: unknown}).attributeTypeMap : undefined
      return isAttributeList(map) ? map : undefined
    },
    docs: () => undefined,
  }
  return buildDefinitions(source, BUILTIN_RESOURCES, () => undefined)
}

/** A SchemaNode over an OpenAPI (or JSONSchemaProps) schema; references resolve lazily through `lookup`. */
export function schemaNode(schema: Schema | undefined, lookup: (name: string) => Schema | undefined): SchemaNode {
  if (schema === undefined) return ANY_SCHEMA
  const ref = schema[REF]
  if (typeof ref === 'string') return schemaNode(lookup(ref), lookup)
  if (schema['x-kubernetes-preserve-unknown-fields'] === true || schema['x-kubernetes-int-or-string'] === true) {
    return ANY_SCHEMA
  }
  if (schema['type'] === 'array') {
    const items = schema['items']
    return {type: 'list', items: schemaNode(isJsonObject(items) ? items : undefined, lookup)}
  }
  const properties = schema['properties']
  if (isJsonObject(properties)) {
    const fields = new Map<string, SchemaNode>()
    return {
      type: 'object',
      field(name) {
        if (!Object.prototype.hasOwnProperty.call(properties, name)) return undefined
        let node = fields.get(name)
        if (node === undefined) {
          const property = properties[name]
          node = schemaNode(isJsonObject(property) ? property : undefined, lookup)
          fields.set(name, node)
        }
        return node
      },
    }
  }
  const additional = schema['additionalProperties']
  if (isJsonObject(additional)) return {type: 'map', values: schemaNode(additional, lookup)}
  return ANY_SCHEMA
}

/** Finds the schema of a kind served by the embedded cluster (built-in or custom). */
export function schemaSource(store: Store): (info: ResourceInfo) => Promise<SchemaNode | undefined> {
  let builtin: Promise<Definitions> | undefined
  return async (info) => {
    const crd = findDefinition(store, info)
    if (crd) return customResourceSchema(info, crd, await (builtin ??= builtinDefinitions()))
    if (!BUILTIN_RESOURCES.some((r) => r.group === info.group && r.kind === info.kind)) return undefined
    const definitions = await (builtin ??= builtinDefinitions())
    const name = definitions.roots.get(`${apiVersionOf(info)}/${info.kind}`)
    if (name === undefined) return undefined
    return schemaNode(definitions.schemas.get(name), (n) => definitions.schemas.get(n))
  }
}

function customResourceSchema(
  info: ResourceInfo,
  crd: NonNullable<ReturnType<typeof findDefinition>>,
  definitions: Definitions,
): SchemaNode | undefined {
  const schema = versionNamed(crd, info.version)?.schema?.openAPIV3Schema as Schema | undefined
  if (schema === undefined) return undefined
  const node = schemaNode(schema, () => undefined)
  if (node.type !== 'object') return node
  const metaName = [...definitions.schemas.keys()].find((n) => n.endsWith('.meta.v1.ObjectMeta'))
  const metadata = schemaNode(metaName ? definitions.schemas.get(metaName) : undefined, (n) =>
    definitions.schemas.get(n),
  )
  return {
    type: 'object',
    field(name) {
      if (name === 'metadata') return metadata
      if (OBJECT_ROOT_FIELDS.includes(name)) return ANY_SCHEMA
      return node.field(name)
    },
  }
}
