import {Args} from '@oclif/core'
import {SkiffCommand} from '../../src/cli/base-command.js'
import {useContext} from '../../src/cli/context.js'

export default class ConfigUseContext extends SkiffCommand {
  static override summary = 'Set the current-context in a kubeconfig file, or switch to an embedded cluster.'
  static override description =
    'A kubeconfig context is written to the kubeconfig as kubectl does; an embedded cluster is remembered under $SKIFF_HOME and takes precedence until a kubeconfig context is chosen again.'
  static override examples = [
    '<%= config.bin %> config use-context minikube',
    '<%= config.bin %> config use-context default',
  ]
  static override args = {name: Args.string({description: 'CONTEXT_NAME', required: true})}

  async run(): Promise<void> {
    const {args, flags} = await this.parse(ConfigUseContext)
    await useContext(args.name, {kubeconfig: flags.kubeconfig})
    this.out(`Switched to context "${args.name}".\n`)
  }
}
