import {Args, Flags} from '@oclif/core'
import {CreateGeneratorCommand} from '../../src/cli/create-command.js'
import {dryRunFlag, fieldManagerFlag, printFlags} from '../../src/cli/flags.js'
import {cronJobObject} from '../../src/kubectl/create-generators.js'

export default class CreateCronJob extends CreateGeneratorCommand {
  static override summary = 'Create a cron job with the specified name'
  static override aliases = ['create:cj']
  static override examples = [
    '<%= config.bin %> create cronjob my-job --image=busybox --schedule="*/1 * * * *" -- date',
  ]
  static override strict = false
  static override args = {name: Args.string({required: true, description: 'NAME'})}
  static override flags = {
    ...fieldManagerFlag('kubectl-create'),
    ...printFlags,
    ...dryRunFlag,
    image: Flags.string({required: true, description: 'Image name to run.'}),
    schedule: Flags.string({required: true, description: 'A schedule in the Cron format the job should be run with.'}),
    restart: Flags.string({description: "job's restart policy. supported values: OnFailure, Never"}),
  }

  async run(): Promise<void> {
    const {args, argv, flags} = await this.parse(CreateCronJob)
    const command = (argv as string[]).slice(1)
    const object = cronJobObject(args.name, this.namespace(flags), {
      image: flags.image,
      schedule: flags.schedule,
      command,
      restart: flags.restart,
    })
    await this.createGenerated(object, flags)
  }
}
