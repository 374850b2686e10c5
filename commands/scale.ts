import {Args, Flags} from '@oclif/core'
import {SkiffCommand} from '../src/cli/base-command.js'
import {aggregateMessage} from '../src/resources/aggregate-message.js'
import {AggregateErrors} from '../src/cli/errors.js'
import {dryRunFlag, filenameFlags, printFlags} from '../src/cli/flags.js'
import {readTargets, resolveVisits} from '../src/cli/resource-targets.js'
import {createWritePrinter, dryRunSuffix, parseDryRun} from '../src/cli/write-output.js'
import {scaleObject} from '../src/kubectl/scale.js'

export default class Scale extends SkiffCommand {
  static override summary = 'Set a new size for a deployment, replica set, or replication controller'
  static override description =
    'Set a new size for a deployment, replica set, replication controller, or stateful set.\n\nScale also allows users to specify one or more preconditions for the scale action.\n\nIf --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server.'
  static override examples = [
    '<%= config.bin %> scale --replicas=3 rs/foo',
    '<%= config.bin %> scale --replicas=3 -f foo.yaml',
    '<%= config.bin %> scale --current-replicas=2 --replicas=3 deployment/mysql',
    '<%= config.bin %> scale --replicas=5 rc/example1 rc/example2 rc/example3',
    '<%= config.bin %> scale --replicas=3 statefulset/web',
  ]
  static override strict = false
  static override args = {resources: Args.string({description: '(-f FILENAME | TYPE NAME)'})}
  static override flags = {
    ...filenameFlags,
    ...printFlags,
    ...dryRunFlag,
    all: Flags.boolean({description: 'Select all resources in the namespace of the specified resource types'}),
    selector: Flags.string({
      char: 'l',
      description:
        "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
    }),
    replicas: Flags.integer({required: true, description: 'The new desired number of replicas. Required.'}),
    'current-replicas': Flags.integer({
      default: -1,
      description:
        'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.',
    }),
    'resource-version': Flags.string({
      default: '',
      description:
        'Precondition for resource version. Requires that the current resource version match this value in order to scale.',
    }),
    timeout: Flags.string({
      default: '0s',
      description: "The length of time to wait before giving up on a scale operation, zero means don't wait.",
    }),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Scale)
    // kubectl scale Validate (pkg/cmd/scale/scale.go, v1.32)
    if (flags.replicas < 0)
      throw new Error('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0')
    if (flags['current-replicas'] < -1)
      throw new Error('The --current-replicas must specify an integer of -1 or greater')
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
      all: flags.all,
    })
    if (errors.length > 0) throw new AggregateErrors(errors)
    // objects that cannot be read are reported after the others are scaled, as kubectl's visitor does
    const read = await readTargets(backend, visits, {selector: flags.selector})
    if (read.targets.length === 0) {
      const missing = read.errors.map((e) => (e instanceof Error ? e.message : String(e)))
      throw new Error(
        missing.length > 0 ? `no objects passed to scale ${aggregateMessage(missing)}` : 'no objects passed to scale',
      )
    }
    if (flags['resource-version'] !== '' && read.targets.length > 1)
      throw new Error('cannot use --resource-version with multiple resources')
    // kubectl stops at the first object that fails to scale
    for (const target of read.targets) {
      await scaleObject(backend, target.ref, target.name, {
        replicas: flags.replicas,
        currentReplicas: flags['current-replicas'],
        resourceVersion: flags['resource-version'],
        dryRun,
      })
      this.out(printer(target.object, `scaled${dryRunSuffix(dryRun)}`))
    }
    if (read.errors.length > 0) throw new AggregateErrors(read.errors)
  }
}
