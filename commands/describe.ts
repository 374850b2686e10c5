import {Args, Flags} from '@oclif/core'
import {registryForManifests} from '../src/cli/context.js'
import {SkiffCommand} from '../src/cli/base-command.js'
import {AggregateErrors, UsageError} from '../src/cli/errors.js'
import {filenameFlags, selectorFlags} from '../src/cli/flags.js'
import {readFilenameArgs} from '../src/cli/manifest-input.js'
import {describeObject} from '../src/kubectl/describe/describe-object.js'
import {findDescribeTargets} from '../src/kubectl/describe-targets.js'
import {isMapped, mapManifestObjects} from '../src/kubectl/manifest-objects.js'
import {resolveArgTargets, type Visit} from '../src/kubectl/targets.js'
import {ResourceRegistry} from '../src/resources/registry.js'

export default class Describe extends SkiffCommand {
  static override summary = 'Show details of a specific resource or group of resources'
  static override examples = [
    '<%= config.bin %> describe nodes kubernetes-node-emt8.c.myproject.internal',
    '<%= config.bin %> describe pods/nginx',
    '<%= config.bin %> describe -f pod.json',
    '<%= config.bin %> describe pods',
    '<%= config.bin %> describe pods -l name=myLabel',
  ]
  static override strict = false
  static override args = {
    resources: Args.string({description: '(-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)'}),
  }
  static override flags = {
    ...filenameFlags,
    ...selectorFlags,
    'all-namespaces': Flags.boolean({
      char: 'A',
      description: 'If present, list the requested object(s) across all namespaces.',
    }),
    'show-events': Flags.boolean({
      default: true,
      allowNo: true,
      description: 'If true, display events related to the described object.',
    }),
    'chunk-size': Flags.integer({
      default: 500,
      description: 'Return large lists in chunks rather than all at once. Pass 0 to disable.',
    }),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Describe)
    const args = argv as string[]
    const filenames = flags.filename ?? []
    if (args.length === 0 && filenames.length === 0) {
      throw new UsageError(
        `You must specify the type of resource to describe. Use "${this.config.bin} api-resources" for a complete list of supported resources.\n`,
        this.commandPath,
      )
    }
    const backend = await this.backend(flags)
    const registry = new ResourceRegistry(await backend.discover())
    const namespace = this.namespace(flags)
    const allNamespaces = flags['all-namespaces']
    const errors: unknown[] = []
    const visits: Visit[] = []
    if (filenames.length > 0) {
      const entries = await readFilenameArgs(filenames, flags.recursive)
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
      visits.push(...resolveArgTargets(registry, {args, namespace: allNamespaces ? undefined : namespace}))
    }
    const {targets, errors: lookupErrors} = await findDescribeTargets(backend, visits, {
      labelSelector: flags.selector,
      fieldSelector: flags['field-selector'],
    })
    errors.push(...lookupErrors)
    // ages against the cluster's clock, which `cluster advance` may have moved ahead of this machine's
    const now = await backend.serverTime()
    let first = true
    for (const {info, object} of targets) {
      const text = await describeObject(backend, info, object, {
        now,
        showEvents: flags['show-events'],
        chunkSize: flags['chunk-size'],
      })
      // kubectl separates described objects with two newlines after the first
      this.out(first ? text : `\n\n${text}`)
      first = false
    }
    if (targets.length === 0 && errors.length === 0) {
      this.err(
        allNamespaces || visits.some((v) => !v.info.namespaced)
          ? 'No resources found\n'
          : `No resources found in ${namespace} namespace.\n`,
      )
    }
    if (errors.length > 0) throw new AggregateErrors(errors)
  }
}
