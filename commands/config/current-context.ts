import {SkiffCommand} from '../../src/cli/base-command.js'
import {currentContextName} from '../../src/cli/context.js'

export default class ConfigCurrentContext extends SkiffCommand {
  static override summary = 'Display the current-context'
  static override description =
    'Display the current-context: the embedded cluster chosen with use-context, else the kubeconfig current-context.'
  static override examples = ['<%= config.bin %> config current-context']

  async run(): Promise<void> {
    const {flags} = await this.parse(ConfigCurrentContext)
    this.out(`${currentContextName({kubeconfig: flags.kubeconfig})}\n`)
  }
}
