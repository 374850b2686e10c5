import type {ResourceInfo} from '../backend/refs.js'
import type {Store} from './store/store.js'

interface CrdSpec {
  group: string
  scope: 'Namespaced' | 'Cluster'
  names: {plural: string; singular?: string; kind: string; shortNames?: string[]; categories?: string[]}
  versions: Array<{name: string; served: boolean; storage: boolean}>
}

/** The resources that the stored CustomResourceDefinitions serve (each served version). */
export function customResources(store: Store): ResourceInfo[] {
  const infos: ResourceInfo[] = []
  for (const {object} of store.list('apiextensions.k8s.io/customresourcedefinitions')) {
    if (object.metadata.deletionTimestamp !== undefined) continue
    const spec = object['spec'] as CrdSpec | undefined
    if (!spec?.names) continue
    for (const version of spec.versions ?? []) {
      if (!version.served) continue
      infos.push({
        group: spec.group,
        version: version.name,
        kind: spec.names.kind,
        resource: spec.names.plural,
        singular: spec.names.singular ?? spec.names.kind.toLowerCase(),
        shortNames: spec.names.shortNames ?? [],
        namespaced: spec.scope === 'Namespaced',
        verbs: ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'],
        categories: spec.names.categories ?? [],
      })
    }
  }
  return infos
}
