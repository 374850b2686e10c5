import type {ResourceInfo} from '../backend/refs.js'
import {DEFINITIONS_RESOURCE, isConditionTrue, type CustomResourceDefinition} from './crd/types.js'
import type {Store} from './store/store.js'

// the verbs the CRD handler serves for every custom resource (customresource_handler.go, v1.32)
const CUSTOM_RESOURCE_VERBS = ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch']

/**
 * The resources that the stored CustomResourceDefinitions serve (each served version), under the names the
 * naming controller accepted; a definition whose names are not accepted is not served, as the CRD handler
 * passes its requests on (customresource_handler.go ServeHTTP, v1.32).
 */
export function customResources(store: Store): ResourceInfo[] {
  const infos: ResourceInfo[] = []
  for (const {object} of store.list(DEFINITIONS_RESOURCE)) {
    const crd = object as CustomResourceDefinition
    const names = servedNames(crd)
    if (!names || !crd.spec?.group) continue
    for (const version of crd.spec.versions ?? []) {
      if (!version.served) continue
      infos.push({
        group: crd.spec.group,
        version: version.name,
        kind: names.kind,
        resource: names.plural,
        singular: names.singular || names.kind.toLowerCase(),
        shortNames: names.shortNames ?? [],
        namespaced: crd.spec.scope === 'Namespaced',
        verbs: CUSTOM_RESOURCE_VERBS,
        categories: names.categories ?? [],
      })
    }
  }
  return infos
}

// definitions written before conditions existed are served under their spec's names
function servedNames(crd: CustomResourceDefinition): CustomResourceDefinition['spec']['names'] | undefined {
  const conditions = crd.status?.conditions
  if (conditions === undefined || conditions.length === 0) return crd.spec?.names
  if (!isConditionTrue(crd, 'NamesAccepted') && !isConditionTrue(crd, 'Established')) return undefined
  const accepted = crd.status?.acceptedNames
  return accepted?.plural ? accepted : undefined
}
