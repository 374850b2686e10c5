import {Flags} from '@oclif/core'
import {SkiffCommand} from '../src/cli/base-command.js'
import {runVersion} from '../src/cli/runs/version.js'

export default class Version extends SkiffCommand {
  static override summary = 'Print the client and server version information.'
  static override description = 'Print the client and server version information for the current context.'
  static override examples = ['<%= config.bin %> version --client', '<%= config.bin %> version -o json']
  static override flags = {
    client: Flags.boolean({description: 'If true, shows client version only (no server required).'}),
    output: Flags.string({char: 'o', description: "One of 'yaml' or 'json'.", options: ['json', 'yaml']}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Version)
    await runVersion(this.context, this.config.version, flags)
  }
}
