import {Args, Flags} from '@oclif/core'
import {SkiffCommand} from '../../src/cli/base-command.js'
import {createCluster, writeCurrentCluster} from '../../src/cli/cluster-admin.js'
import {UsageError} from '../../src/cli/errors.js'
import {isQuantity, tryParseQuantity} from '../../src/resources/quantity.js'

// the default embedded cluster's machines (DESIGN.md, issue 4)
const DEFAULT_WORKERS = 3
const DEFAULT_NODE_CPU = '4'
const DEFAULT_NODE_MEMORY = '8Gi'

export default class ClusterCreate extends SkiffCommand {
  static override summary = 'Create an embedded cluster and make it the current one'
  static override examples = [
    '<%= config.bin %> cluster create dev',
    '<%= config.bin %> cluster create big --nodes 5 --node-cpu 8 --node-memory 16Gi',
  ]
  static override args = {name: Args.string({description: 'NAME', required: true})}
  static override flags = {
    nodes: Flags.integer({
      default: DEFAULT_WORKERS,
      description: 'Number of worker nodes, besides the control-plane node.',
    }),
    'node-cpu': Flags.string({default: DEFAULT_NODE_CPU, description: 'CPU capacity of each node.'}),
    'node-memory': Flags.string({default: DEFAULT_NODE_MEMORY, description: 'Memory capacity of each node.'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(ClusterCreate)
    if (flags.nodes < 0) throw new UsageError('--nodes must be 0 or more', this.commandPath)
    for (const [flag, value] of [
      ['--node-cpu', flags['node-cpu']],
      ['--node-memory', flags['node-memory']],
    ] as const) {
      const parsed = tryParseQuantity(value)
      if (!isQuantity(parsed))
        throw new UsageError(`invalid value "${value}" for ${flag}: ${parsed.error}`, this.commandPath)
    }
    await createCluster(args.name, {workers: flags.nodes, cpu: flags['node-cpu'], memory: flags['node-memory']})
    writeCurrentCluster(args.name)
    this.out(`cluster "${args.name}" created\nSwitched to cluster "${args.name}".\n`)
  }
}
