import type {Backend, ListOptions} from '../backend/backend.js'
import type {KubeObject} from '../backend/object.js'
import type {ResourceInfo} from '../backend/refs.js'
import {hasReason} from '../backend/status.js'
import type {Table} from '../backend/table.js'
import {refFor} from '../resources/registry.js'
import {listAll, listPages} from './list-all.js'
import {explainListError} from './list-error.js'
import type {Visit} from './targets.js'

/** What `get` asks for. */
export interface GetOptions {
  visits: readonly Visit[]
  labelSelector?: string | undefined
  fieldSelector?: string | undefined
  ignoreNotFound: boolean
  /** tables (human output) or objects (-o json|yaml|name|jsonpath|custom-columns) */
  as: 'table' | 'objects'
  /** --chunk-size: lists come in pages of this many objects; 0 or undefined: all at once */
  chunkSize?: number | undefined
  /** what table rows carry: metadata (namespace and labels for -A, -L, --show-labels) or whole objects (--sort-by) */
  includeObject?: 'Metadata' | 'Object'
  /**
   * Takes each page of a listed Table as it arrives, instead of collecting it in the result, so the first
   * rows print after one chunk; the next chunk is already on its way while this one is printed.
   */
  onListPage?: (info: ResourceInfo, page: Table) => void
}

/** Consecutive results of one resource type, merged into one table (one header). */
export interface TableGroup {
  info: ResourceInfo
  table: Table
  /** this group came from a list, not named objects */
  listed: boolean
}

/** What `get` found, with the per-object errors to report after the output (ContinueOnError). */
export interface GetResult {
  groups: TableGroup[]
  objects: KubeObject[]
  /** one named object was asked for: structured output prints it alone, not in a List */
  singleItem: boolean
  errors: unknown[]
}

/** Fetches what the visits name, as kubectl get's builder does with ContinueOnError and Latest. */
export async function getResources(backend: Backend, options: GetOptions): Promise<GetResult> {
  const result: GetResult = {
    groups: [],
    objects: [],
    singleItem: options.visits.length === 1 && options.visits[0]?.kind !== 'list',
    errors: [],
  }
  const listOptions = {labelSelector: options.labelSelector, fieldSelector: options.fieldSelector}
  const includeObject = options.includeObject ?? 'Metadata'
  for (const visit of options.visits) {
    const ref = refFor(visit.info, visit.namespace)
    try {
      if (options.as === 'table') {
        if (visit.kind === 'list') {
          const fetch = (page: ListOptions): Promise<Table> => backend.table(ref, {...page, includeObject})
          for await (const page of prefetching(listPages(fetch, listOptions, options.chunkSize))) {
            if (options.onListPage) options.onListPage(visit.info, page)
            else addRows(result.groups, visit.info, page, true)
          }
        } else {
          addRows(result.groups, visit.info, await backend.table(ref, {name: visit.name, includeObject}), false)
        }
      } else if (visit.kind === 'list') {
        result.objects.push(...(await listAll(backend, ref, listOptions, options.chunkSize)))
      } else {
        result.objects.push(await backend.get(ref, visit.name))
      }
    } catch (error) {
      if (options.ignoreNotFound && hasReason(error, 'NotFound')) continue
      result.errors.push(visit.kind === 'list' ? explainListError(error, visit.info, listOptions) : error)
    }
  }
  return result
}

/**
 * The pages of a paged list, each next page asked for as soon as this one has arrived, while the
 * caller works on this one (kubectl waits for each chunk in turn; the server's time and ours overlap).
 */
async function* prefetching<T>(pages: AsyncGenerator<T>): AsyncGenerator<T> {
  let next = pages.next()
  try {
    for (;;) {
      const current = await next
      if (current.done) return
      next = pages.next()
      // a failure of the page asked ahead is reported when it is reached, not as an unhandled rejection
      next.catch(() => undefined)
      yield current.value
    }
  } finally {
    await pages.return(undefined)
  }
}

function addRows(groups: TableGroup[], info: ResourceInfo, table: Table, listed: boolean): void {
  const last = groups[groups.length - 1]
  if (last && last.info.group === info.group && last.info.resource === info.resource) {
    last.table = {...last.table, rows: [...last.table.rows, ...table.rows]}
    last.listed &&= listed
    return
  }
  groups.push({info, table, listed})
}
