import {Args, Flags} from '@oclif/core'
import {SkiffCommand} from '../../src/cli/base-command.js'
import {currentContextName} from '../../src/cli/context.js'
import {listContexts, loadKubeconfigInForce} from '../../src/cluster/contexts.js'
import {TabWriter} from '../../src/output/tabwriter.js'

export default class ConfigGetContexts extends SkiffCommand {
  static override summary = 'Describe one or many contexts'
  static override description =
    'Lists the kubeconfig contexts and, beside them, the embedded clusters (CLUSTER reads (embedded)).'
  static override examples = ['<%= config.bin %> config get-contexts', '<%= config.bin %> config get-contexts -o name']
  static override strict = false
  static override args = {names: Args.string({description: 'CONTEXT_NAME'})}
  static override flags = {
    output: Flags.string({char: 'o', description: 'Output format. One of: (name).', options: ['name']}),
    'no-headers': Flags.boolean({
      description:
        "When using the default or custom-column output format, don't print headers (default print headers).",
    }),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(ConfigGetContexts)
    const config = loadKubeconfigInForce(flags.kubeconfig, process.env)
    const all = listContexts(config, process.env)
    const names = argv as string[]
    const rows = names.length === 0 ? all : all.filter((r) => names.includes(r.name))
    const missing = names.filter((n) => !all.some((r) => r.name === n))
    if (flags.output === 'name') {
      this.out(rows.map((r) => `${r.name}\n`).join(''))
    } else {
      const current = currentContextName({kubeconfig: flags.kubeconfig})
      const writer = new TabWriter()
      if (!flags['no-headers']) writer.write('CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n')
      for (const r of rows) {
        writer.write(`${r.name === current ? '*' : ''}\t${r.name}\t${r.cluster}\t${r.authInfo}\t${r.namespace}\n`)
      }
      this.out(writer.flush())
    }
    // kubectl reports the names it did not find after the table (pkg/cmd/config/get_contexts.go, v1.32)
    if (missing.length > 0) throw new Error(missing.map((n) => `context ${n} not found`).join('\n'))
  }
}
