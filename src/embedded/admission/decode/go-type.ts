/*
 * The Go types of the built-in kinds (api-types.ts) as nodes a decoder walks. A node knows what the API server's
 * decoders need: the JSON shape the type takes, its name as Go's reflect.Type.String() prints it in errors
 * (`int32`, `v1.Protocol`, `[]v1.Container`, `v1.ResourceList`), and for a struct its Go name (`DeploymentSpec`)
 * and fields in declaration order. Nodes are built on first use and shared, so a kind costs only what its objects
 * reach.
 */
import {API_NAMED_TYPES, API_ROOTS, API_STRUCTS} from './api-types.js'

/** A struct: its JSON fields by name, in Go's declaration order. */
export interface GoStruct {
  readonly kind: 'struct'
  /** reflect.Type.String(): `v1.DeploymentSpec` */
  readonly name: string
  /** reflect.Type.Name(): `DeploymentSpec`, as encoding/json names the struct of a field */
  readonly structName: string
  readonly fields: ReadonlyMap<string, GoType>
}

/** A slice or a map (of string keys); `elem` is the element or value type. */
export interface GoCollection {
  readonly kind: 'slice' | 'map'
  readonly name: string
  readonly elem: GoType
}

/** A number: signed or unsigned integer or a float, with its size in bits. */
export interface GoNumber {
  readonly kind: 'int' | 'uint' | 'float'
  readonly name: string
  readonly bits: 8 | 32 | 64
}

/** A string or a bool, named (`v1.Protocol`) or not. */
export interface GoBasic {
  readonly kind: 'string' | 'bool'
  readonly name: string
}

/**
 * A type with its own UnmarshalJSON: resource.Quantity, intstr.IntOrString, metav1.Time and MicroTime (`time`,
 * with Go's layout), raw JSON holders (RawExtension, FieldsV1, apiextensions JSON), and the three apiextensions
 * JSONSchemaPropsOr* types, which take a schema object, or else a bool or a list.
 */
export type GoUnmarshaler =
  | {readonly kind: 'quantity' | 'int-or-string' | 'raw'; readonly name: string}
  | {readonly kind: 'time'; readonly name: string; readonly layout: string}
  | {readonly kind: 'schema-or'; readonly name: string; readonly schema: GoType; readonly otherwise: GoType | 'bool'}

export type GoType = GoStruct | GoCollection | GoNumber | GoBasic | GoUnmarshaler

/** Go's time.RFC3339, the layout of metav1.Time. */
export const RFC3339 = '2006-01-02T15:04:05Z07:00'
/** metav1.RFC3339Micro, the layout of metav1.MicroTime. */
export const RFC3339_MICRO = '2006-01-02T15:04:05.000000Z07:00'

const NUMBERS: Readonly<Record<string, Pick<GoNumber, 'kind' | 'bits'>>> = {
  int: {kind: 'int', bits: 64},
  int32: {kind: 'int', bits: 32},
  int64: {kind: 'int', bits: 64},
  uint: {kind: 'uint', bits: 64},
  uint32: {kind: 'uint', bits: 32},
  uint64: {kind: 'uint', bits: 64},
  byte: {kind: 'uint', bits: 8},
  float64: {kind: 'float', bits: 64},
}

const JSON_SCHEMA_PROPS = 'apiextensions/v1.JSONSchemaProps'

/** The Go types of the table, built on first use: `*int32`, `[]core/v1.Container`, `core/v1.Protocol`. */
export class GoTypes {
  private readonly nodes = new Map<string, GoType>()

  /** The struct of a kind by apiVersion and kind (`apps/v1`, `Deployment`); undefined for kinds not in the table. */
  root(apiVersion: string, kind: string): GoStruct | undefined {
    const key = API_ROOTS[`${apiVersion}/${kind}`]
    if (key === undefined) return undefined
    const node = this.of(key)
    return node.kind === 'struct' ? node : undefined
  }

  /** The node of a type expression; a pointer is decoded as what it points to. */
  of(expression: string): GoType {
    const type = expression.replace(/^\*+/, '')
    let node = this.nodes.get(type)
    if (node === undefined) {
      node = this.build(type)
      this.nodes.set(type, node)
    }
    return node
  }

  private build(type: string): GoType {
    const name = goTypeString(type)
    if (type.startsWith('[]')) return {kind: 'slice', name, elem: this.of(type.slice(2))}
    const map = /^map\[[^\]]+\](.+)$/.exec(type)
    if (map?.[1] !== undefined) return {kind: 'map', name, elem: this.of(map[1])}
    const number = NUMBERS[type]
    if (number) return {...number, name}
    if (type === 'string' || type === 'bool') return {kind: type, name}
    const special = this.unmarshaler(type, name)
    if (special) return special
    const fields = API_STRUCTS[type]
    if (fields !== undefined) return this.struct(type, name, fields)
    const underlying = API_NAMED_TYPES[type]
    if (underlying === undefined) throw new Error(`no Go type ${type} in api-types.ts`)
    // a named type decodes as its underlying type and is printed by its own name
    return {...this.build(underlying), name}
  }

  private unmarshaler(type: string, name: string): GoUnmarshaler | undefined {
    switch (type) {
      case 'resource.Quantity':
        return {kind: 'quantity', name}
      case 'intstr.IntOrString':
        return {kind: 'int-or-string', name}
      case 'meta/v1.Time':
        return {kind: 'time', name, layout: RFC3339}
      case 'meta/v1.MicroTime':
        return {kind: 'time', name, layout: RFC3339_MICRO}
      case 'meta/v1.FieldsV1':
      case 'runtime.RawExtension':
      case 'apiextensions/v1.JSON':
        return {kind: 'raw', name}
      case 'apiextensions/v1.JSONSchemaPropsOrBool':
        return {kind: 'schema-or', name, schema: this.of(JSON_SCHEMA_PROPS), otherwise: 'bool'}
      case 'apiextensions/v1.JSONSchemaPropsOrArray':
        return {
          kind: 'schema-or',
          name,
          schema: this.of(JSON_SCHEMA_PROPS),
          otherwise: this.of(`[]${JSON_SCHEMA_PROPS}`),
        }
      case 'apiextensions/v1.JSONSchemaPropsOrStringArray':
        return {kind: 'schema-or', name, schema: this.of(JSON_SCHEMA_PROPS), otherwise: this.of('[]string')}
      default:
        return undefined
    }
  }

  private struct(type: string, name: string, spec: string): GoStruct {
    let fields: Map<string, GoType> | undefined
    const compile = (): Map<string, GoType> => {
      // a struct's fields are compiled when a decoder first enters it: recursive types (JSONSchemaProps) and
      // the parts of a kind no object uses cost nothing
      fields = new Map()
      for (const field of spec === '' ? [] : spec.split(' ')) {
        const colon = field.indexOf(':')
        fields.set(field.slice(0, colon), this.of(field.slice(colon + 1)))
      }
      return fields
    }
    return {
      kind: 'struct',
      name,
      structName: type.slice(type.lastIndexOf('.') + 1),
      get fields() {
        return fields ?? compile()
      },
    }
  }
}

// the nodes only ever grow by what the constant table describes, so one set serves every caller
let shared: GoTypes | undefined

/** The Go types of the built-in kinds, built as decoders reach them. */
export function apiTypes(): GoTypes {
  shared ??= new GoTypes()
  return shared
}

/** reflect.Type.String() of a table type: packages by their last path element, byte as uint8. */
export function goTypeString(expression: string): string {
  return expression.replace(/[\w-]+\/(v\d\w*)\./g, '$1.').replace(/\bbyte\b/g, 'uint8')
}
