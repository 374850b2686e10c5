import type {Backend, ListOptions} from '../../backend/backend.js'
import type {KubeObject} from '../../backend/object.js'
import type {ResourceRef} from '../../backend/refs.js'

/**
 * Lists every object of a resource, following `continue` tokens page by page of `chunkSize`
 * (cli-runtime resource.FollowContinue, as describers page with --chunk-size).
 */
export async function listAll(
  backend: Backend,
  ref: ResourceRef,
  options: ListOptions,
  chunkSize?: number,
): Promise<KubeObject[]> {
  const items: KubeObject[] = []
  let token: string | undefined
  do {
    const page: ListOptions = {...options}
    if (chunkSize !== undefined && chunkSize > 0) page.limit = chunkSize
    if (token !== undefined) page.continue = token
    const list = await backend.list(ref, page)
    items.push(...list.items)
    token = list.metadata.continue || undefined
  } while (token !== undefined)
  return items
}
