import {Args, Flags} from '@oclif/core'
import {SkiffCommand} from '../../src/cli/base-command.js'
import {setContext} from '../../src/cli/context.js'

export default class ConfigSetContext extends SkiffCommand {
  static override summary = 'Set a context entry in kubeconfig'
  static override description =
    'Specifying a name that already exists will merge new fields on top of existing values for those fields. On an embedded cluster only --namespace applies; it is kept under $SKIFF_HOME.'
  static override examples = [
    '<%= config.bin %> config set-context --current --namespace=shop',
    '<%= config.bin %> config set-context gce --user=cluster-admin',
  ]
  static override args = {name: Args.string({description: 'CONTEXT_NAME'})}
  static override flags = {
    current: Flags.boolean({description: 'Modify the current context'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(ConfigSetContext)
    const {name, created} = await setContext(
      {name: args.name, current: flags.current === true},
      {namespace: flags.namespace, cluster: flags.cluster, user: flags.user},
      {kubeconfig: flags.kubeconfig},
    )
    this.out(`Context "${name}" ${created ? 'created' : 'modified'}.\n`)
  }
}
