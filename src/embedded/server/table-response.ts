import type {KubeObject} from '../../backend/object.js'
import type {Table} from '../../backend/table.js'

/** True when the Accept header asks for a meta.k8s.io Table (kubectl get's `as=Table;v=v1;g=meta.k8s.io`). */
export function wantsTable(accept: string | undefined): boolean {
  if (accept === undefined) return false
  return accept
    .split(',')
    .some((part) => /;\s*as=Table/.test(part) && /;\s*g=meta\.k8s\.io/.test(part) && /;\s*v=v1(;|$|\s)/.test(part))
}

/** What rows carry, from the includeObject query parameter (None, Object, PartialObjectMetadata by default). */
export type IncludeObject = 'None' | 'Object' | 'PartialObjectMetadata'

/** Parses includeObject; anything unknown falls back to the API server's default. */
export function parseIncludeObject(value: string | null): IncludeObject {
  return value === 'None' || value === 'Object' ? value : 'PartialObjectMetadata'
}

function partialMetadata(object: KubeObject): KubeObject {
  return {kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata}
}

// apiserver: staging/src/k8s.io/apiserver/pkg/endpoints/handlers/response.go (v1.32) transforms row objects
/** The Table with each row's object replaced as includeObject asks. */
export function withIncludeObject(table: Table, include: IncludeObject): Table {
  return {
    ...table,
    rows: table.rows.map((row) => {
      if (include === 'Object' || row.object === undefined) return row
      if (include === 'None') return {cells: row.cells}
      return {cells: row.cells, object: partialMetadata(row.object)}
    }),
  }
}
