import type {KubeList, KubeObject} from '../../backend/object.js'
import type {Table} from '../../backend/table.js'

/** A meta.k8s.io form of a response the client asked for in Accept, instead of the object itself. */
export type MetaForm = {as: 'Table' | 'PartialObjectMetadata' | 'PartialObjectMetadataList'; version: 'v1' | 'v1beta1'}

// apiserver: staging/src/k8s.io/apiserver/pkg/endpoints/handlers/negotiation (v1.32): the first acceptable
// media type wins; `application/json` (or any) without `as=` means the object itself
/**
 * What an Accept header asks for: a meta.k8s.io Table (kubectl get's
 * `application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json`),
 * partial object metadata, or (undefined) the object itself.
 */
export function acceptedForm(accept: string | undefined): MetaForm | undefined {
  if (accept === undefined) return undefined
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.split(';').map((s) => s.trim())
    const values = new Map(
      params.map((p) => {
        const eq = p.indexOf('=')
        return [p.slice(0, eq).trim(), p.slice(eq + 1).trim()] as const
      }),
    )
    if (type !== 'application/json' && type !== '*/*' && type !== 'application/*') continue
    const as = values.get('as')
    if (as === undefined) return undefined
    const version = values.get('v')
    if (values.get('g') !== 'meta.k8s.io' || (version !== 'v1' && version !== 'v1beta1')) continue
    if (as === 'Table' || as === 'PartialObjectMetadata' || as === 'PartialObjectMetadataList') return {as, version}
  }
  return undefined
}

/** True when an Accept header asks for a meta.k8s.io Table. */
export function wantsTable(accept: string | undefined): boolean {
  return acceptedForm(accept)?.as === 'Table'
}

/** What rows carry, from the includeObject query parameter (metav1.IncludeObjectPolicy: None, Metadata, Object). */
export type IncludeObject = 'None' | 'Object' | 'Metadata'

/** Parses includeObject; Metadata is the API server's default. */
export function parseIncludeObject(value: string | null): IncludeObject {
  return value === 'None' || value === 'Object' ? value : 'Metadata'
}

/** An object's metadata alone, as meta.k8s.io PartialObjectMetadata. */
export function partialMetadata(object: KubeObject, version: 'v1' | 'v1beta1' = 'v1'): KubeObject {
  return {kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${version}`, metadata: object.metadata}
}

/** A list's items as meta.k8s.io PartialObjectMetadataList. */
export function partialMetadataList(list: KubeList, version: 'v1' | 'v1beta1' = 'v1'): KubeList {
  return {
    kind: 'PartialObjectMetadataList',
    apiVersion: `meta.k8s.io/${version}`,
    metadata: list.metadata,
    items: list.items.map((item) => partialMetadata(item, version)),
  }
}

// apiserver: staging/src/k8s.io/apiserver/pkg/endpoints/handlers/response.go (v1.32) transforms row objects
/** The Table with each row's object replaced as includeObject asks, in the Table version asked for. */
export function withIncludeObject(table: Table, include: IncludeObject, version: 'v1' | 'v1beta1' = 'v1'): Table {
  return {
    ...table,
    apiVersion: `meta.k8s.io/${version}` as Table['apiVersion'],
    rows: table.rows.map((row) => {
      if (include === 'Object' || row.object === undefined) return row
      if (include === 'None') return {cells: row.cells}
      return {cells: row.cells, object: partialMetadata(row.object)}
    }),
  }
}
