import {Help} from '@oclif/core'

// kubectl's root help groups (kubectl/pkg/cmd/cmd.go, v1.32), with the commands skiff has in each.
const GROUPS: ReadonlyArray<{title: string; ids: readonly string[]}> = [
  {title: 'Basic Commands (Beginner)', ids: ['create', 'expose', 'run', 'set']},
  {title: 'Basic Commands (Intermediate)', ids: ['explain', 'get', 'edit', 'delete']},
  {title: 'Deploy Commands', ids: ['rollout', 'scale', 'autoscale']},
  {
    title: 'Cluster Management Commands',
    ids: ['certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint'],
  },
  {
    title: 'Troubleshooting and Debugging Commands',
    ids: ['describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events'],
  },
  {title: 'Advanced Commands', ids: ['diff', 'apply', 'patch', 'replace', 'wait', 'kustomize']},
  {title: 'Settings Commands', ids: ['label', 'annotate', 'completion']},
  {title: 'Embedded Cluster Commands', ids: ['cluster', 'serve']},
  {title: 'Other Commands', ids: ['api-resources', 'api-versions', 'config', 'plugin', 'version']},
]
const NAME_COLUMN_WIDTH = 15

/** kubectl's root help: commands grouped as kubectl groups them, then usage. */
export default class SkiffHelp extends Help {
  protected override async showRootHelp(): Promise<void> {
    this.log(this.rootHelpText())
  }

  private rootHelpText(): string {
    const bin = this.config.bin
    const summaries = new Map<string, string>()
    for (const command of this.config.commands) {
      if (!command.hidden) summaries.set(command.id, command.summary ?? command.description?.split('\n')[0] ?? '')
    }
    for (const topic of this.config.topics) {
      if (!summaries.has(topic.name)) summaries.set(topic.name, topic.description ?? '')
    }
    const lines = [`${bin} controls Kubernetes clusters, real or embedded, the way kubectl does.`, '']
    const placed = new Set<string>()
    for (const group of GROUPS) {
      const present = group.ids.filter((id) => summaries.has(id))
      if (present.length === 0) continue
      lines.push(`${group.title}:`)
      for (const id of present) {
        placed.add(id)
        lines.push(`  ${id.padEnd(NAME_COLUMN_WIDTH)} ${summaries.get(id) ?? ''}`.trimEnd())
      }
      lines.push('')
    }
    const rest = [...summaries.keys()].filter((id) => !placed.has(id) && !id.includes(':')).sort()
    if (rest.length > 0) {
      lines.push(
        'Other Commands:',
        ...rest.map((id) => `  ${id.padEnd(NAME_COLUMN_WIDTH)} ${summaries.get(id) ?? ''}`.trimEnd()),
        '',
      )
    }
    lines.push(
      'Usage:',
      `  ${bin} [flags] [options]`,
      '',
      `Use "${bin} <command> --help" for more information about a given command.`,
    )
    return lines.join('\n')
  }
}
