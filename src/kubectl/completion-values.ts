import type {Backend} from '../backend/backend.js'
import {refFor, type ResourceRegistry} from '../resources/registry.js'
import {listApiResources, toApiResourcesOptions} from './api-resources.js'
import {expandTypes} from './targets.js'

/*
 * The values kubectl's shell completion asks the server for (kubectl/pkg/util/completion/completion.go and
 * kubectl/pkg/cmd/apiresources/apiresources.go CompGetResourceList, v1.32).
 */

/**
 * CompGetResource: the names of the objects of TYPE (`pods`, `deploy`, `pods,svc`) in the namespace that start
 * with the prefix, in the order the server lists them.
 */
export async function resourceNames(
  backend: Backend,
  registry: ResourceRegistry,
  options: {type: string; namespace: string; prefix: string},
): Promise<string[]> {
  const names: string[] = []
  for (const info of expandTypes(registry, options.type)) {
    const list = await backend.list(refFor(info, options.namespace))
    for (const object of list.items) {
      const name = object.metadata.name ?? ''
      if (name.startsWith(options.prefix)) names.push(name)
    }
  }
  return names
}

/**
 * CompGetResourceList: the `resource.group` names of the resource types that can be read (api-resources -o name
 * --verbs=get --cached) starting with the prefix; in a comma-separated list (`pods,secre`), the last element is
 * completed and the ones before it kept.
 */
export async function resourceTypeNames(backend: Backend, toComplete: string): Promise<string[]> {
  const resources = await listApiResources(backend, toApiResourcesOptions({cached: true, verbs: ['get']}))
  const comma = toComplete.lastIndexOf(',')
  const head = toComplete.slice(0, comma + 1)
  const tail = toComplete.slice(comma + 1)
  return resources
    .map((r) => (r.group === '' ? r.resource : `${r.resource}.${r.group}`))
    .filter((name) => name.startsWith(tail))
    .map((name) => `${head}${name}`)
}
