// What kube-apiserver refuses about a resource path before its storage is touched (v1.32):
// - the routes its installer registers (apiserver endpoints/installer.go): a namespaced resource is
//   listed and watched across namespaces at /{resource}, and reached by name only under
//   /namespaces/{ns}/; a cluster-scoped one is never under /namespaces/{ns}/;
// - an empty name (handlers/namer.go errEmptyName);
// - a name that cannot be a path segment, `.`, `..` or one holding '/' or '%' (registry/generic/registry/
//   store.go NamespaceKeyFunc via apimachinery validation/path IsValidPathSegmentName);
// - an empty namespace where one object is meant (NamespaceKeyFunc's "Namespace parameter required.").
import type {ResourceInfo} from '../../../backend/refs.js'
import {badRequest} from '../../../backend/status.js'
import {goQuote} from '../../../resources/go-format.js'
import {nameIsPathSegment} from '../../admission/formats.js'
import {methodNotAllowedOnPath, pathNotFound} from '../status-response.js'
import type {ResourceRoute} from './context.js'

/** What the request does with the path, as far as the checks care. */
export interface PathUse {
  method: string
  /** a watch (query or /watch/ path): it only reads, and a name there is only a filter */
  watch: boolean
}

function isCollectionRead(route: ResourceRoute, use: PathUse): boolean {
  return use.watch || (use.method === 'GET' && route.name === undefined)
}

/**
 * Checks a resource path as kube-apiserver's routes and key functions do, and returns the route the
 * handlers serve: a list or watch under `/namespaces//` reads every namespace, as the API server's does.
 * Writes under an empty namespace are refused even where the API server would take `""` as every
 * namespace (a DELETE on `/namespaces//configmaps` would delete every ConfigMap of the cluster).
 */
export function checkResourcePath(info: ResourceInfo, route: ResourceRoute, use: PathUse): ResourceRoute {
  if (!info.namespaced && route.namespace !== undefined) throw pathNotFound()
  if (info.namespaced && route.namespace === undefined) {
    if (route.name !== undefined) throw pathNotFound()
    // across namespaces there are only the list and watch routes
    if (!isCollectionRead(route, use)) throw methodNotAllowedOnPath()
  }
  if (route.namespace === '') {
    if (!isCollectionRead(route, use)) throw badRequest('Namespace parameter required.')
    const {namespace: _every, ...rest} = route
    return rest
  }
  if (route.name !== undefined && !use.watch) {
    if (route.name === '') throw badRequest('name must be provided')
    const problems = nameIsPathSegment(route.name, false)
    if (problems.length > 0) {
      throw badRequest(`Name parameter invalid: ${goQuote(route.name)}: ${problems.join(';')}`)
    }
  }
  return route
}
