import {Args, Flags} from '@oclif/core'
import {SkiffCommand} from '../src/cli/base-command.js'
import {AggregateErrors, UsageError} from '../src/cli/errors.js'
import {filenameFlags, printFlags, selectorFlags} from '../src/cli/flags.js'
import {readFilenameArgs} from '../src/cli/manifest-input.js'
import {resolveOutput} from '../src/cli/write-output.js'
import {getResources, type GetResult} from '../src/kubectl/get.js'
import {isMapped, mapManifestObjects} from '../src/kubectl/manifest-objects.js'
import {resolveArgTargets, type Visit} from '../src/kubectl/targets.js'
import {asList} from '../src/output/list.js'
import {createObjectPrinter} from '../src/output/object-printer.js'
import type {ResolvedPrinter} from '../src/output/print-flags.js'
import {sortObjects, sortTableRows} from '../src/output/sort-by.js'
import {printTables} from '../src/output/table.js'
import {kindPrefix, ResourceRegistry} from '../src/resources/registry.js'

export default class Get extends SkiffCommand {
  static override summary = 'Display one or many resources'
  static override description =
    'Display one or many resources. Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag.'
  static override examples = [
    '<%= config.bin %> get pods',
    '<%= config.bin %> get pods -o wide',
    '<%= config.bin %> get deployment web -o yaml',
    '<%= config.bin %> get pods,services -l app=web',
    "<%= config.bin %> get pods -o jsonpath='{.items[*].metadata.name}'",
  ]
  static override strict = false
  static override args = {
    resources: Args.string({
      description: '(TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...)',
    }),
  }
  static override flags = {
    ...printFlags,
    ...selectorFlags,
    ...filenameFlags,
    'all-namespaces': Flags.boolean({
      char: 'A',
      description: 'If present, list the requested object(s) across all namespaces.',
    }),
    'show-labels': Flags.boolean({
      description: 'When printing, show all labels as the last column (default hide labels column).',
    }),
    'label-columns': Flags.string({
      char: 'L',
      multiple: true,
      multipleNonGreedy: true,
      description: 'Accepts a comma separated list of labels that are going to be presented as columns.',
    }),
    'sort-by': Flags.string({
      description: 'If non-empty, sort list types using this field specification (a JSONPath expression).',
    }),
    'no-headers': Flags.boolean({
      description: "When using the default or custom-column output format, don't print headers.",
    }),
    'ignore-not-found': Flags.boolean({
      description: 'If the requested object does not exist the command will return exit code 0.',
    }),
    'show-kind': Flags.boolean({description: 'If present, list the resource type for the requested object(s).'}),
    'chunk-size': Flags.integer({
      default: 500,
      description: 'Return large lists in chunks rather than all at once. Pass 0 to disable.',
    }),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Get)
    const args = argv as string[]
    const filenames = flags.filename ?? []
    if (args.length === 0 && filenames.length === 0) {
      this.err(
        `You must specify the type of resource to get. Use "${this.config.bin} api-resources" for a complete list of supported resources.\n\n`,
      )
      throw new UsageError(
        `Required resource not specified.\nUse "${this.config.bin} explain <resource>" for a detailed description of that resource (e.g. ${this.config.bin} explain pods).`,
        this.commandPath,
      )
    }
    const {printer} = await resolveOutput(flags, {humanReadable: true})
    const backend = await this.backend(flags)
    const registry = new ResourceRegistry(await backend.discover())
    const allNamespaces = flags['all-namespaces']
    const namespace = this.namespace(flags)
    const errors: unknown[] = []
    const visits: Visit[] = []
    if (filenames.length > 0) {
      if (args.length > 0)
        throw new Error(
          'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
        )
      const entries = await readFilenameArgs(filenames, flags.recursive)
      for (const entry of mapManifestObjects(registry, entries, {namespace, explicit: flags.namespace !== undefined})) {
        if (!isMapped(entry)) errors.push(entry.error)
        else
          visits.push({
            kind: 'named',
            info: entry.info,
            namespace: entry.object.metadata.namespace,
            name: entry.object.metadata.name ?? '',
          })
      }
    } else {
      visits.push(...resolveArgTargets(registry, {args, namespace: allNamespaces ? undefined : namespace}))
    }
    const result = await getResources(backend, {
      visits,
      labelSelector: flags.selector,
      fieldSelector: flags['field-selector'],
      ignoreNotFound: flags['ignore-not-found'],
      as: printer.type === 'table' ? 'table' : 'objects',
    })
    errors.push(...result.errors)
    if (printer.type === 'table')
      this.printTables(result, printer, flags, {allNamespaces, namespace, noErrors: errors.length === 0})
    else this.printObjects(result, printer, flags['sort-by'])
    if (errors.length > 0) throw new AggregateErrors(errors)
  }

  private printTables(
    result: GetResult,
    printer: Extract<ResolvedPrinter, {type: 'table'}>,
    flags: {
      'sort-by'?: string | undefined
      'no-headers': boolean
      'show-labels': boolean
      'label-columns'?: string[] | undefined
      'show-kind': boolean
      'ignore-not-found': boolean
    },
    context: {allNamespaces: boolean; namespace: string; noErrors: boolean},
  ): void {
    const resources = new Set(result.groups.map((g) => `${g.info.group}/${g.info.resource}`))
    const withKind = flags['show-kind'] || resources.size > 1
    const sortBy = flags['sort-by']
    const text = printTables(
      result.groups.map((group) => ({
        table: sortBy ? sortTableRows(group.table, sortBy) : group.table,
        resource: `${group.info.group}/${group.info.resource}`,
        withNamespace: context.allNamespaces && group.info.namespaced,
        ...(withKind ? {kindPrefix: kindPrefix(group.info)} : {}),
      })),
      {
        wide: printer.wide,
        noHeaders: flags['no-headers'],
        showLabels: flags['show-labels'],
        labelColumns: (flags['label-columns'] ?? []).flatMap((l) => l.split(',')).filter((l) => l !== ''),
      },
    )
    this.out(text)
    if (text === '' && context.noErrors && !flags['ignore-not-found']) {
      const allNamespaced = !context.allNamespaces && result.groups.every((g) => g.info.namespaced)
      this.err(allNamespaced ? `No resources found in ${context.namespace} namespace.\n` : 'No resources found\n')
    }
  }

  private printObjects(
    result: GetResult,
    printer: Exclude<ResolvedPrinter, {type: 'table'}>,
    sortBy: string | undefined,
  ): void {
    // a single named object that failed prints nothing but its error (get.go printGeneric)
    if (result.singleItem && result.errors.length > 0) return
    const objects = sortBy ? sortObjects(result.objects, sortBy) : result.objects
    const single = result.singleItem && objects.length === 1
    this.out(createObjectPrinter(printer).print(single ? objects[0] : asList(objects)))
  }
}
