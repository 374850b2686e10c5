import {Args} from '@oclif/core'
import {CreateGeneratorCommand} from '../../src/cli/create-command.js'
import {dataSourceFlags} from '../../src/cli/data-source-flags.js'
import {readDataSources} from '../../src/cli/data-sources.js'
import {dryRunFlag, fieldManagerFlag, printFlags} from '../../src/cli/flags.js'
import {configMapObject} from '../../src/kubectl/create-generators.js'

export default class CreateConfigMap extends CreateGeneratorCommand {
  static override summary = 'Create a config map from a local file, directory or literal value'
  static override aliases = ['create:cm']
  static override examples = [
    '<%= config.bin %> create configmap my-config --from-literal=key1=config1 --from-file=path/to/bar',
  ]
  static override args = {name: Args.string({required: true, description: 'NAME'})}
  static override flags = {...printFlags, ...dryRunFlag, ...fieldManagerFlag('kubectl-create'), ...dataSourceFlags}

  async run(): Promise<void> {
    const {args, flags} = await this.parse(CreateConfigMap)
    await this.createGenerated(configMapObject(args.name, this.namespace(flags), readDataSources(flags)), flags)
  }
}
