import {Args} from '@oclif/core'
import {SkiffCommand} from '../../src/cli/base-command.js'
import {printCommandHelp} from '../../src/cli/command-help.js'

export default class ConfigDeleteContext extends SkiffCommand {
  static override summary = 'Delete the specified context from the kubeconfig'
  static override description =
    'Delete the specified context from the kubeconfig. An embedded cluster is no kubeconfig context: `cluster delete` removes it.'
  static override examples = [
    '# Delete the context for the minikube cluster\n<%= config.bin %> config delete-context minikube',
  ]
  static override strict = false
  static override args = {name: Args.string({description: 'NAME'})}

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(ConfigDeleteContext)
    const {kubeconfigAccess} = await import('../../src/cluster/kubeconfig/access.js')
    const {deleteContext} = await import('../../src/cluster/kubeconfig/config-edits.js')
    const args = argv as string[]
    // kubectl answers a wrong number of names with its help and success (delete_context.go, v1.32)
    if (args.length !== 1) {
      await printCommandHelp(this.config, this.id ?? '')
      return
    }
    const name = args[0] ?? ''
    const {file, wasCurrent} = await deleteContext(kubeconfigAccess(flags.kubeconfig, process.env), name)
    if (wasCurrent)
      this.err(
        `warning: this removed your active context, use "${this.config.bin} config use-context" to select a different one\n`,
      )
    this.out(`deleted context ${name} from ${file}\n`)
  }
}
