import {Args} from '@oclif/core'
import {SkiffCommand} from '../../src/cli/base-command.js'
import {isSelectableCluster, writeCurrentCluster} from '../../src/cli/cluster-admin.js'

export default class ClusterUse extends SkiffCommand {
  static override summary = 'Make an embedded cluster the current one'
  static override examples = ['<%= config.bin %> cluster use dev']
  static override args = {name: Args.string({description: 'NAME', required: true})}

  async run(): Promise<void> {
    const {args} = await this.parse(ClusterUse)
    // kubectl config use-context's wording (pkg/cmd/config/use_context.go, v1.32)
    if (!isSelectableCluster(args.name)) throw new Error(`no cluster exists with the name: "${args.name}"`)
    writeCurrentCluster(args.name)
    this.out(`Switched to cluster "${args.name}".\n`)
  }
}
