import {Args} from '@oclif/core'
import {SkiffCommand} from '../../src/cli/base-command.js'
import {deleteCluster} from '../../src/cli/cluster-admin.js'

export default class ClusterDelete extends SkiffCommand {
  static override summary = 'Delete an embedded cluster and everything in it'
  static override examples = ['<%= config.bin %> cluster delete dev']
  static override args = {name: Args.string({description: 'NAME', required: true})}

  async run(): Promise<void> {
    const {args} = await this.parse(ClusterDelete)
    deleteCluster(args.name)
    this.out(`cluster "${args.name}" deleted\n`)
  }
}
