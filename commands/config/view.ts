import {Flags} from '@oclif/core'
import {SkiffCommand} from '../../src/cli/base-command.js'
import {loadKubeconfigInForce} from '../../src/cluster/contexts.js'
import {kubeconfigDocument} from '../../src/cluster/kubeconfig/document.js'
import {printJson} from '../../src/output/json.js'
import {printYaml} from '../../src/output/yaml.js'

export default class ConfigView extends SkiffCommand {
  static override summary = 'Display merged kubeconfig settings or a specified kubeconfig file'
  static override description =
    'Certificate and key data are shown as DATA+OMITTED and tokens and passwords as REDACTED unless --raw is given.'
  static override examples = ['<%= config.bin %> config view', '<%= config.bin %> config view --minify -o json']
  static override flags = {
    output: Flags.string({
      char: 'o',
      description: 'Output format. One of: (json, yaml).',
      options: ['json', 'yaml'],
      default: 'yaml',
    }),
    minify: Flags.boolean({description: 'Remove all information not used by current-context from the output'}),
    raw: Flags.boolean({description: 'Display raw byte data and sensitive data'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(ConfigView)
    const config = loadKubeconfigInForce(flags.kubeconfig, process.env)
    const document = kubeconfigDocument(config, {raw: flags.raw, minify: flags.minify})
    this.out(flags.output === 'json' ? printJson(document, {keepKeyOrder: true}) : printYaml(document))
  }
}
