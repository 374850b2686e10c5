import {SkiffCommand} from '../src/cli/base-command.js'
import {expectNoArguments} from '../src/cli/no-arguments.js'

export default class ApiVersions extends SkiffCommand {
  static override summary = 'Print the supported API versions on the server, in the form of "group/version"'
  static override description = 'Print the supported API versions on the server, in the form of "group/version".'
  static override examples = ['# Print the supported API versions\n<%= config.bin %> api-versions']
  static override strict = false

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(ApiVersions)
    const {listApiVersions} = await import('../src/kubectl/api-resources.js')
    const {printApiVersions} = await import('../src/output/api-resources.js')
    expectNoArguments(argv as string[], this.commandPath)
    this.out(printApiVersions(await listApiVersions(await this.backend(flags))))
  }
}
