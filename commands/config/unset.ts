import {Args} from '@oclif/core'
import {SkiffCommand} from '../../src/cli/base-command.js'
import {helpError} from '../../src/cli/command-help.js'

export default class ConfigUnset extends SkiffCommand {
  static override summary = 'Unset an individual value in a kubeconfig file'
  static override description = `Unset an individual value in a kubeconfig file.

PROPERTY_NAME is a dot delimited name where each token represents either an attribute name or a map key.  Map keys may not contain dots.`
  static override examples = [
    '# Unset the current-context\n<%= config.bin %> config unset current-context',
    '# Unset namespace in foo context\n<%= config.bin %> config unset contexts.foo.namespace',
  ]
  static override strict = false
  static override args = {property: Args.string({description: 'PROPERTY_NAME'})}

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(ConfigUnset)
    const {kubeconfigAccess} = await import('../../src/cluster/kubeconfig/access.js')
    const {unsetKubeconfigProperty} = await import('../../src/cluster/kubeconfig/config-edits.js')
    const args = argv as string[]
    if (args.length !== 1) throw await helpError(this.config, this.id ?? '', `Unexpected args: [${args.join(' ')}]`)
    const property = args[0] ?? ''
    await unsetKubeconfigProperty(kubeconfigAccess(flags.kubeconfig, process.env), property)
    this.out(`Property "${property}" unset.\n`)
  }
}
