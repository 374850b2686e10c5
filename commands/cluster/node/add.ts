import {Args} from '@oclif/core'
import {SkiffCommand} from '../../../src/cli/base-command.js'
import {addNode, embeddedClusterOf, openExistingCluster} from '../../../src/cli/cluster-admin.js'
import {resolveTarget} from '../../../src/cli/context.js'

export default class ClusterNodeAdd extends SkiffCommand {
  static override summary = 'Add a worker node to the embedded cluster'
  static override examples = ['<%= config.bin %> cluster node add skiff-worker4']
  static override args = {name: Args.string({description: 'NAME', required: true})}

  async run(): Promise<void> {
    const {args, flags} = await this.parse(ClusterNodeAdd)
    const backend = await openExistingCluster(embeddedClusterOf(resolveTarget(flags)))
    try {
      await addNode(backend, args.name)
      this.out(`node/${args.name} created\n`)
    } finally {
      await backend.close()
    }
  }
}
