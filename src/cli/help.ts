import {Help} from '@oclif/core'
import {COMMAND_GROUPS as GROUPS} from './command-groups.js'

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
