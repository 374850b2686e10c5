import {Flags} from '@oclif/core'
import {SkiffCommand} from '../src/cli/base-command.js'
import {expectNoArguments} from '../src/cli/no-arguments.js'

export default class ApiResources extends SkiffCommand {
  static override summary = 'Print the supported API resources on the server'
  static override description = 'Print the supported API resources on the server.'
  static override examples = [
    '# Print the supported API resources\n<%= config.bin %> api-resources',
    '# Print the supported API resources with more information\n<%= config.bin %> api-resources -o wide',
    '# Print the supported API resources sorted by a column\n<%= config.bin %> api-resources --sort-by=name',
    '# Print the supported namespaced resources\n<%= config.bin %> api-resources --namespaced=true',
    '# Print the supported non-namespaced resources\n<%= config.bin %> api-resources --namespaced=false',
    '# Print the supported API resources with a specific APIGroup\n<%= config.bin %> api-resources --api-group=rbac.authorization.k8s.io',
  ]
  static override strict = false
  static override flags = {
    'api-group': Flags.string({description: 'Limit to resources in the specified API group.'}),
    cached: Flags.boolean({description: 'Use the cached list of resources if available.'}),
    categories: Flags.string({
      multiple: true,
      description: 'Limit to resources that belong to the specified categories.',
    }),
    namespaced: Flags.boolean({
      allowNo: true,
      description:
        'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.',
    }),
    'no-headers': Flags.boolean({
      description:
        "When using the default or custom-column output format, don't print headers (default print headers).",
    }),
    output: Flags.string({char: 'o', description: 'Output format. One of: (wide, name).'}),
    'sort-by': Flags.string({
      description:
        "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'.",
    }),
    verbs: Flags.string({multiple: true, description: 'Limit to resources that support the specified verbs.'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(ApiResources)
    const {listApiResources, toApiResourcesOptions, validateApiResourcesOptions} =
      await import('../src/kubectl/api-resources.js')
    const {printApiResources} = await import('../src/output/api-resources.js')
    expectNoArguments(argv as string[], this.commandPath)
    const options = toApiResourcesOptions(flags)
    validateApiResourcesOptions(options)
    const resources = await listApiResources(await this.backend(flags), options)
    this.out(printApiResources(resources, options))
  }
}
