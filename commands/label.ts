import {Args} from '@oclif/core'
import {fieldManagerFlag} from '../src/cli/flags.js'
import {MetadataCommand, metadataFlags} from '../src/cli/metadata-command.js'

export default class Label extends MetadataCommand {
  static override summary = 'Update the labels on a resource'
  static override examples = [
    '<%= config.bin %> label pods foo unhealthy=true',
    '<%= config.bin %> label --overwrite pods foo status=unhealthy',
    '<%= config.bin %> label pods foo bar-',
  ]
  static override strict = false
  static override args = {resources: Args.string({description: 'TYPE NAME KEY_1=VAL_1 ... KEY_N=VAL_N'})}
  static override flags = {...metadataFlags, ...fieldManagerFlag('kubectl-label')}

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Label)
    await this.editAll('labels', argv as string[], flags)
  }
}
