import type {Backend, DeleteOptions, ListOptions, LogOptions, Patch, WriteOptions} from './backend.js'
import type {KubeObject} from './object.js'
import type {ResourceRef} from './refs.js'
import {checkRequestPath} from './request-path.js'

/** The request path an object names when it is written back (PUT .../namespaces/NS/RESOURCE/NAME). */
function objectPath(object: KubeObject): {ref: ResourceRef; name: string} {
  const {namespace, name} = object.metadata
  return {ref: {group: '', version: '', resource: '', ...(namespace ? {namespace} : {})}, name: name ?? ''}
}

/**
 * A Backend whose every request is checked as client-go's REST client checks it before sending
 * (rest/request.go, v1.32): a command's careless `delete cm ..` is refused on both backends alike,
 * before anything is read or written.
 */
export function withCheckedPaths(backend: Backend): Backend {
  const checked: Backend = {
    version: () => backend.version(),
    serverTime: () => backend.serverTime(),
    discover: () => backend.discover(),
    async get(ref, name) {
      checkRequestPath(ref, name)
      return backend.get(ref, name)
    },
    async list(ref, options?: ListOptions) {
      checkRequestPath(ref)
      return backend.list(ref, options)
    },
    async table(ref, options) {
      checkRequestPath(ref, options?.name)
      return backend.table(ref, options)
    },
    async create(object, options?: WriteOptions) {
      checkRequestPath(objectPath(object).ref)
      return backend.create(object, options)
    },
    async update(object, options) {
      const {ref, name} = objectPath(object)
      checkRequestPath(options?.subresource ? {...ref, subresource: options.subresource} : ref, name)
      return backend.update(object, options)
    },
    async patch(ref, name, patch: Patch, options?: WriteOptions) {
      checkRequestPath(ref, name)
      return backend.patch(ref, name, patch, options)
    },
    async delete(ref, name, options?: DeleteOptions) {
      checkRequestPath(ref, name)
      return backend.delete(ref, name, options)
    },
    async *watch(ref, options?: ListOptions) {
      checkRequestPath(ref)
      yield* backend.watch(ref, options)
    },
    async *logs(pod, namespace, options?: LogOptions) {
      checkRequestPath({group: '', version: 'v1', resource: 'pods', namespace, subresource: 'log'}, pod)
      yield* backend.logs(pod, namespace, options)
    },
    close: () => backend.close(),
  }
  const {rediscover, watchTable, openApi} = backend
  if (rediscover) checked.rediscover = () => rediscover.call(backend)
  if (openApi) checked.openApi = (path) => openApi.call(backend, path)
  if (watchTable)
    checked.watchTable = async function* (ref, options) {
      checkRequestPath(ref)
      yield* watchTable.call(backend, ref, options)
    }
  return checked
}
