import {SkiffCommand} from '../../src/cli/base-command.js'

export default class ConfigGetUsers extends SkiffCommand {
  static override summary = 'Display users defined in the kubeconfig'
  static override description = 'Display users defined in the kubeconfig.'
  static override examples = ['# List the users that kubectl knows about\n<%= config.bin %> config get-users']
  static override strict = false

  async run(): Promise<void> {
    const {flags} = await this.parse(ConfigGetUsers)
    const {kubeconfigAccess, startingKubeconfig} = await import('../../src/cluster/kubeconfig/access.js')
    const {printNames} = await import('../../src/output/name-column.js')
    const config = startingKubeconfig(kubeconfigAccess(flags.kubeconfig, process.env))
    this.out(printNames(config.users.map((u) => u.name)))
  }
}
