// kubectl: pkg/cmd/apply/apply.go applyOneObject, the ServerSideApply branch (v1.32).
import type {Backend} from '../../backend/backend.js'
import type {KubeObject} from '../../backend/object.js'
import type {ResourceInfo, ResourceRef} from '../../backend/refs.js'
import {hasReason} from '../../backend/status.js'

// kubectl: apply.go FieldManagerServerSideApply
export const FIELD_MANAGER_SERVER_SIDE_APPLY = 'kubectl'
// metav1.NamespaceDefault
const DEFAULT_NAMESPACE = 'default'

// kubectl appends this to the API server's conflict message (apply.go, v1.32)
const CONFLICT_ADVICE = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`

/** Options of serverSideApply, as kubectl apply --server-side's flags set them. */
export interface ServerSideApplyOptions {
  /** The namespace for namespaced objects that name none; default 'default'. */
  namespace?: string
  /** --dry-run=server */
  dryRun?: boolean
  /** --field-manager; default 'kubectl'. */
  fieldManager?: string
  /** --force-conflicts */
  force?: boolean
}

/** The outcome of applying one object on the server. */
export interface ServerSideApplyResult {
  operation: 'serverside-applied'
  object: KubeObject
  warnings: string[]
}

/**
 * Sends the whole object as an apply patch (application/apply-patch+yaml): the server creates or merges it
 * and tracks which fields this manager owns. A conflict comes back with kubectl's advice appended.
 */
export async function serverSideApply(
  backend: Backend,
  info: ResourceInfo,
  object: KubeObject,
  options: ServerSideApplyOptions = {},
): Promise<ServerSideApplyResult> {
  const applied = structuredClone(object)
  if (info.namespaced) applied.metadata.namespace ??= options.namespace ?? DEFAULT_NAMESPACE
  else delete applied.metadata.namespace
  const name = applied.metadata.name ?? ''
  const ref: ResourceRef = {group: info.group, version: info.version, resource: info.resource}
  if (info.namespaced && applied.metadata.namespace !== undefined) ref.namespace = applied.metadata.namespace
  let result: KubeObject
  try {
    result = await backend.patch(
      ref,
      name,
      {type: 'apply', body: applied},
      {
        fieldManager: options.fieldManager ?? FIELD_MANAGER_SERVER_SIDE_APPLY,
        force: options.force === true,
        dryRun: options.dryRun === true,
      },
    )
  } catch (error) {
    if (hasReason(error, 'Conflict')) throw new Error(`${error.message}\n${CONFLICT_ADVICE}`, {cause: error})
    throw error
  }
  const warnings =
    result.metadata.deletionTimestamp === undefined
      ? []
      : [`Warning: Detected changes to resource ${name} which is currently being deleted.`]
  return {operation: 'serverside-applied', object: result, warnings}
}
