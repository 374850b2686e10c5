import {Args} from '@oclif/core'
import {SkiffCommand} from '../../../src/cli/base-command.js'
import {restoreClusterNode, embeddedClusterOf, openExistingCluster} from '../../../src/cli/cluster-admin.js'
import {resolveTarget} from '../../../src/cli/context.js'

export default class ClusterNodeRestore extends SkiffCommand {
  static override summary = 'Power an embedded node back on'
  static override examples = ['<%= config.bin %> cluster node restore skiff-worker']
  static override args = {name: Args.string({description: 'NAME', required: true})}

  async run(): Promise<void> {
    const {args, flags} = await this.parse(ClusterNodeRestore)
    const backend = await openExistingCluster(embeddedClusterOf(resolveTarget(flags)))
    try {
      await restoreClusterNode(backend, args.name)
      this.out(`node/${args.name} restored\n`)
    } finally {
      await backend.close()
    }
  }
}
