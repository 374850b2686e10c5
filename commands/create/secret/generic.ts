import {Args, Flags} from '@oclif/core'
import {CreateGeneratorCommand} from '../../../src/cli/create-command.js'
import {dataSourceFlags} from '../../../src/cli/data-source-flags.js'
import {readDataSources} from '../../../src/cli/data-sources.js'
import {dryRunFlag, fieldManagerFlag, printFlags} from '../../../src/cli/flags.js'
import {secretObject} from '../../../src/kubectl/create-generators.js'

export default class CreateSecretGeneric extends CreateGeneratorCommand {
  static override summary = 'Create a secret from a local file, directory, or literal value'
  static override examples = ['<%= config.bin %> create secret generic my-secret --from-literal=key1=supersecret']
  static override args = {name: Args.string({required: true, description: 'NAME'})}
  static override flags = {
    ...fieldManagerFlag('kubectl-create'),
    ...printFlags,
    ...dryRunFlag,
    ...dataSourceFlags,
    type: Flags.string({description: 'The type of secret to create'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(CreateSecretGeneric)
    await this.createGenerated(
      secretObject(args.name, this.namespace(flags), readDataSources(flags), flags.type),
      flags,
    )
  }
}
