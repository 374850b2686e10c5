import {Args} from '@oclif/core'
import {CreateGeneratorCommand} from '../../src/cli/create-command.js'
import {dryRunFlag, fieldManagerFlag, printFlags} from '../../src/cli/flags.js'
import {serviceAccountObject} from '../../src/kubectl/create-generators.js'

export default class CreateServiceAccount extends CreateGeneratorCommand {
  static override summary = 'Create a service account with the specified name'
  static override aliases = ['create:sa']
  static override examples = ['<%= config.bin %> create serviceaccount my-service-account']
  static override args = {name: Args.string({required: true, description: 'NAME'})}
  static override flags = {...printFlags, ...dryRunFlag, ...fieldManagerFlag('kubectl-create')}

  async run(): Promise<void> {
    const {args, flags} = await this.parse(CreateServiceAccount)
    await this.createGenerated(serviceAccountObject(args.name, this.namespace(flags)), flags)
  }
}
