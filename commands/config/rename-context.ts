import {Args} from '@oclif/core'
import {SkiffCommand} from '../../src/cli/base-command.js'
import {helpError} from '../../src/cli/command-help.js'

export default class ConfigRenameContext extends SkiffCommand {
  static override summary = 'Rename a context from the kubeconfig file'
  static override description = `Renames a context from the kubeconfig file.

CONTEXT_NAME is the context name that you want to change.

NEW_NAME is the new name you want to set.

Note: If the context being renamed is the 'current-context', this field will also be updated.`
  static override examples = [
    "# Rename the context 'old-name' to 'new-name' in your kubeconfig file\n<%= config.bin %> config rename-context old-name new-name",
  ]
  static override strict = false
  static override args = {
    from: Args.string({description: 'CONTEXT_NAME'}),
    to: Args.string({description: 'NEW_NAME'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(ConfigRenameContext)
    const {kubeconfigAccess} = await import('../../src/cluster/kubeconfig/access.js')
    const {renameContext} = await import('../../src/cluster/kubeconfig/config-edits.js')
    const args = argv as string[]
    if (args.length !== 2) throw await helpError(this.config, this.id ?? '', `Unexpected args: [${args.join(' ')}]`)
    const [from = '', to = ''] = args
    await renameContext(kubeconfigAccess(flags.kubeconfig, process.env), from, to)
    this.out(`Context "${from}" renamed to "${to}".\n`)
  }
}
