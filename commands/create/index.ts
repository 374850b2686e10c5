import {Flags} from '@oclif/core'
import {SkiffCommand} from '../../src/cli/base-command.js'
import {AggregateErrors} from '../../src/cli/errors.js'
import {dryRunFlag, filenameFlags, printFlags} from '../../src/cli/flags.js'
import {readFilenameArgs} from '../../src/cli/manifest-input.js'
import {withReadErrorsLast} from '../../src/cli/read-errors.js'
import {withSource} from '../../src/kubectl/source-error.js'
import {createWritePrinter, dryRunSuffix, parseDryRun} from '../../src/cli/write-output.js'
import {createObject} from '../../src/kubectl/create.js'
import {isMapped, mapManifestObjects} from '../../src/kubectl/manifest-objects.js'
import {matchesLabels, parseLabelSelector} from '../../src/resources/label-selector.js'
import {registryForManifests} from '../../src/cli/context.js'
import {fieldValidationOf} from '../../src/kubectl/validate-flag.js'

export default class Create extends SkiffCommand {
  static override summary = 'Create a resource from a file or from stdin'
  static override description = 'Create a resource from a file or from stdin. JSON and YAML formats are accepted.'
  static override examples = ['<%= config.bin %> create -f ./pod.json', 'cat pod.json | <%= config.bin %> create -f -']
  static override flags = {
    ...filenameFlags,
    ...printFlags,
    ...dryRunFlag,
    'field-manager': Flags.string({
      default: 'kubectl-create',
      description: 'Name of the manager used to track field ownership.',
    }),
    selector: Flags.string({
      char: 'l',
      description: 'Selector (label query) to filter on; only objects from the files that match are created.',
    }),
    validate: Flags.string({
      default: 'strict',
      description: 'Must be one of: strict (or true), warn, ignore (or false).',
    }),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Create)
    if (!flags.filename?.length) throw new Error('must specify one of -f and -k')
    const dryRun = parseDryRun(flags['dry-run'])
    const fieldValidation = fieldValidationOf(flags.validate)
    const printer = await createWritePrinter(flags)
    const selector = flags.selector ? parseLabelSelector(flags.selector) : undefined
    const entries = await readFilenameArgs(flags.filename, flags.recursive, {validate: fieldValidation !== 'Ignore'})
    const backend = await this.backend(flags)
    const registry = await registryForManifests(backend, entries)
    const errors: unknown[] = []
    const readErrors: unknown[] = []
    let objectCount = 0
    const mapped = mapManifestObjects(registry, entries, {
      namespace: this.namespace(flags),
      explicit: flags.namespace !== undefined,
    })
    for (const entry of mapped) {
      if (!isMapped(entry)) {
        ;(entry.duringRead ? readErrors : errors).push(entry.error)
        continue
      }
      if (selector && !matchesLabels(selector, entry.object.metadata.labels)) continue
      objectCount++
      try {
        const created = await createObject(backend, entry.object, dryRun, flags['field-manager'], fieldValidation)
        this.out(printer(created, `created${dryRunSuffix(dryRun)}`))
      } catch (error) {
        errors.push(withSource('creating', entry.source.file, error))
      }
    }
    const all = withReadErrorsLast(errors, readErrors)
    // kubectl create.go RunCreate (v1.32)
    if (objectCount === 0 && all.length === 0) throw new Error('no objects passed to create')
    if (all.length > 0) throw new AggregateErrors(all)
  }
}
