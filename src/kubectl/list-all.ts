import type {Backend, ListOptions} from '../backend/backend.js'
import type {KubeObject} from '../backend/object.js'
import type {ResourceRef} from '../backend/refs.js'

/**
 * The pages of a list (or of a list's Table), following `continue` tokens with pages of `chunkSize`
 * (cli-runtime's resource.FollowContinue, as kubectl pages with --chunk-size); 0 or undefined: one page.
 */
export async function* listPages<T extends {metadata: {continue?: string}}>(
  fetch: (options: ListOptions) => Promise<T>,
  options: ListOptions,
  chunkSize?: number,
): AsyncGenerator<T> {
  let token: string | undefined
  do {
    const page: ListOptions = {...options}
    if (chunkSize !== undefined && chunkSize > 0) page.limit = chunkSize
    if (token !== undefined) page.continue = token
    const result = await fetch(page)
    yield result
    token = result.metadata.continue || undefined
  } while (token !== undefined)
}

/** Every object of a resource, page by page of `chunkSize`. */
export async function listAll(
  backend: Backend,
  ref: ResourceRef,
  options: ListOptions,
  chunkSize?: number,
): Promise<KubeObject[]> {
  const items: KubeObject[] = []
  for await (const list of listPages((page) => backend.list(ref, page), options, chunkSize)) items.push(...list.items)
  return items
}
