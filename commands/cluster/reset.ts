import {SkiffCommand} from '../../src/cli/base-command.js'
import {embeddedClusterOf, resetCluster} from '../../src/cli/cluster-admin.js'
import {resolveTarget} from '../../src/cli/context.js'

export default class ClusterReset extends SkiffCommand {
  static override summary = 'Put the current embedded cluster back to fresh, with the same nodes'
  static override examples = ['<%= config.bin %> cluster reset', '<%= config.bin %> cluster reset --context dev']

  async run(): Promise<void> {
    const {flags} = await this.parse(ClusterReset)
    const name = embeddedClusterOf(resolveTarget(flags))
    await resetCluster(name)
    this.out(`cluster "${name}" reset\n`)
  }
}
