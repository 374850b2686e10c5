import type {ResourceInfo} from '../../backend/refs.js'
import type {Store} from '../store/store.js'
import {DEFINITIONS_RESOURCE, type CustomResourceDefinition} from './types.js'

/** The stored definition that serves a group's plural, as the CRD handler finds it by `<plural>.<group>`. */
export function findDefinition(
  store: Store,
  ref: {group: string; resource: string},
): CustomResourceDefinition | undefined {
  // built-in groups never come from a definition: a CRD cannot be named after one (names.plural + group)
  if (!ref.group.includes('.')) return undefined
  const stored = store.get({resource: DEFINITIONS_RESOURCE, namespace: '', name: `${ref.resource}.${ref.group}`})
  return stored?.object as CustomResourceDefinition | undefined
}

/** True when the resource is CustomResourceDefinitions themselves. */
export function isDefinitionResource(info: ResourceInfo): boolean {
  return info.group === 'apiextensions.k8s.io' && info.resource === 'customresourcedefinitions'
}
