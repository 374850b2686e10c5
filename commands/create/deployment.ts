import {Args, Flags} from '@oclif/core'
import {CreateGeneratorCommand} from '../../src/cli/create-command.js'
import {dryRunFlag, fieldManagerFlag, printFlags} from '../../src/cli/flags.js'
import {deploymentObject} from '../../src/kubectl/create-generators.js'

export default class CreateDeployment extends CreateGeneratorCommand {
  static override summary = 'Create a deployment with the specified name'
  static override aliases = ['create:deploy']
  static override examples = ['<%= config.bin %> create deployment my-dep --image=busybox --replicas=3 --port=5701']
  static override args = {name: Args.string({required: true, description: 'NAME'})}
  static override flags = {
    ...fieldManagerFlag('kubectl-create'),
    ...printFlags,
    ...dryRunFlag,
    image: Flags.string({
      multiple: true,
      required: true,
      description: 'Image names to run. A deployment can have multiple images set for multi-container pod.',
    }),
    replicas: Flags.integer({char: 'r', default: 1, description: 'Number of replicas to create. Default is 1.'}),
    port: Flags.integer({default: -1, description: 'The containerPort that this deployment exposes.'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(CreateDeployment)
    const object = deploymentObject(args.name, this.namespace(flags), {
      images: flags.image,
      replicas: flags.replicas,
      port: flags.port,
    })
    await this.createGenerated(object, flags)
  }
}
