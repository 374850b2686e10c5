import {SkiffCommand} from '../../src/cli/base-command.js'

export default class ConfigGetClusters extends SkiffCommand {
  static override summary = 'Display clusters defined in the kubeconfig'
  static override description =
    'Display clusters defined in the kubeconfig. Embedded clusters are listed by `cluster list` and `config get-contexts`.'
  static override examples = ['# List the clusters that kubectl knows about\n<%= config.bin %> config get-clusters']
  static override strict = false

  async run(): Promise<void> {
    const {flags} = await this.parse(ConfigGetClusters)
    const {kubeconfigAccess, startingKubeconfig} = await import('../../src/cluster/kubeconfig/access.js')
    const {printNames} = await import('../../src/output/name-column.js')
    const config = startingKubeconfig(kubeconfigAccess(flags.kubeconfig, process.env))
    this.out(printNames(config.clusters.map((c) => c.name)))
  }
}
