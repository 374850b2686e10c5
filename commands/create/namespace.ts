import {Args} from '@oclif/core'
import {CreateGeneratorCommand} from '../../src/cli/create-command.js'
import {dryRunFlag, fieldManagerFlag, printFlags} from '../../src/cli/flags.js'
import {namespaceObject} from '../../src/kubectl/create-generators.js'

export default class CreateNamespace extends CreateGeneratorCommand {
  static override summary = 'Create a namespace with the specified name'
  static override aliases = ['create:ns']
  static override examples = ['<%= config.bin %> create namespace my-namespace']
  static override args = {name: Args.string({required: true, description: 'NAME'})}
  static override flags = {...printFlags, ...dryRunFlag, ...fieldManagerFlag('kubectl-create')}

  async run(): Promise<void> {
    const {args, flags} = await this.parse(CreateNamespace)
    await this.createGenerated(namespaceObject(args.name), flags)
  }
}
