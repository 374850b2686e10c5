import type {Backend, ListOptions} from '../../backend/backend.js'
import type {KubeObject} from '../../backend/object.js'
import {parseApiVersion} from '../../backend/refs.js'
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
  const list = await backend.list(ref, options)
  const withEvents = flags['output-watch-events'] === true
  const print = await eventPrinter(ctx, backend, printer, flags)
  if (!flags['watch-only']) {
    for (const object of list.items) await print(withEvents ? 'ADDED' : undefined, object)
  }
  for await (const event of backend.watch(ref, {...options, resourceVersion: list.metadata.resourceVersion})) {
    if (event.type === 'ERROR')
      throw new Error(String((event.object as {message?: unknown})['message'] ?? 'watch failed'))
    if (event.type === 'BOOKMARK') continue
    await print(withEvents ? event.type : undefined, event.object)
  }
}

type EventPrint = (eventType: string | undefined, object: KubeObject) => Promise<void>

async function eventPrinter(
  ctx: CommandContext,
  backend: Backend,
  printer: ResolvedPrinter,
  flags: GetFlags,
): Promise<EventPrint> {
  if (printer.type !== 'table') {
    const {createObjectPrinter} = await import('../../output/object-printer.js')
    const objects = createObjectPrinter(printer)
    return async (eventType, object) => ctx.out(objects.print(eventType ? {type: eventType, object} : object))
  }
  const table = new TablePrinter({
    wide: printer.wide,
    noHeaders: flags['no-headers'] === true,
    withNamespace: flags['all-namespaces'] === true,
    showLabels: flags['show-labels'] === true,
  })
  // each event's row shows the object as the event carries it, so every step of a change is seen
  return async (eventType, object) => {
    const {group} = parseApiVersion(object.apiVersion)
    const now = await backend.serverTime()
    ctx.out(table.print(buildTable([object], columnsFor(group, object.kind), now), eventType))
  }
}
