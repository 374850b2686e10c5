import {pathSegments} from './request-path.js'

/** What a request path names: a discovery document, or a resource (collection, object or subresource). */
export type Route =
  | {type: 'version'}
  | {type: 'core-versions'}
  | {type: 'groups'}
  | {type: 'group'; group: string}
  | {type: 'resource-list'; group: string; version: string}
  | {
      type: 'resource'
      group: string
      version: string
      resource: string
      namespace?: string
      name?: string
      subresource?: string
      /** a legacy `/watch/` path (GET .../watch/namespaces/ns/pods): a watch whatever the query says */
      watch?: boolean
    }
  | {type: 'openapi-v2'}
  | {type: 'openapi-v3'}
  /** `/openapi/v3/api/v1`, `/openapi/v3/apis/apps/v1`: path is what follows /openapi/v3/ */
  | {type: 'openapi-v3-group'; path: string}
  | {type: 'health'}
  | {type: 'unknown'}

// the namespace object's own subresources, which would otherwise read as /namespaces/{ns}/{resource}
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize'])

function resourcePath(group: string, version: string, rest: readonly string[]): Route {
  let segments = rest
  let namespace: string | undefined
  const watch = segments[0] === 'watch' && segments.length > 1
  if (watch) segments = segments.slice(1)
  if (
    segments[0] === 'namespaces' &&
    segments.length >= 3 &&
    !(segments.length === 3 && NAMESPACE_SUBRESOURCES.has(segments[2] ?? ''))
  ) {
    namespace = segments[1]
    segments = segments.slice(2)
  }
  const [resource, name, subresource, ...extra] = segments
  if (resource === undefined || resource === '' || extra.length > 0) return {type: 'unknown'}
  const route: Route = {type: 'resource', group, version, resource}
  if (namespace !== undefined) route.namespace = namespace
  if (name !== undefined) route.name = name
  if (subresource !== undefined) route.subresource = subresource
  if (watch) route.watch = true
  return route
}

/**
 * Parses a request path (still percent-encoded) as kube-apiserver's REST paths are laid out; throws
 * BadRequest for a malformed escape (request-path.ts).
 */
export function parseRoute(pathname: string): Route {
  const segments = pathSegments(pathname)
  const [root, first, second, ...rest] = segments
  // an empty group or version is no API group or version (the served ones are never empty)
  if ((root === 'api' && first === '') || (root === 'apis' && (first === '' || second === ''))) return {type: 'unknown'}
  if (root === 'version' && segments.length === 1) return {type: 'version'}
  if ((root === 'healthz' || root === 'livez' || root === 'readyz') && segments.length === 1) return {type: 'health'}
  if (root === 'openapi') {
    if (first === 'v2' && second === undefined) return {type: 'openapi-v2'}
    if (first === 'v3' && second === undefined) return {type: 'openapi-v3'}
    if (first === 'v3') return {type: 'openapi-v3-group', path: segments.slice(2).join('/')}
    return {type: 'unknown'}
  }
  if (root === 'api') {
    if (first === undefined) return {type: 'core-versions'}
    if (second === undefined) return {type: 'resource-list', group: '', version: first}
    return resourcePath('', first, [second, ...rest])
  }
  if (root === 'apis') {
    if (first === undefined) return {type: 'groups'}
    if (second === undefined) return {type: 'group', group: first}
    if (rest.length === 0) return {type: 'resource-list', group: first, version: second}
    return resourcePath(first, second, rest)
  }
  return {type: 'unknown'}
}
