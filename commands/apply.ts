import {Flags} from '@oclif/core'
import {SkiffCommand} from '../src/cli/base-command.js'
import {registryForManifests} from '../src/cli/context.js'
import {AggregateErrors} from '../src/cli/errors.js'
import {dryRunFlag, filenameFlags, printFlags} from '../src/cli/flags.js'
import {readFilenameArgs} from '../src/cli/manifest-input.js'
import {withReadErrorsLast} from '../src/cli/read-errors.js'
import {createWritePrinter, dryRunSuffix, parseDryRun} from '../src/cli/write-output.js'
import {applyObject} from '../src/kubectl/apply/apply-object.js'
import {serverSideApply} from '../src/kubectl/apply/server-side.js'
import {isMapped, mapManifestObjects} from '../src/kubectl/manifest-objects.js'
import {fieldValidationOf} from '../src/kubectl/validate-flag.js'
import {matchesLabels, parseLabelSelector} from '../src/resources/label-selector.js'

export default class Apply extends SkiffCommand {
  static override summary = 'Apply a configuration to a resource by file name or stdin'
  static override description =
    "Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. JSON and YAML formats are accepted."
  static override examples = [
    '<%= config.bin %> apply -f ./pod.json',
    'cat pod.json | <%= config.bin %> apply -f -',
    '<%= config.bin %> apply -R -f ./manifests/',
  ]
  static override flags = {
    ...filenameFlags,
    ...printFlags,
    ...dryRunFlag,
    selector: Flags.string({
      char: 'l',
      description: 'Selector (label query) to filter on; only objects from the files that match are applied.',
    }),
    'field-manager': Flags.string({
      description:
        "Name of the manager used to track field ownership. Default: 'kubectl-client-side-apply', or 'kubectl' with --server-side.",
    }),
    'server-side': Flags.boolean({
      description: 'If true, apply runs in the server instead of the client.',
    }),
    'force-conflicts': Flags.boolean({
      description: 'If true, server-side apply will force the changes against conflicts.',
    }),
    overwrite: Flags.boolean({
      default: true,
      allowNo: true,
      description:
        'Automatically resolve conflicts between the modified and live configuration by using values from the modified configuration',
    }),
    validate: Flags.string({
      default: 'strict',
      description: 'Must be one of: strict (or true), warn, ignore (or false).',
    }),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Apply)
    if (!flags.filename?.length) {
      throw new Error('must specify one of -f and -k')
    }
    const dryRun = parseDryRun(flags['dry-run'])
    const fieldValidation = fieldValidationOf(flags.validate)
    // kubectl apply.go Validate (v1.32)
    if (flags['force-conflicts'] && !flags['server-side'])
      throw new Error('--force-conflicts only works with --server-side')
    if (flags['server-side'] && dryRun === 'client') {
      throw new Error("--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)")
    }
    const printer = await createWritePrinter(flags)
    const selector = flags.selector ? parseLabelSelector(flags.selector) : undefined
    const entries = await readFilenameArgs(flags.filename, flags.recursive, {validate: fieldValidation !== 'Ignore'})
    const backend = await this.backend(flags)
    const registry = await registryForManifests(backend, entries)
    const namespace = this.namespace(flags)
    // kubectl apply reads every object first (GetObjects), then applies them: the reading errors come first
    const readErrors: unknown[] = []
    const namespaceErrors: unknown[] = []
    const errors: unknown[] = []
    let objectCount = 0
    for (const entry of mapManifestObjects(registry, entries, {namespace, explicit: flags.namespace !== undefined})) {
      if (!isMapped(entry)) {
        ;(entry.duringRead ? readErrors : namespaceErrors).push(entry.error)
        continue
      }
      if (selector && !matchesLabels(selector, entry.object.metadata.labels)) continue
      objectCount++
      try {
        const result = flags['server-side']
          ? await serverSideApply(backend, entry.info, entry.object, {
              namespace,
              dryRun: dryRun === 'server',
              ...(flags['field-manager'] === undefined ? {} : {fieldManager: flags['field-manager']}),
              force: flags['force-conflicts'],
            })
          : await applyObject(backend, entry.info, entry.object, {
              namespace,
              dryRun,
              fieldManager: flags['field-manager'],
              fieldValidation,
              overwrite: flags.overwrite,
              source: entry.source.file,
              commandName: this.config.bin,
            })
        for (const warning of result.warnings) this.err(`${warning}\n`)
        this.out(printer(result.object, `${result.operation}${dryRunSuffix(dryRun)}`))
      } catch (error) {
        errors.push(error)
      }
    }
    const objectErrors = withReadErrorsLast(namespaceErrors, readErrors)
    // kubectl apply.go Run (v1.32): an empty file, or one whose objects the selector all leaves out
    if (objectCount === 0 && objectErrors.length === 0) throw new Error('no objects passed to apply')
    const [only] = objectErrors
    const all = [
      ...(objectErrors.length > 1 ? [new AggregateErrors(objectErrors)] : only === undefined ? [] : [only]),
      ...errors,
    ]
    if (all.length > 0) throw new AggregateErrors(all)
  }
}
