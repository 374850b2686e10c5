import {Args, Flags} from '@oclif/core'
import {SkiffCommand} from '../src/cli/base-command.js'
import {registryFor} from '../src/cli/context.js'
import {PlainError} from '../src/cli/errors.js'
import {ResourceTypeError} from '../src/resources/registry.js'
import type {ExplainOptions} from '../src/kubectl/explain.js'

export default class Explain extends SkiffCommand {
  static override summary = 'Get documentation for a resource'
  static override description = `Describe fields and structure of various resources.

This command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:

  <type>.<fieldName>[.<fieldName>]

Information about each field is retrieved from the server in OpenAPI format.

Use "<%= config.bin %> api-resources" for a complete list of supported resources.`
  static override examples = [
    '# Get the documentation of the resource and its fields\n<%= config.bin %> explain pods',
    '# Get all the fields in the resource\n<%= config.bin %> explain pods --recursive',
    '# Get the explanation for deployment in supported api versions\n<%= config.bin %> explain deployments --api-version=apps/v1',
    '# Get the documentation of a specific field of a resource\n<%= config.bin %> explain pods.spec.containers',
    '# Get the documentation of resources in different format\n<%= config.bin %> explain deployment --output=plaintext-openapiv2',
  ]
  static override strict = false
  static override args = {type: Args.string({description: 'TYPE[.FIELD...]'})}
  static override flags = {
    'api-version': Flags.string({description: 'Use given api-version (group/version) of the resource.'}),
    output: Flags.string({
      description: 'Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).',
      default: 'plaintext',
    }),
    recursive: Flags.boolean({
      allowNo: true,
      description:
        'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.',
    }),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Explain)
    const {explain, explainedResourceName} = await import('../src/kubectl/explain.js')
    const args = argv as string[]
    // kubectl's Validate (explain.go, v1.32): both messages end in a newline of their own
    if (args.length === 0)
      throw new Error(
        `You must specify the type of resource to explain. Use "${this.config.bin} api-resources" for a complete list of supported resources.\n`,
      )
    if (args.length > 1) throw new Error('We accept only this format: explain RESOURCE\n')
    const options: ExplainOptions = {
      target: args[0] ?? '',
      apiVersion: flags['api-version'] ?? '',
      recursive: flags.recursive === true,
      output: flags.output,
    }
    const backend = await this.backend(flags)
    let rendered
    const warnings: string[] = []
    try {
      const registry = await registryFor(backend, [explainedResourceName(options.target)])
      rendered = await explain(backend, registry, options, warnings)
    } catch (error) {
      // explain reports a resource the RESTMapper does not know without kubectl's `error: ` prefix
      if (error instanceof ResourceTypeError) throw new PlainError(error.message)
      throw error
    } finally {
      this.err(warnings.map((w) => `Warning: ${w}\n`).join(''))
    }
    this.out(rendered.text)
    if (rendered.error !== undefined) throw new PlainError(rendered.error)
  }
}
