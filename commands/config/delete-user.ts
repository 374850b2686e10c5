import {Args} from '@oclif/core'
import {SkiffCommand} from '../../src/cli/base-command.js'
import {UsageError} from '../../src/cli/errors.js'

export default class ConfigDeleteUser extends SkiffCommand {
  static override summary = 'Delete the specified user from the kubeconfig'
  static override description = 'Delete the specified user from the kubeconfig.'
  static override examples = ['# Delete the minikube user\n<%= config.bin %> config delete-user minikube']
  static override strict = false
  static override args = {name: Args.string({description: 'NAME'})}

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(ConfigDeleteUser)
    const {kubeconfigAccess} = await import('../../src/cluster/kubeconfig/access.js')
    const {deleteUser} = await import('../../src/cluster/kubeconfig/config-edits.js')
    const args = argv as string[]
    if (args.length !== 1) throw new UsageError('user to delete is required', this.commandPath)
    const name = args[0] ?? ''
    const {file} = await deleteUser(kubeconfigAccess(flags.kubeconfig, process.env), name)
    this.out(`deleted user ${name} from ${file}\n`)
  }
}
