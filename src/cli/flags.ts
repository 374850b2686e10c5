import {Flags} from '@oclif/core'

/** kubectl's global flags, on every command (genericclioptions.ConfigFlags). */
export const globalFlags = {
  kubeconfig: Flags.string({description: 'Path to the kubeconfig file to use for CLI requests.', helpGroup: 'GLOBAL'}),
  context: Flags.string({description: 'The name of the kubeconfig context to use', helpGroup: 'GLOBAL'}),
  cluster: Flags.string({description: 'The name of the kubeconfig cluster to use', helpGroup: 'GLOBAL'}),
  user: Flags.string({description: 'The name of the kubeconfig user to use', helpGroup: 'GLOBAL'}),
  namespace: Flags.string({
    char: 'n',
    description: 'If present, the namespace scope for this CLI request',
    helpGroup: 'GLOBAL',
  }),
  'request-timeout': Flags.string({
    description: 'The length of time to wait before giving up on a single server request.',
    default: '0',
    helpGroup: 'GLOBAL',
  }),
}

/** -f/-R/-k as kubectl's AddFilenameOptionFlags. */
export const filenameFlags = {
  filename: Flags.string({
    char: 'f',
    multiple: true,
    multipleNonGreedy: true,
    description: 'Filename, directory, or URL to files identifying the resource.',
  }),
  recursive: Flags.boolean({char: 'R', description: 'Process the directory used in -f, --filename recursively.'}),
}

/** -l and --field-selector. */
export const selectorFlags = {
  selector: Flags.string({
    char: 'l',
    description:
      "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
  }),
  'field-selector': Flags.string({
    description:
      "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
  }),
}

/** -o and its companions (PrintFlags). */
export const printFlags = {
  output: Flags.string({
    char: 'o',
    description:
      'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide).',
  }),
  'show-managed-fields': Flags.boolean({
    description: 'If true, keep the managedFields when printing objects in JSON or YAML format.',
  }),
  template: Flags.string({
    description: 'Template string or path to template file to use when -o=go-template, -o=go-template-file.',
  }),
  // no default: undefined reads as true, because the manifest (and so the fast path) cannot carry it
  'allow-missing-template-keys': Flags.boolean({
    allowNo: true,
    description: 'If true, ignore any errors in templates when a field or map key is missing in the template.',
  }),
}

/** --field-manager with the name kubectl's command of the same name records its writes under. */
export function fieldManagerFlag(manager: string) {
  return {
    'field-manager': Flags.string({
      default: manager,
      description: 'Name of the manager used to track field ownership.',
    }),
  }
}

/** --dry-run=none|client|server (a bare --dry-run means client, as kubectl warns). */
export const dryRunFlag = {
  'dry-run': Flags.string({
    description:
      'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
    default: 'none',
  }),
}
