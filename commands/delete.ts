import {Args, Flags} from '@oclif/core'
import {registryForManifests} from '../src/cli/context.js'
import {setTimeout as sleep} from 'node:timers/promises'
import {SkiffCommand} from '../src/cli/base-command.js'
import {AggregateErrors} from '../src/cli/errors.js'
import {dryRunFlag, filenameFlags, selectorFlags} from '../src/cli/flags.js'
import {readFilenameArgs} from '../src/cli/manifest-input.js'
import {withReadErrorsLast} from '../src/cli/read-errors.js'
import {dryRunSuffix, parseDryRun} from '../src/cli/write-output.js'
import {
  deleteFileObjects,
  deleteResources,
  waitForDeletion,
  type DeleteRequest,
  type Deleted,
} from '../src/kubectl/delete.js'
import {isMapped, mapManifestObjects} from '../src/kubectl/manifest-objects.js'
import {parseCascade, parseTimeoutMs} from '../src/kubectl/delete-flags.js'
import {resolveArgTargets, type Visit} from '../src/kubectl/targets.js'
import {matchesLabels, parseLabelSelector} from '../src/resources/label-selector.js'
import {kindPrefix, ResourceRegistry} from '../src/resources/registry.js'

// kubectl delete: how often --wait looks again
const WAIT_POLL_MS = 100
const CLUSTER_SCOPE_WARNING = 'Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n'
const FORCE_WARNING =
  'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n'

export default class Delete extends SkiffCommand {
  static override summary =
    'Delete resources by file names, stdin, resources and names, or by resources and label selector'
  static override examples = [
    '<%= config.bin %> delete -f ./pod.json',
    '<%= config.bin %> delete pod,service baz foo',
    '<%= config.bin %> delete pods,services -l name=myLabel',
    '<%= config.bin %> delete pod foo --now',
    '<%= config.bin %> delete pods --all',
  ]
  static override strict = false
  static override args = {resources: Args.string({description: 'TYPE NAME... | TYPE/NAME...'})}
  static override flags = {
    ...filenameFlags,
    ...selectorFlags,
    ...dryRunFlag,
    all: Flags.boolean({description: 'Delete all resources, in the namespace of the specified resource types.'}),
    'all-namespaces': Flags.boolean({
      char: 'A',
      description: 'If present, list the requested object(s) across all namespaces.',
    }),
    'ignore-not-found': Flags.boolean({description: 'Treat "resource not found" as a successful delete.'}),
    cascade: Flags.string({
      default: 'background',
      description: 'Must be "background", "orphan", or "foreground". Defaults to background.',
    }),
    'grace-period': Flags.integer({
      default: -1,
      description: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative.',
    }),
    now: Flags.boolean({
      description: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).',
    }),
    force: Flags.boolean({description: 'If true, immediately remove resources from API and bypass graceful deletion.'}),
    wait: Flags.boolean({
      default: true,
      allowNo: true,
      description: 'If true, wait for resources to be gone before returning.',
    }),
    timeout: Flags.string({
      default: '0s',
      description:
        'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object',
    }),
    output: Flags.string({
      char: 'o',
      description: 'Output mode. Use "-o name" for shorter output (resource/name).',
      options: ['name'],
    }),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Delete)
    const args = argv as string[]
    const filenames = flags.filename ?? []
    if (args.length === 0 && filenames.length === 0) {
      throw new Error(
        "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
      )
    }
    if (flags.now && flags['grace-period'] >= 0)
      throw new Error('--now and --grace-period cannot be specified together')
    if (flags.all && flags.selector) throw new Error('cannot set --all and --selector at the same time')
    const dryRun = parseDryRun(flags['dry-run'])
    let gracePeriodSeconds = flags.now ? 1 : flags['grace-period']
    if (flags.force && gracePeriodSeconds < 0) gracePeriodSeconds = 0
    if (flags.force && gracePeriodSeconds === 0) this.err(FORCE_WARNING)

    const backend = await this.backend(flags)
    const registry = new ResourceRegistry(await backend.discover())
    const namespace = flags['all-namespaces'] ? undefined : this.namespace(flags)
    const errors: unknown[] = []
    const readErrors: unknown[] = []
    const visits: Visit[] = []
    // the file each visit of -f came from, which errors name (AddSourceToErr with info.Source)
    const sources: string[] = []
    if (filenames.length > 0) {
      if (args.length > 0)
        throw new Error(
          'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
        )
      const entries = await readFilenameArgs(filenames, flags.recursive)
      // the builder filters objects read from files by -l as well (cli-runtime builder.go visitByPaths, v1.32)
      const selector = flags.selector ? parseLabelSelector(flags.selector) : undefined
      for (const entry of mapManifestObjects(await registryForManifests(backend, entries, registry), entries, {
        namespace: this.namespace(flags),
        explicit: flags.namespace !== undefined,
      })) {
        if (!isMapped(entry)) (entry.duringRead ? readErrors : errors).push(entry.error)
        else if (!selector || matchesLabels(selector, entry.object.metadata.labels)) {
          visits.push({
            kind: 'named',
            info: entry.info,
            namespace: entry.object.metadata.namespace,
            name: entry.object.metadata.name ?? '',
          })
          sources.push(entry.source.file)
        }
      }
    } else {
      visits.push(...resolveArgTargets(registry, {args, namespace}))
      const listing = visits.some((v) => v.kind === 'list')
      if (listing && !flags.all && !flags.selector && !flags['field-selector']) {
        throw new Error('resource(s) were provided, but no name was specified')
      }
    }

    const request: DeleteRequest = {
      visits,
      labelSelector: flags.selector,
      fieldSelector: flags['field-selector'],
      ignoreNotFound: flags['ignore-not-found'],
      cascade: parseCascade(flags.cascade),
      gracePeriodSeconds,
      dryRun,
    }
    const verb = flags.force && gracePeriodSeconds === 0 ? 'force deleted' : 'deleted'
    const print = (deleted: Deleted): void => {
      const prefix = kindPrefix(deleted.info)
      this.out(
        flags.output === 'name'
          ? `${prefix}/${deleted.name}\n`
          : `${prefix} "${deleted.name}" ${verb}${dryRunSuffix(dryRun)}\n`,
      )
    }
    // kubectl warns once when an explicit -n cannot scope what is deleted (delete.go, WarnClusterScope)
    if (flags.namespace !== undefined && !flags['all-namespaces'] && visits.some((v) => !v.info.namespaced))
      this.err(CLUSTER_SCOPE_WARNING)
    const result =
      sources.length > 0
        ? await deleteFileObjects(backend, request, sources, print)
        : await deleteResources(backend, request, print)
    errors.push(...result.errors)
    // kubectl delete.go DeleteResult (v1.32) says so on stdout when it visited nothing: lists that found nothing,
    // or files without objects (a named object counts as visited even when it is not found)
    const visitedNothing = result.deleted.length === 0 && visits.every((v) => v.kind === 'list')
    if (errors.length === 0 && readErrors.length === 0 && visitedNothing) {
      this.out('No resources found\n')
    }
    if (flags.wait && dryRun === 'none' && result.deleted.length > 0) {
      const {pending} = await waitForDeletion(backend, result.deleted, {
        timeoutMs: parseTimeoutMs(flags.timeout),
        pollMs: WAIT_POLL_MS,
        now: () => performance.now(),
        sleep: (ms) => sleep(ms),
      })
      for (const entry of pending)
        errors.push(new Error(`timed out waiting for the condition on ${entry.info.resource}/${entry.name}`))
    }
    const all = withReadErrorsLast(errors, readErrors)
    if (all.length > 0) throw new AggregateErrors(all)
  }
}
