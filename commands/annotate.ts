import {Args} from '@oclif/core'
import {fieldManagerFlag} from '../src/cli/flags.js'
import {MetadataCommand, metadataFlags} from '../src/cli/metadata-command.js'

export default class Annotate extends MetadataCommand {
  static override summary = 'Update the annotations on a resource'
  static override examples = [
    "<%= config.bin %> annotate pods foo description='my frontend'",
    '<%= config.bin %> annotate --overwrite pods foo description=my-frontend-running-nginx',
    '<%= config.bin %> annotate pods foo description-',
  ]
  static override strict = false
  static override args = {resources: Args.string({description: 'TYPE NAME KEY_1=VAL_1 ... KEY_N=VAL_N'})}
  static override flags = {...metadataFlags, ...fieldManagerFlag('kubectl-annotate')}

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Annotate)
    await this.editAll('annotations', argv as string[], flags)
  }
}
