import type {KubeObject} from '../../../backend/object.js'
import type {ResourceInfo, ResourceRef} from '../../../backend/refs.js'
import type {EmbeddedBackend} from '../../embedded-backend.js'
import type {Route} from '../route.js'
import type {SchemaNode} from './field-validation.js'

/** A request path that names a resource (collection, object or subresource). */
export type ResourceRoute = Extract<Route, {type: 'resource'}>

/** What a resource request needs besides the route. */
export interface ResourceContext {
  backend: EmbeddedBackend
  /** run after every write that stored something, so the control plane can settle */
  afterWrite: () => void
  /** the schema of a kind, for fieldValidation; undefined when nothing is known (nothing is then unknown) */
  schemaFor?: (info: ResourceInfo) => Promise<SchemaNode | undefined>
  /** the request's deadline (request-deadline.ts); reading the body stops there */
  deadline?: AbortSignal
}

/** The backend's ref for a route. */
export function refOf(route: ResourceRoute): ResourceRef {
  const ref: ResourceRef = {group: route.group, version: route.version, resource: route.resource}
  if (route.namespace !== undefined) ref.namespace = route.namespace
  if (route.subresource !== undefined) ref.subresource = route.subresource
  return ref
}

/** The ref of one object of a list, for per-item calls (deletecollection across namespaces). */
export function itemRef(ref: ResourceRef, item: KubeObject): ResourceRef {
  const out: ResourceRef = {group: ref.group, version: ref.version, resource: ref.resource}
  if (item.metadata.namespace !== undefined) out.namespace = item.metadata.namespace
  return out
}
