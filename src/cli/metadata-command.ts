import {Flags} from '@oclif/core'
import {registryForManifests} from './context.js'
import {AggregateErrors, UsageError} from './errors.js'
import {SkiffCommand} from './base-command.js'
import {dryRunFlag, filenameFlags, printFlags} from './flags.js'
import {readFilenameArgs} from './manifest-input.js'
import {createWritePrinter, dryRunSuffix, parseDryRun} from './write-output.js'
import {editMetadata, labelChangeVerb, parseMetadataArgs, type MetadataMap} from '../kubectl/metadata-edit.js'
import {isMapped, mapManifestObjects} from '../kubectl/manifest-objects.js'
import {resolveArgTargets, type Visit} from '../kubectl/targets.js'
import {refFor, ResourceRegistry} from '../resources/registry.js'

/** The flags `label` and `annotate` share (kubectl label.go / annotate.go, v1.32). */
export const metadataFlags = {
  ...filenameFlags,
  ...printFlags,
  ...dryRunFlag,
  overwrite: Flags.boolean({
    description:
      'If true, allow labels/annotations to be overwritten, otherwise reject updates that overwrite existing ones.',
  }),
  all: Flags.boolean({description: 'Select all resources, in the namespace of the specified resource types'}),
  'all-namespaces': Flags.boolean({char: 'A', description: 'If true, check the specified action in all namespaces.'}),
  selector: Flags.string({char: 'l', description: 'Selector (label query) to filter on.'}),
  'field-selector': Flags.string({description: 'Selector (field query) to filter on.'}),
  'resource-version': Flags.string({
    description: 'If non-empty, the update will only succeed if this is the current resource-version for the object.',
  }),
  local: Flags.boolean({description: 'If true, will NOT contact api-server but run locally.'}),
}

/** The shared run of `label` and `annotate`: resolve targets, edit one map, print `kind/name labeled`. */
export abstract class MetadataCommand extends SkiffCommand {
  protected async editAll(
    field: MetadataMap,
    argv: readonly string[],
    flags: {
      filename?: string[] | undefined
      recursive: boolean
      output?: string | undefined
      'dry-run'?: string | undefined
      overwrite: boolean
      all: boolean
      'all-namespaces': boolean
      selector?: string | undefined
      'field-selector'?: string | undefined
      'resource-version'?: string | undefined
      'field-manager': string
      namespace?: string | undefined
      context?: string | undefined
      kubeconfig?: string | undefined
    },
  ): Promise<void> {
    const {resources, changes} = parseMetadataArgs(argv)
    if (Object.keys(changes.set).length === 0 && changes.remove.length === 0) {
      throw new UsageError(
        `at least one ${field === 'labels' ? 'label' : 'annotation'} update is required`,
        this.commandPath,
      )
    }
    const dryRun = parseDryRun(flags['dry-run'])
    const printer = await createWritePrinter(flags)
    const backend = await this.backend(flags)
    const registry = new ResourceRegistry(await backend.discover())
    const namespace = this.namespace(flags)
    const errors: unknown[] = []
    const visits: Visit[] = []
    if (flags.filename?.length) {
      const entries = await readFilenameArgs(flags.filename, flags.recursive)
      for (const entry of mapManifestObjects(await registryForManifests(backend, entries, registry), entries, {
        namespace,
        explicit: flags.namespace !== undefined,
      })) {
        if (isMapped(entry))
          visits.push({
            kind: 'named',
            info: entry.info,
            namespace: entry.object.metadata.namespace,
            name: entry.object.metadata.name ?? '',
          })
        else errors.push(entry.error)
      }
    } else {
      if (resources.length === 0)
        throw new UsageError(
          'one or more resources must be specified as <resource> <name> or <resource>/<name>',
          this.commandPath,
        )
      visits.push(
        ...resolveArgTargets(registry, {args: resources, namespace: flags['all-namespaces'] ? undefined : namespace}),
      )
      if (visits.some((v) => v.kind === 'list') && !flags.all && !flags.selector && !flags['field-selector']) {
        throw new Error('resource(s) were provided, but no name was specified')
      }
    }
    for (const visit of visits) {
      const ref = refFor(visit.info, visit.namespace)
      try {
        const objects =
          visit.kind === 'list'
            ? (await backend.list(ref, {labelSelector: flags.selector, fieldSelector: flags['field-selector']})).items
            : [await backend.get(ref, visit.name)]
        for (const current of objects) {
          const objectRef = refFor(visit.info, current.metadata.namespace)
          const result = await editMetadata(backend, objectRef, current, field, changes, {
            overwrite: flags.overwrite,
            dryRun: dryRun !== 'none',
            fieldManager: flags['field-manager'],
            resourceVersion: flags['resource-version'],
          })
          const operation =
            field === 'labels'
              ? labelChangeVerb(current.metadata.labels, result.object.metadata.labels, flags.overwrite)
              : 'annotated'
          this.out(printer(result.object, `${operation}${dryRunSuffix(dryRun)}`))
        }
      } catch (error) {
        errors.push(error)
      }
    }
    if (errors.length > 0) throw new AggregateErrors(errors)
  }
}
