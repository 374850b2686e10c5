import {Args} from '@oclif/core'
import {SkiffCommand} from '../../src/cli/base-command.js'
import {printCommandHelp} from '../../src/cli/command-help.js'

export default class ConfigDeleteCluster extends SkiffCommand {
  static override summary = 'Delete the specified cluster from the kubeconfig'
  static override description =
    'Delete the specified cluster from the kubeconfig. Embedded clusters are removed with `cluster delete`.'
  static override examples = ['# Delete the minikube cluster\n<%= config.bin %> config delete-cluster minikube']
  static override strict = false
  static override args = {name: Args.string({description: 'NAME'})}

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(ConfigDeleteCluster)
    const {kubeconfigAccess} = await import('../../src/cluster/kubeconfig/access.js')
    const {deleteCluster} = await import('../../src/cluster/kubeconfig/config-edits.js')
    const args = argv as string[]
    // kubectl answers a wrong number of names with its help and success (delete_cluster.go, v1.32)
    if (args.length !== 1) {
      await printCommandHelp(this.config, this.id ?? '')
      return
    }
    const name = args[0] ?? ''
    const {file} = await deleteCluster(kubeconfigAccess(flags.kubeconfig, process.env), name)
    this.out(`deleted cluster ${name} from ${file}\n`)
  }
}
