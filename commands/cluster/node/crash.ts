import {Args} from '@oclif/core'
import {SkiffCommand} from '../../../src/cli/base-command.js'
import {crashClusterNode, embeddedClusterOf, openExistingCluster} from '../../../src/cli/cluster-admin.js'
import {resolveTarget} from '../../../src/cli/context.js'

export default class ClusterNodeCrash extends SkiffCommand {
  static override summary = 'Cut the power of an embedded node: its heartbeats and containers stop'
  static override examples = ['<%= config.bin %> cluster node crash skiff-worker']
  static override args = {name: Args.string({description: 'NAME', required: true})}

  async run(): Promise<void> {
    const {args, flags} = await this.parse(ClusterNodeCrash)
    const backend = await openExistingCluster(embeddedClusterOf(resolveTarget(flags)))
    try {
      await crashClusterNode(backend, args.name)
      this.out(`node/${args.name} crashed\n`)
    } finally {
      await backend.close()
    }
  }
}
