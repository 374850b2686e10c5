import {Args, Flags} from '@oclif/core'
import {CreateGeneratorCommand} from '../../src/cli/create-command.js'
import {dryRunFlag, fieldManagerFlag, printFlags} from '../../src/cli/flags.js'
import {jobFromCronJob, jobObject} from '../../src/kubectl/create-generators.js'
import {refFor, ResourceRegistry} from '../../src/resources/registry.js'

export default class CreateJob extends CreateGeneratorCommand {
  static override summary = 'Create a job with the specified name'
  static override examples = [
    '<%= config.bin %> create job my-job --image=busybox -- date',
    '<%= config.bin %> create job test-job --from=cronjob/a-cronjob',
  ]
  static override strict = false
  static override args = {name: Args.string({required: true, description: 'NAME'})}
  static override flags = {
    ...fieldManagerFlag('kubectl-create'),
    ...printFlags,
    ...dryRunFlag,
    image: Flags.string({description: 'Image name to run.'}),
    from: Flags.string({description: 'The name of the resource to create a Job from (only cronjob is supported).'}),
  }

  async run(): Promise<void> {
    const {args, argv, flags} = await this.parse(CreateJob)
    const namespace = this.namespace(flags)
    const command = (argv as string[]).slice(1)
    if (flags.image && flags.from) throw new Error('--image and --from are mutually exclusive')
    if (!flags.image && !flags.from) throw new Error('either --image or --from must be specified')
    if (flags.from) {
      const [type = '', source = ''] = flags.from.split('/')
      const backend = await this.backend(flags)
      const info = new ResourceRegistry(await backend.discover()).resolve(type)
      if (info.kind !== 'CronJob') throw new Error(`unknown object type ${info.kind}`)
      const cronJob = await backend.get(refFor(info, namespace), source)
      await this.createGenerated(jobFromCronJob(args.name, cronJob), flags)
      return
    }
    await this.createGenerated(jobObject(args.name, namespace, {image: flags.image ?? '', command}), flags)
  }
}
