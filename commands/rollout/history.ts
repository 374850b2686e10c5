import {Args, Flags} from '@oclif/core'
import {SkiffCommand} from '../../src/cli/base-command.js'
import {AggregateErrors} from '../../src/cli/errors.js'
import {filenameFlags, printFlags} from '../../src/cli/flags.js'
import {readTargets, resolveVisits} from '../../src/cli/resource-targets.js'
import {createWritePrinter} from '../../src/cli/write-output.js'
import {deploymentHistory} from '../../src/kubectl/rollout/history.js'

export default class RolloutHistory extends SkiffCommand {
  static override summary = 'View rollout history'
  static override description = 'View previous rollout revisions and configurations.'
  static override examples = [
    '<%= config.bin %> rollout history deployment/abc',
    '<%= config.bin %> rollout history daemonset/abc --revision=3',
  ]
  static override strict = false
  static override args = {resources: Args.string({description: '(TYPE NAME | TYPE/NAME) [flags]'})}
  static override flags = {
    ...filenameFlags,
    ...printFlags,
    selector: Flags.string({char: 'l', description: 'Selector (label query) to filter on.'}),
    revision: Flags.integer({
      default: 0,
      description: 'See the details, including podTemplate of the revision specified',
    }),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(RolloutHistory)
    if (flags.revision < 0) throw new Error(`revision must be a positive integer: ${flags.revision}`)
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
      // kubectl rollout history (pkg/cmd/rollout/rollout_history.go, v1.32): the name printer's operation
      // carries the table, so the output reads `deployment.apps/web ` then the table
      if (target.object.kind !== 'Deployment') {
        errors.push(new Error(`no history viewer has been implemented for ${target.object.kind}`))
        continue
      }
      const history = await deploymentHistory(backend, target.object, {
        revision: flags.revision,
        now: await backend.serverTime(),
      })
      const withRevision = flags.revision > 0 ? `with revision #${flags.revision}` : ''
      this.out(printer(target.object, `${withRevision}\n${history}`))
    }
    if (errors.length > 0) throw new AggregateErrors(errors)
  }
}
