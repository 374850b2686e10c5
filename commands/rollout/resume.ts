import {Args, Flags} from '@oclif/core'
import {SkiffCommand} from '../../src/cli/base-command.js'
import {AggregateErrors} from '../../src/cli/errors.js'
import {dryRunFlag, filenameFlags, printFlags} from '../../src/cli/flags.js'
import {readTargets, resolveVisits} from '../../src/cli/resource-targets.js'
import {createWritePrinter, dryRunSuffix, parseDryRun} from '../../src/cli/write-output.js'
import {setPaused} from '../../src/kubectl/rollout/pause.js'
import {qualifiedResource} from '../../src/backend/refs.js'

export default class RolloutResume extends SkiffCommand {
  static override summary = 'Resume a paused resource'
  static override description =
    'Resume a paused resource.\n\n Paused resources will not be reconciled by a controller. By resuming a resource, we allow it to be reconciled again. Currently only deployments support being resumed.'
  static override examples = ['<%= config.bin %> rollout resume deployment/nginx']
  static override strict = false
  static override args = {resources: Args.string({description: 'RESOURCE'})}
  static override flags = {
    ...filenameFlags,
    ...printFlags,
    ...dryRunFlag,
    selector: Flags.string({char: 'l', description: 'Selector (label query) to filter on.'}),
    'field-manager': Flags.string({
      default: 'kubectl-rollout',
      description: 'Name of the manager used to track field ownership.',
    }),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(RolloutResume)
    const dryRun = parseDryRun(flags['dry-run'])
    const printer = await createWritePrinter(flags)
    const backend = await this.backend(flags)
    const {visits, errors} = await resolveVisits(backend, {
      args: argv as string[],
      filenames: flags.filename ?? [],
      recursive: flags.recursive,
      namespace: this.namespace(flags),
      explicitNamespace: flags.namespace !== undefined,
      selector: flags.selector,
      all: true,
    })
    const read = await readTargets(backend, visits, {selector: flags.selector})
    errors.push(...read.errors)
    // kubectl rollout_resume.go (v1.32): nothing to patch is no error
    if (read.targets.length === 0 && errors.length === 0)
      this.err(`No resources found in ${this.namespace(flags)} namespace.\n`)
    for (const target of read.targets) {
      try {
        const object = await setPaused(backend, target.ref, target.object, {
          paused: false,
          dryRun,
          fieldManager: flags['field-manager'],
        })
        this.out(printer(object, `resumed${dryRunSuffix(dryRun)}`))
      } catch (error) {
        // kubectl rollout resume: `error: deployments.apps "web" is ...` (pkg/cmd/rollout/rollout_resume.go, v1.32)
        const message = error instanceof Error ? error.message : String(error)
        errors.push(new Error(`error: ${qualifiedResource(target.info)} "${target.name}" ${message}`))
      }
    }
    if (errors.length > 0) throw new AggregateErrors(errors)
  }
}
