import {Args, Flags} from '@oclif/core'
import {SkiffCommand} from '../src/cli/base-command.js'
import {filenameFlags, printFlags, selectorFlags} from '../src/cli/flags.js'
import {runGet} from '../src/cli/runs/get.js'

export default class Get extends SkiffCommand {
  static override summary = 'Display one or many resources'
  static override description =
    'Display one or many resources. Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag.'
  static override examples = [
    '<%= config.bin %> get pods',
    '<%= config.bin %> get pods -o wide',
    '<%= config.bin %> get deployment web -o yaml',
    '<%= config.bin %> get pods,services -l app=web',
    "<%= config.bin %> get pods -o jsonpath='{.items[*].metadata.name}'",
  ]
  static override strict = false
  static override args = {
    resources: Args.string({
      description: '(TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...)',
    }),
  }
  static override flags = {
    ...printFlags,
    ...selectorFlags,
    ...filenameFlags,
    'all-namespaces': Flags.boolean({
      char: 'A',
      description: 'If present, list the requested object(s) across all namespaces.',
    }),
    'show-labels': Flags.boolean({
      description: 'When printing, show all labels as the last column (default hide labels column).',
    }),
    'label-columns': Flags.string({
      char: 'L',
      multiple: true,
      multipleNonGreedy: true,
      description: 'Accepts a comma separated list of labels that are going to be presented as columns.',
    }),
    'sort-by': Flags.string({
      description: 'If non-empty, sort list types using this field specification (a JSONPath expression).',
    }),
    'no-headers': Flags.boolean({
      description: "When using the default or custom-column output format, don't print headers.",
    }),
    'ignore-not-found': Flags.boolean({
      description: 'If the requested object does not exist the command will return exit code 0.',
    }),
    'show-kind': Flags.boolean({description: 'If present, list the resource type for the requested object(s).'}),
    watch: Flags.boolean({char: 'w', description: 'After listing/getting the requested object, watch for changes.'}),
    'watch-only': Flags.boolean({
      description: 'Watch for changes to the requested object(s), without listing/getting first.',
    }),
    'output-watch-events': Flags.boolean({
      description: 'Output watch event objects when --watch or --watch-only is used.',
    }),
    'chunk-size': Flags.integer({
      default: 500,
      description: 'Return large lists in chunks rather than all at once. Pass 0 to disable.',
    }),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Get)
    await runGet(this.context, argv as string[], flags)
  }
}
