import {Args, Flags} from '@oclif/core'
import {SkiffCommand} from '../../src/cli/base-command.js'
import {AggregateErrors} from '../../src/cli/errors.js'
import {dryRunFlag, filenameFlags, printFlags} from '../../src/cli/flags.js'
import {readTargets, resolveVisits} from '../../src/cli/resource-targets.js'
import {createWritePrinter, dryRunSuffix, parseDryRun} from '../../src/cli/write-output.js'
import {undoDeployment} from '../../src/kubectl/rollout/undo.js'

export default class RolloutUndo extends SkiffCommand {
  static override summary = 'Undo a previous rollout'
  static override description = 'Roll back to a previous rollout.'
  static override examples = [
    '<%= config.bin %> rollout undo deployment/abc',
    '<%= config.bin %> rollout undo deployment/abc --to-revision=3',
  ]
  static override strict = false
  static override args = {resources: Args.string({description: '(TYPE NAME | TYPE/NAME) [flags]'})}
  static override flags = {
    ...filenameFlags,
    ...printFlags,
    ...dryRunFlag,
    selector: Flags.string({char: 'l', description: 'Selector (label query) to filter on.'}),
    'to-revision': Flags.integer({
      default: 0,
      description: 'The revision to rollback to. Default to 0 (last revision).',
    }),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(RolloutUndo)
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
    })
    const read = await readTargets(backend, visits, {selector: flags.selector})
    errors.push(...read.errors)
    for (const target of read.targets) {
      try {
        if (target.object.kind !== 'Deployment')
          throw new Error(`no rollbacker has been implemented for "${target.object.kind}"`)
        const result = await undoDeployment(backend, target.ref, target.object, {
          toRevision: flags['to-revision'],
          dryRun,
        })
        this.out(printer(result.object, `${result.operation}${dryRunSuffix(dryRun)}`))
      } catch (error) {
        errors.push(error)
      }
    }
    if (errors.length > 0) throw new AggregateErrors(errors)
  }
}
