import type {ListOptions} from '../backend/backend.js'
import type {KubeObject} from '../backend/object.js'
import type {ResourceInfo} from '../backend/refs.js'
import {badRequest} from '../backend/status.js'
import {convertFieldSelector, fieldsOf, matchesFields, parseFieldSelector} from '../resources/field-selector.js'
import {matchesLabels, parseLabelSelector} from '../resources/label-selector.js'
import {storeResource} from './storage-key.js'
import type {Store} from './store/store.js'

/** One page of a list: the matching objects, and the token for the next page when more may follow. */
export interface ListPage {
  items: KubeObject[]
  continue?: string
}

/**
 * The objects of a resource that match the list options' selectors, in namespace/name order, one page of
 * `limit` (all without one) after the `continue` key. As kube-apiserver's storage does, it reads on from the
 * key and filters until the page is full, and offers a token whenever more objects follow, matching or not.
 */
export function listObjects(
  store: Store,
  info: ResourceInfo,
  namespace: string | undefined,
  options: ListOptions,
): ListPage {
  const labels = options.labelSelector
    ? parseOrBadRequest(() => parseLabelSelector(options.labelSelector ?? ''))
    : undefined
  // kube-apiserver refuses field labels the kind does not support before it lists (ConvertFieldLabel, v1.32)
  const fields = options.fieldSelector
    ? parseOrBadRequest(() => convertFieldSelector(info, parseFieldSelector(options.fieldSelector ?? '')))
    : undefined
  const after = options.continue ? decodeContinue(options.continue) : undefined
  const limit = options.limit && options.limit > 0 ? options.limit : Infinity
  const items: KubeObject[] = []
  let more = false
  for (const {object} of store.scan(storeResource(info), info.namespaced ? namespace : undefined, after)) {
    if (items.length >= limit) {
      more = true
      break
    }
    if (labels && !matchesLabels(labels, object.metadata.labels)) continue
    if (fields && !parseOrBadRequest(() => matchesFields(fields, fieldsOf(info.kind, object)))) continue
    items.push(object)
  }
  const last = items[items.length - 1]
  if (!more || !last) return {items}
  const token: ContinueToken = {namespace: last.metadata.namespace ?? '', name: last.metadata.name ?? ''}
  return {items, continue: Buffer.from(JSON.stringify(token)).toString('base64url')}
}

interface ContinueToken {
  namespace: string
  name: string
}

function decodeContinue(text: string): ContinueToken {
  try {
    const token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<ContinueToken>
    if (typeof token.namespace === 'string' && typeof token.name === 'string')
      return {namespace: token.namespace, name: token.name}
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error
  }
  throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)')
}

function parseOrBadRequest<T>(parse: () => T): T {
  try {
    return parse()
  } catch (error) {
    if (error instanceof Error && !('status' in error)) throw badRequest(error.message)
    throw error
  }
}
