import type {Backend, ListOptions} from '../../backend/backend.js'
import type {KubeObject} from '../../backend/object.js'
import {parseApiVersion, type ResourceRef} from '../../backend/refs.js'
import type {TableWatchEvent} from '../../backend/watch.js'
import {buildTable, columnsFor} from '../../resources/columns/index.js'
import {refFor} from '../../resources/registry.js'
import type {Visit} from '../../kubectl/targets.js'
import type {ResolvedPrinter} from '../../output/print-flags.js'
import {TablePrinter} from '../../output/table.js'
import type {CommandContext} from '../command-context.js'
import type {GetFlags} from './get.js'

/**
 * `get -w` / `--watch-only` (kubectl get.go watch, v1.32): one resource type, the current state first
 * (unless --watch-only), then a line (or object) per change as it happens, until interrupted.
 */
export async function watchResources(
  ctx: CommandContext,
  backend: Backend,
  visits: readonly Visit[],
  printer: ResolvedPrinter,
  flags: GetFlags,
): Promise<void> {
  const types = new Set(visits.map((v) => `${v.info.group}/${v.info.resource}`))
  const [visit] = visits
  if (!visit || types.size !== 1 || visits.length > 1) {
    throw new Error(
      'watch is only supported on individual resources and resource collections - more than 1 resource was found',
    )
  }
  const ref = refFor(visit.info, visit.namespace)
  const options: ListOptions = {labelSelector: flags.selector, fieldSelector: flags['field-selector']}
  if (visit.kind !== 'list') options.fieldSelector = `metadata.name=${visit.name}`
  const withEvents = flags['output-watch-events'] === true
  if (printer.type === 'table') {
    await watchTables(ctx, backend, ref, options, tablePrinter(printer, flags), flags)
    return
  }
  const list = await backend.list(ref, options)
  const {createObjectPrinter} = await import('../../output/object-printer.js')
  const objects = createObjectPrinter(printer)
  const print = (eventType: string | undefined, object: KubeObject): void =>
    ctx.out(objects.print(eventType ? {type: eventType, object} : object))
  if (!flags['watch-only']) {
    for (const object of list.items) print(withEvents ? 'ADDED' : undefined, object)
  }
  for await (const event of backend.watch(ref, {...options, resourceVersion: list.metadata.resourceVersion})) {
    if (event.type === 'ERROR')
      throw new Error(String((event.object as {message?: unknown})['message'] ?? 'watch failed'))
    if (event.type === 'BOOKMARK') continue
    print(withEvents ? event.type : undefined, event.object)
  }
}

function tablePrinter(printer: ResolvedPrinter, flags: GetFlags): TablePrinter {
  return new TablePrinter({
    wide: printer.type === 'table' && printer.wide,
    noHeaders: flags['no-headers'] === true,
    withNamespace: flags['all-namespaces'] === true,
    showLabels: flags['show-labels'] === true,
  })
}

/**
 * The table form of a watch, as kubectl asks for it: the current rows as the server's Table (one flush),
 * then a row per change in the server's columns, so a custom resource shows its printer columns throughout.
 */
async function watchTables(
  ctx: CommandContext,
  backend: Backend,
  ref: ResourceRef,
  options: ListOptions,
  table: TablePrinter,
  flags: GetFlags,
): Promise<void> {
  const withEvents = flags['output-watch-events'] === true
  const current = await backend.table(ref, options)
  if (!flags['watch-only'] && current.rows.length > 0) ctx.out(table.print(current, withEvents ? 'ADDED' : undefined))
  const from = {...options, resourceVersion: current.metadata.resourceVersion}
  for await (const event of tableEvents(backend, ref, from)) {
    ctx.out(table.print(event.table, withEvents ? event.type : undefined))
  }
}

/** The backend's Table watch; a backend that serves none gets the built-in printer's columns. */
async function* tableEvents(backend: Backend, ref: ResourceRef, options: ListOptions): AsyncIterable<TableWatchEvent> {
  if (backend.watchTable) {
    yield* backend.watchTable(ref, options)
    return
  }
  for await (const event of backend.watch(ref, options)) {
    if (event.type === 'ERROR')
      throw new Error(String((event.object as {message?: unknown})['message'] ?? 'watch failed'))
    if (event.type === 'BOOKMARK') continue
    const {group} = parseApiVersion(event.object.apiVersion)
    const table = buildTable([event.object], columnsFor(group, event.object.kind), await backend.serverTime())
    yield {type: event.type, table}
  }
}
