import type {KubeObject} from '../../../backend/object.js'
import type {ResourceRef} from '../../../backend/refs.js'
import type {EmbeddedBackend} from '../../embedded-backend.js'
import {parseRoute} from '../route.js'
import {pathNotFound} from '../status-response.js'
import {openApiDocumentText} from './serve-openapi.js'

const CRDS: ResourceRef = {group: 'apiextensions.k8s.io', version: 'v1', resource: 'customresourcedefinitions'}

/**
 * An OpenAPI document of the embedded cluster read in-process, exactly as `skiff serve` answers its path
 * (`/openapi/v3`, `/openapi/v3/apis/apps/v1?hash=...`, `/openapi/v2`); a path no group serves is a 404 Status.
 */
export async function localOpenApiDocument(backend: EmbeddedBackend, path: string): Promise<unknown> {
  const route = parseRoute(path.split('?')[0] ?? '')
  if (route.type !== 'openapi-v2' && route.type !== 'openapi-v3' && route.type !== 'openapi-v3-group')
    throw pathNotFound()
  const text = await openApiDocumentText(route, await backend.version(), async () => ({
    resources: await backend.discover(),
    crds: (await backend.list(CRDS)).items as KubeObject[],
  }))
  if (text === undefined) throw pathNotFound()
  return JSON.parse(text) as unknown
}
