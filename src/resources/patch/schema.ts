/** The patch metadata of one field: the patchStrategy and patchMergeKey tags of k8s.io/api types. */
export interface PatchMeta {
  /** 'merge': a list merged by mergeKey (or as a set of primitives); 'replace': a struct replaced whole. */
  readonly strategy?: 'merge' | 'replace'
  /** patchStrategy includes retainKeys: fields missing from the patch are cleared. */
  readonly retainKeys?: boolean
  /** The key that identifies the maps of a merged list ('name', 'containerPort', ...). */
  readonly mergeKey?: string
}

/** What strategic merge patch knows of a type (LookupPatchMeta in apimachinery's strategicpatch). */
export interface PatchSchema {
  /** A name for error messages. */
  readonly name: string
  /** The schema of a field's value (of its elements, for a list) and the field's patch metadata. */
  lookup(field: string): {schema: PatchSchema; meta: PatchMeta}
}

/** A field of a described type: its patch metadata and the type of its value (or of its list elements). */
export interface FieldSpec extends PatchMeta {
  readonly type?: string
}

/** Types by name, each a table of the fields that matter for patching; unlisted fields have no metadata. */
export type TypeTable = Readonly<Record<string, Readonly<Record<string, FieldSpec>>>>

const NO_META: PatchMeta = {}

/** The schema of values nothing is known about: maps merge key by key, lists are replaced (JSON merge semantics). */
const OPAQUE_SCHEMA: PatchSchema = {
  name: 'unknown',
  lookup: () => ({schema: OPAQUE_SCHEMA, meta: NO_META}),
}

/** A PatchSchema over one type of a TypeTable; fields and types the table lacks are opaque. */
export function tableSchema(table: TypeTable, typeName: string): PatchSchema {
  const fields = table[typeName]
  if (fields === undefined) return OPAQUE_SCHEMA
  return {
    name: typeName,
    lookup(field) {
      const spec = Object.prototype.hasOwnProperty.call(fields, field) ? fields[field] : undefined
      if (spec === undefined) return {schema: OPAQUE_SCHEMA, meta: NO_META}
      const schema = spec.type === undefined ? OPAQUE_SCHEMA : tableSchema(table, spec.type)
      return {schema, meta: spec}
    },
  }
}
