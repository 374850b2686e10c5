import {Args, Flags} from '@oclif/core'
import {SkiffCommand} from '../../src/cli/base-command.js'
import {AggregateErrors, UsageError} from '../../src/cli/errors.js'
import {dryRunFlag, filenameFlags, printFlags} from '../../src/cli/flags.js'
import {readTargets, resolveVisits} from '../../src/cli/resource-targets.js'
import {createWritePrinter, dryRunSuffix, parseDryRun} from '../../src/cli/write-output.js'
import {parseImageArgs, setImage} from '../../src/kubectl/set-image.js'

export default class SetImage extends SkiffCommand {
  static override summary = 'Update the image of a pod template'
  static override description =
    'Update existing container image(s) of resources.\n\n Possible resources include (case insensitive):\n\n  pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)'
  static override examples = [
    '<%= config.bin %> set image deployment/nginx busybox=busybox nginx=nginx:1.9.1',
    '<%= config.bin %> set image deployments,rc nginx=nginx:1.9.1 --all',
    '<%= config.bin %> set image daemonset abc *=nginx:1.9.1',
  ]
  static override strict = false
  static override args = {
    resources: Args.string({description: '(-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1'}),
  }
  static override flags = {
    ...filenameFlags,
    ...printFlags,
    ...dryRunFlag,
    all: Flags.boolean({description: 'Select all resources, in the namespace of the specified resource types'}),
    selector: Flags.string({char: 'l', description: 'Selector (label query) to filter on.'}),
    'field-manager': Flags.string({
      default: 'kubectl-set',
      description: 'Name of the manager used to track field ownership.',
    }),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(SetImage)
    const {resources, images} = parseImageArgs(argv as string[])
    // kubectl set image Validate (pkg/cmd/set/set_image.go, v1.32)
    if (images.size === 0) throw new Error('at least one image update is required')
    if (resources.length === 0 && !flags.filename?.length)
      throw new UsageError(
        'one or more resources must be specified as <resource> <name> or <resource>/<name>',
        this.commandPath,
      )
    const dryRun = parseDryRun(flags['dry-run'])
    const printer = await createWritePrinter(flags)
    const backend = await this.backend(flags)
    const {visits, errors} = await resolveVisits(backend, {
      args: resources,
      filenames: flags.filename ?? [],
      recursive: flags.recursive,
      namespace: this.namespace(flags),
      explicitNamespace: flags.namespace !== undefined,
      selector: flags.selector,
      all: flags.all,
    })
    const read = await readTargets(backend, visits, {selector: flags.selector})
    errors.push(...read.errors)
    for (const target of read.targets) {
      try {
        const updated = await setImage(backend, target.ref, target.object, {
          images,
          dryRun,
          fieldManager: flags['field-manager'],
        })
        if (updated) this.out(printer(updated, `image updated${dryRunSuffix(dryRun)}`))
      } catch (error) {
        errors.push(error)
      }
    }
    if (errors.length > 0) throw new AggregateErrors(errors)
  }
}
