import type {ResourceInfo} from '../backend/refs.js'
import type {StoreKey} from './store/store.js'

/** The store's resource column: 'apps/deployments', '/pods'. */
export function storeResource(info: {group: string; resource: string}): string {
  return `${info.group}/${info.resource}`
}

/** The storage key of a named object of a resource. */
export function storeKey(info: ResourceInfo, namespace: string | undefined, name: string): StoreKey {
  return {resource: storeResource(info), namespace: info.namespaced ? (namespace ?? '') : '', name}
}
