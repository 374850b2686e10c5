import {Args, Flags} from '@oclif/core'
import {SkiffCommand} from '../src/cli/base-command.js'
import {AggregateErrors, UsageError} from '../src/cli/errors.js'
import {dryRunFlag} from '../src/cli/flags.js'
import {dryRunSuffix, parseDryRun} from '../src/cli/write-output.js'
import {setUnschedulable} from '../src/kubectl/drain.js'

export default class Uncordon extends SkiffCommand {
  static override summary = 'Mark node as schedulable'
  static override examples = ['<%= config.bin %> uncordon foo']
  static override args = {node: Args.string({description: 'NODE'})}
  static override flags = {
    ...dryRunFlag,
    selector: Flags.string({char: 'l', description: 'Selector (label query) to filter on.'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Uncordon)
    // kubectl uncordon (pkg/cmd/drain/drain.go, v1.32)
    if (!args.node && !flags.selector) throw new UsageError('USAGE: uncordon NODE [flags]', this.commandPath)
    const dryRun = parseDryRun(flags['dry-run'])
    const backend = await this.backend(flags)
    const names = args.node
      ? [args.node]
      : (await backend.list({group: '', version: 'v1', resource: 'nodes'}, {labelSelector: flags.selector})).items.map(
          (n) => n.metadata.name ?? '',
        )
    const errors: unknown[] = []
    for (const name of names) {
      try {
        const {result} = await setUnschedulable(backend, name, {unschedulable: false, dryRun})
        this.out(`node/${name} ${result}${dryRunSuffix(dryRun)}\n`)
      } catch (error) {
        errors.push(error)
      }
    }
    if (errors.length > 0) throw new AggregateErrors(errors)
  }
}
