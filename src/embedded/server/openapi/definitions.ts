import {apiVersionOf} from '../../../backend/refs.js'
import type {PatchSchema} from '../../../resources/patch/schema.js'
import type {ModelDocs} from './model-docs.js'

/*
 * OpenAPI definitions of the built-in kinds, derived from @kubernetes/client-node's generated models: each model
 * class carries an attributeTypeMap (field, JSON name, TypeScript type, OpenAPI format), and its declaration file
 * the descriptions and required fields. The models lose the Go package of each type; names are rebuilt as
 * kube-apiserver spells them (io.k8s.api.<group>.<version>.<Type>), with the apimachinery types under meta.
 */

/** One attribute of a generated model (client-node's attributeTypeMap entry). */
export interface ModelAttribute {
  name: string
  baseName: string
  type: string
  format: string
}

/** Where the builder reads models: the attribute map of a model class, and its docs. */
export interface ModelSource {
  attributes(model: string): readonly ModelAttribute[] | undefined
  docs(model: string): ModelDocs | undefined
}

/** A JSON schema object of an OpenAPI definition (the subset Kubernetes' documents use). */
export type Schema = {[key: string]: unknown}

/** A definition reference; `ref` is the definition's name, turned into a $ref by the document writers. */
export interface RootKind {
  group: string
  version: string
  kind: string
}

/** The definitions reachable from the roots, and the definition name of each root kind. */
export interface Definitions {
  schemas: Map<string, Schema>
  /** the definition names each definition refers to, for the closure of one group-version's document */
  refs: Map<string, Set<string>>
  roots: Map<string, string>
}

// apimachinery's meta/v1 types (their models have no group prefix to tell)
const META_TYPES = new Set([
  'ObjectMeta',
  'ListMeta',
  'LabelSelector',
  'LabelSelectorRequirement',
  'ManagedFieldsEntry',
  'OwnerReference',
  'Condition',
  'Status',
  'StatusDetails',
  'StatusCause',
  'DeleteOptions',
  'Preconditions',
  'APIResource',
  'APIResourceList',
  'APIGroup',
  'GroupVersionForDiscovery',
  'ServerAddressByClientCIDR',
])

/** A marker the document writers turn into `$ref` (v2: #/definitions/, v3: #/components/schemas/). */
export const REF = 'x-skiff-ref'

const MODEL_NAME = /^([A-Z][a-z]+)?(V\d+(?:alpha\d+|beta\d+)?)([A-Z].*)$/

/** The client-node model class of a kind: V1Deployment, or CoreV1Event where two groups share the kind's name. */
export function modelNameCandidates(root: RootKind): string[] {
  const version = root.version.charAt(0).toUpperCase() + root.version.slice(1)
  const label = root.group === '' ? 'core' : (root.group.split('.')[0] ?? root.group)
  const prefix = label.charAt(0).toUpperCase() + label.slice(1)
  return [`${prefix}${version}${root.kind}`, `${version}${root.kind}`]
}

function groupPackage(group: string): string {
  if (group === 'apiextensions.k8s.io') return 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions'
  return `io.k8s.api.${group === '' ? 'core' : (group.split('.')[0] ?? group)}`
}

/** The definition name of a model reached from a root of `group`, as kube-apiserver names the type. */
export function definitionName(model: string, group: string): string {
  const match = MODEL_NAME.exec(model)
  if (!match) return model
  const [, prefix, version = '', type = ''] = match
  const v = version.toLowerCase()
  if (META_TYPES.has(type) && prefix === undefined) return `io.k8s.apimachinery.pkg.apis.meta.${v}.${type}`
  const pkg = prefix === undefined ? groupPackage(group) : `io.k8s.api.${prefix.toLowerCase()}`
  return `${pkg}.${v}.${type}`
}

const ARRAY = /^Array<(.+)>$/
const MAP = /^\{ \[key: string\]: (.+); \}$/

function scalar(type: string, format: string): Schema | undefined {
  switch (type) {
    case 'string':
      return format === 'byte' ? {type: 'string', format: 'byte'} : {type: 'string'}
    case 'boolean':
      return {type: 'boolean'}
    case 'number':
      return format === 'double' ? {type: 'number', format: 'double'} : {type: 'integer', format: format || 'int64'}
    case 'Date':
      // metav1.Time and MicroTime are both RFC 3339 strings to a client
      return {type: 'string', format: 'date-time'}
    case 'IntOrString':
      return {type: 'string', format: 'int-or-string', 'x-kubernetes-int-or-string': true}
    case 'any':
    case 'object':
      return {type: 'object', 'x-kubernetes-preserve-unknown-fields': true}
    default:
      return undefined
  }
}

class Builder {
  readonly schemas = new Map<string, Schema>()
  readonly refs = new Map<string, Set<string>>()
  // a model keeps the name it got from the first kind that reached it (its package is not in the model)
  private readonly nameOf = new Map<string, string>()

  constructor(private readonly source: ModelSource) {}

  /** The schema of a field of type `type`; models become references to their (built) definitions. */
  fieldSchema(type: string, format: string, group: string, from: string): Schema {
    const known = scalar(type, format)
    if (known) return known
    const array = ARRAY.exec(type)
    if (array?.[1] !== undefined) return {type: 'array', items: this.fieldSchema(array[1], format, group, from)}
    const map = MAP.exec(type)
    if (map?.[1] !== undefined)
      return {type: 'object', additionalProperties: this.fieldSchema(map[1], format, group, from)}
    const name = this.define(type, group)
    if (name === undefined) return {type: 'object'}
    this.refs.get(from)?.add(name)
    return {[REF]: name}
  }

  /** Builds the definition of a model (once) and returns its name, or undefined when client-node lacks it. */
  define(model: string, group: string): string | undefined {
    const known = this.nameOf.get(model)
    if (known !== undefined) return known
    const attributes = this.source.attributes(model)
    if (attributes === undefined) return undefined
    const name = definitionName(model, group)
    this.nameOf.set(model, name)
    const docs = this.source.docs(model)
    const schema: Schema = {type: 'object'}
    if (docs?.description) schema['description'] = docs.description
    this.schemas.set(name, schema)
    this.refs.set(name, new Set())
    const properties: Record<string, Schema> = {}
    const required: string[] = []
    for (const attribute of attributes) {
      const field = docs?.fields.get(attribute.name)
      const property = this.fieldSchema(attribute.type, attribute.format, group, name)
      if (field?.description) property['description'] = field.description
      properties[attribute.baseName] = property
      if (field?.required) required.push(attribute.baseName)
    }
    schema['properties'] = properties
    if (required.length > 0) schema['required'] = required
    return name
  }
}

// the definition a field refers to (of its items, for a list)
function target(schema: Schema): string | undefined {
  const inner = schema['type'] === 'array' ? (schema['items'] as Schema | undefined) : schema
  const ref = inner?.[REF]
  return typeof ref === 'string' ? ref : undefined
}

// Walks a kind's definitions alongside its strategic merge patch schema, marking the fields that have patch tags.
function annotatePatchMeta(
  schemas: Map<string, Schema>,
  definition: Schema,
  patch: PatchSchema,
  seen: Set<string>,
): void {
  const properties = definition['properties'] as Record<string, Schema> | undefined
  if (!properties) return
  for (const [field, property] of Object.entries(properties)) {
    const {schema: inner, meta} = patch.lookup(field)
    const strategy = [meta.strategy === 'merge' ? 'merge' : undefined, meta.retainKeys ? 'retainKeys' : undefined]
      .filter((s) => s !== undefined)
      .join(',')
    if (strategy !== '') property['x-kubernetes-patch-strategy'] = strategy
    if (meta.mergeKey !== undefined) property['x-kubernetes-patch-merge-key'] = meta.mergeKey
    const ref = target(property)
    const next = ref === undefined ? undefined : schemas.get(ref)
    if (next === undefined || inner.name === 'unknown') continue
    const key = `${inner.name}@${ref}`
    if (seen.has(key)) continue
    seen.add(key)
    annotatePatchMeta(schemas, next, inner, seen)
  }
}

/**
 * The definitions of `roots` and every type they reach. `patchSchemaFor` gives each kind's strategic merge patch
 * schema, whose merge keys and strategies become x-kubernetes-patch-* extensions, as kubectl reads them.
 */
export function buildDefinitions(
  source: ModelSource,
  roots: readonly RootKind[],
  patchSchemaFor: (apiVersion: string, kind: string) => PatchSchema | undefined,
): Definitions {
  const builder = new Builder(source)
  const rootNames = new Map<string, string>()
  for (const root of roots) {
    const model = modelNameCandidates(root).find((candidate) => source.attributes(candidate) !== undefined)
    if (model === undefined) continue
    const name = builder.define(model, root.group)
    if (name === undefined) continue
    const schema = builder.schemas.get(name)
    if (!schema) continue
    schema['x-kubernetes-group-version-kind'] = [{group: root.group, kind: root.kind, version: root.version}]
    rootNames.set(`${apiVersionOf(root)}/${root.kind}`, name)
  }
  for (const root of roots) {
    const name = rootNames.get(`${apiVersionOf(root)}/${root.kind}`)
    const patch = patchSchemaFor(apiVersionOf(root), root.kind)
    const schema = name === undefined ? undefined : builder.schemas.get(name)
    if (schema && patch) annotatePatchMeta(builder.schemas, schema, patch, new Set())
  }
  return {schemas: builder.schemas, refs: builder.refs, roots: rootNames}
}

/** The names of `start` and every definition it reaches. */
export function closure(definitions: Definitions, start: Iterable<string>): Set<string> {
  const found = new Set<string>()
  const queue = [...start]
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    if (found.has(name)) continue
    found.add(name)
    for (const next of definitions.refs.get(name) ?? []) queue.push(next)
  }
  return found
}
