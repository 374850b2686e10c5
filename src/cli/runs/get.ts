import {AggregateErrors, UsageError} from '../errors.js'
import type {CommandContext} from '../command-context.js'
import {registryFor, registryForManifests, type ConnectionFlags} from '../context.js'
import {readFilenameArgs} from '../manifest-input.js'
import {resolveOutput} from '../output-flags.js'
import {getResources, type GetResult} from '../../kubectl/get.js'
import {isMapped, mapManifestObjects} from '../../kubectl/manifest-objects.js'
import {resolveArgTargets, type Visit} from '../../kubectl/targets.js'
import {asList} from '../../output/list.js'
import type {ResolvedPrinter} from '../../output/print-flags.js'
import {sortObjects, sortTableRows} from '../../output/sort-by.js'
import {printTables, TablePrinter, type TablePrintOptions} from '../../output/table.js'
import type {ResourceInfo} from '../../backend/refs.js'
import type {Table} from '../../backend/table.js'
import {kindPrefix} from '../../resources/registry.js'

/** The flags of `get`, as the oclif command and the fast path both deliver them. */
export interface GetFlags extends ConnectionFlags {
  output?: string | undefined
  template?: string | undefined
  'allow-missing-template-keys'?: boolean | undefined
  selector?: string | undefined
  'field-selector'?: string | undefined
  filename?: string[] | undefined
  recursive?: boolean | undefined
  'all-namespaces'?: boolean | undefined
  'show-labels'?: boolean | undefined
  'label-columns'?: string[] | undefined
  'sort-by'?: string | undefined
  'no-headers'?: boolean | undefined
  'ignore-not-found'?: boolean | undefined
  'show-kind'?: boolean | undefined
  watch?: boolean | undefined
  'watch-only'?: boolean | undefined
  'output-watch-events'?: boolean | undefined
  'chunk-size'?: number | undefined
}

/** `get`: fetch what the arguments or files name, print it as -o says, report errors after the output. */
export async function runGet(ctx: CommandContext, args: readonly string[], flags: GetFlags): Promise<void> {
  const filenames = flags.filename ?? []
  if (args.length === 0 && filenames.length === 0) {
    ctx.err(
      `You must specify the type of resource to get. Use "${ctx.bin} api-resources" for a complete list of supported resources.\n\n`,
    )
    throw new UsageError(
      `Required resource not specified.\nUse "${ctx.bin} explain <resource>" for a detailed description of that resource (e.g. ${ctx.bin} explain pods).`,
      ctx.commandPath,
    )
  }
  const {printer} = await resolveOutput(flags, {humanReadable: true})
  const backend = await ctx.backend(flags)
  const registry = await registryFor(backend, args)
  const allNamespaces = flags['all-namespaces'] === true
  const namespace = ctx.namespace(flags)
  const errors: unknown[] = []
  const visits: Visit[] = []
  if (filenames.length > 0) {
    if (args.length > 0) {
      throw new Error('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well')
    }
    const entries = await readFilenameArgs(filenames, flags.recursive === true)
    for (const entry of mapManifestObjects(await registryForManifests(backend, entries, registry), entries, {
      namespace,
      explicit: flags.namespace !== undefined,
    })) {
      if (!isMapped(entry)) errors.push(entry.error)
      else {
        const {metadata} = entry.object
        visits.push({kind: 'named', info: entry.info, namespace: metadata.namespace, name: metadata.name ?? ''})
      }
    }
  } else {
    visits.push(...resolveArgTargets(registry, {args, namespace: allNamespaces ? undefined : namespace}))
  }
  if (flags.watch || flags['watch-only']) {
    const {watchResources} = await import('./get-watch.js')
    await watchResources(ctx, backend, visits, printer, flags)
    return
  }
  const sortBy = flags['sort-by']
  // one listed resource prints chunk by chunk (nothing to sort across chunks, one header)
  const streamed = printer.type === 'table' && !sortBy && visits.length === 1 && visits[0]?.kind === 'list'
  const stream = streamed ? new StreamedTable(ctx, printer.wide, flags, allNamespaces) : undefined
  const result = await getResources(backend, {
    visits,
    labelSelector: flags.selector,
    fieldSelector: flags['field-selector'],
    ignoreNotFound: flags['ignore-not-found'] === true,
    as: printer.type === 'table' ? 'table' : 'objects',
    chunkSize: flags['chunk-size'],
    includeObject: sortBy ? 'Object' : 'Metadata',
    ...(stream ? {onListPage: (info: ResourceInfo, page: Table) => stream.print(info, page)} : {}),
  })
  errors.push(...result.errors)
  if (stream) {
    if (!stream.printed && errors.length === 0) noResourcesFound(ctx, flags, allNamespaces, namespace, visits)
  } else if (printer.type === 'table') {
    printTableResult(ctx, result, printer, flags, {allNamespaces, namespace, noErrors: errors.length === 0})
  } else {
    await printObjectResult(ctx, result, printer, flags['sort-by'])
  }
  if (errors.length > 0) throw new AggregateErrors(errors)
}

function printTableResult(
  ctx: CommandContext,
  result: GetResult,
  printer: Extract<ResolvedPrinter, {type: 'table'}>,
  flags: GetFlags,
  context: {allNamespaces: boolean; namespace: string; noErrors: boolean},
): void {
  const resources = new Set(result.groups.map((g) => `${g.info.group}/${g.info.resource}`))
  const withKind = flags['show-kind'] === true || resources.size > 1
  const sortBy = flags['sort-by']
  const text = printTables(
    result.groups.map((group) => ({
      table: sortBy ? sortTableRows(group.table, sortBy) : group.table,
      resource: `${group.info.group}/${group.info.resource}`,
      withNamespace: context.allNamespaces && group.info.namespaced,
      ...(withKind ? {kindPrefix: kindPrefix(group.info)} : {}),
    })),
    printOptions(printer.wide, flags),
  )
  ctx.out(text)
  if (text === '' && context.noErrors) {
    noResourcesFound(ctx, flags, context.allNamespaces, context.namespace, result.groups)
  }
}

function noResourcesFound(
  ctx: CommandContext,
  flags: GetFlags,
  allNamespaces: boolean,
  namespace: string,
  listed: readonly {info: ResourceInfo}[],
): void {
  if (flags['ignore-not-found']) return
  const allNamespaced = !allNamespaces && listed.every((g) => g.info.namespaced)
  ctx.err(allNamespaced ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n')
}

/**
 * The table of one listed resource printed page by page as the chunks arrive. kubectl prints after the
 * last chunk, aligning every row together; here columns are as wide as the rows printed so far need
 * (widths only grow, as with `get -w`), so a list of one chunk (--chunk-size, 500 by default) prints
 * exactly as kubectl's, and a longer one may widen a column at a chunk boundary.
 */
class StreamedTable {
  private printer: TablePrinter | undefined
  printed = false

  constructor(
    private readonly ctx: CommandContext,
    private readonly wide: boolean,
    private readonly flags: GetFlags,
    private readonly allNamespaces: boolean,
  ) {}

  print(info: ResourceInfo, page: Table): void {
    this.printer ??= new TablePrinter({
      ...printOptions(this.wide, this.flags),
      withNamespace: this.allNamespaces && info.namespaced,
      ...(this.flags['show-kind'] === true ? {kindPrefix: kindPrefix(info)} : {}),
    })
    const text = this.printer.print(page)
    this.printed ||= text !== ''
    this.ctx.out(text)
  }
}

function printOptions(wide: boolean, flags: GetFlags): Omit<TablePrintOptions, 'withNamespace' | 'kindPrefix'> {
  return {
    wide,
    noHeaders: flags['no-headers'],
    showLabels: flags['show-labels'],
    labelColumns: (flags['label-columns'] ?? []).flatMap((l) => l.split(',')).filter((l) => l !== ''),
  }
}

async function printObjectResult(
  ctx: CommandContext,
  result: GetResult,
  printer: Exclude<ResolvedPrinter, {type: 'table'}>,
  sortBy: string | undefined,
): Promise<void> {
  // a single named object that failed prints nothing but its error (get.go printGeneric)
  if (result.singleItem && result.errors.length > 0) return
  const objects = sortBy ? sortObjects(result.objects, sortBy) : result.objects
  const single = result.singleItem && objects.length === 1
  const {createObjectPrinter} = await import('../../output/object-printer.js')
  ctx.out(createObjectPrinter(printer).print(single ? objects[0] : asList(objects)))
}
