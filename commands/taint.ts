import {Args, Flags} from '@oclif/core'
import {SkiffCommand} from '../src/cli/base-command.js'
import {AggregateErrors, UsageError} from '../src/cli/errors.js'
import {dryRunFlag, printFlags} from '../src/cli/flags.js'
import {createWritePrinter, dryRunSuffix, parseDryRun} from '../src/cli/write-output.js'
import {parseTaints, splitTaintArgs, taintNode} from '../src/kubectl/taint.js'
import {resolveArgTargets} from '../src/kubectl/targets.js'
import {ResourceRegistry} from '../src/resources/registry.js'

const NODES = {group: '', version: 'v1', resource: 'nodes'}

export default class Taint extends SkiffCommand {
  static override summary = 'Update the taints on one or more nodes'
  static override examples = [
    '<%= config.bin %> taint nodes foo dedicated=special-user:NoSchedule',
    '<%= config.bin %> taint nodes foo dedicated:NoSchedule-',
    '<%= config.bin %> taint nodes foo dedicated-',
    '<%= config.bin %> taint node -l myLabel=X  dedicated=foo:PreferNoSchedule',
  ]
  static override strict = false
  static override args = {
    resources: Args.string({description: 'NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N'}),
  }
  static override flags = {
    ...printFlags,
    ...dryRunFlag,
    all: Flags.boolean({description: 'Select all nodes in the cluster'}),
    overwrite: Flags.boolean({
      description:
        'If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.',
    }),
    selector: Flags.string({char: 'l', description: 'Selector (label query) to filter on.'}),
    'field-manager': Flags.string({
      default: 'kubectl-taint',
      description: 'Name of the manager used to track field ownership.',
    }),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Taint)
    const {resources, specs} = splitTaintArgs(argv as string[])
    // kubectl taint Complete/Validate (pkg/cmd/taint/taint.go, v1.32)
    if (specs.length === 0) throw new UsageError('at least one taint update is required', this.commandPath)
    const changes = parseTaints(specs)
    const conflicting = changes.remove.filter((r) =>
      changes.add.some((a) => a.key === r.key && (r.effect === undefined || a.effect === r.effect)),
    )
    if (conflicting.length > 0)
      throw new Error(
        `can not both modify and remove the following taint(s) in the same command: ${conflicting.map((r) => r.key).join(', ')}`,
      )
    const dryRun = parseDryRun(flags['dry-run'])
    const printer = await createWritePrinter(flags)
    const backend = await this.backend(flags)
    const registry = new ResourceRegistry(await backend.discover())
    const visits = resolveArgTargets(registry, {args: resources, namespace: undefined})
    if (visits.length === 0)
      throw new UsageError(
        `USAGE: taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N [flags]`,
        this.commandPath,
      )
    if (visits.some((v) => v.info.resource !== 'nodes' || v.info.group !== ''))
      throw new UsageError('invalid resource type, only "nodes" is supported', this.commandPath)
    const named = visits.flatMap((v) => (v.kind === 'list' ? [] : [v.name]))
    if (named.length === 0 && !flags.all && !flags.selector)
      throw new UsageError('at least one resource name must be specified since --all flag is not set', this.commandPath)
    const nodes = named.length > 0 ? [] : (await backend.list(NODES, {labelSelector: flags.selector})).items
    const errors: unknown[] = []
    for (const name of named) {
      try {
        nodes.push(await backend.get(NODES, name))
      } catch (error) {
        errors.push(error)
      }
    }
    for (const node of nodes) {
      try {
        const result = await taintNode(backend, node, {
          ...changes,
          overwrite: flags.overwrite,
          dryRun,
          fieldManager: flags['field-manager'],
        })
        this.out(printer(result.node, `${result.operation}${dryRunSuffix(dryRun)}`))
      } catch (error) {
        errors.push(error)
      }
    }
    if (errors.length > 0) throw new AggregateErrors(errors)
  }
}
