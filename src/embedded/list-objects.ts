import type {ListOptions} from '../backend/backend.js'
import type {KubeObject} from '../backend/object.js'
import type {ResourceInfo} from '../backend/refs.js'
import {badRequest} from '../backend/status.js'
import {convertFieldSelector, fieldsOf, matchesFields, parseFieldSelector} from '../resources/field-selector.js'
import {matchesLabels, parseLabelSelector} from '../resources/label-selector.js'
import {storeResource} from './storage-key.js'
import type {Store} from './store/store.js'

/** The objects of a resource that match the list options' selectors, in namespace/name order. */
export function listObjects(
  store: Store,
  info: ResourceInfo,
  namespace: string | undefined,
  options: ListOptions,
): KubeObject[] {
  const labels = options.labelSelector
    ? parseOrBadRequest(() => parseLabelSelector(options.labelSelector ?? ''))
    : undefined
  // kube-apiserver refuses field labels the kind does not support before it lists (ConvertFieldLabel, v1.32)
  const fields = options.fieldSelector
    ? parseOrBadRequest(() => convertFieldSelector(info, parseFieldSelector(options.fieldSelector ?? '')))
    : undefined
  const all = store.list(storeResource(info), info.namespaced ? namespace : undefined).map((s) => s.object)
  return all.filter(
    (object) =>
      (!labels || matchesLabels(labels, object.metadata.labels)) &&
      (!fields || parseOrBadRequest(() => matchesFields(fields, fieldsOf(info.kind, object)))),
  )
}

interface ContinueToken {
  namespace: string
  name: string
}

/** One page of a list (limit/continue), with the token for the next page. */
export function paginate(items: KubeObject[], options: ListOptions): {items: KubeObject[]; continue?: string} {
  let start = 0
  if (options.continue) {
    const after = decodeContinue(options.continue)
    start = items.findIndex((o) => compareKey(o, after) > 0)
    if (start < 0) start = items.length
  }
  const limit = options.limit && options.limit > 0 ? options.limit : items.length
  const page = items.slice(start, start + limit)
  const last = page[page.length - 1]
  if (start + limit >= items.length || !last) return {items: page}
  const token: ContinueToken = {namespace: last.metadata.namespace ?? '', name: last.metadata.name ?? ''}
  return {items: page, continue: Buffer.from(JSON.stringify(token)).toString('base64url')}
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

function compareKey(object: KubeObject, key: ContinueToken): number {
  const namespace = object.metadata.namespace ?? ''
  if (namespace !== key.namespace) return namespace < key.namespace ? -1 : 1
  const name = object.metadata.name ?? ''
  return name === key.name ? 0 : name < key.name ? -1 : 1
}

function parseOrBadRequest<T>(parse: () => T): T {
  try {
    return parse()
  } catch (error) {
    if (error instanceof Error && !('status' in error)) throw badRequest(error.message)
    throw error
  }
}
