import {SkiffCommand} from '../../src/cli/base-command.js'
import {embeddedClusterOf, listClusters} from '../../src/cli/cluster-admin.js'
import {resolveTarget} from '../../src/cli/context.js'
import {TabWriter} from '../../src/output/tabwriter.js'

export default class ClusterList extends SkiffCommand {
  static override summary = 'List the embedded clusters, marking the current one'
  static override examples = ['<%= config.bin %> cluster list']

  async run(): Promise<void> {
    const {flags} = await this.parse(ClusterList)
    const target = resolveTarget(flags)
    const current = target.kind === 'embedded' ? embeddedClusterOf(target) : undefined
    const names = listClusters()
    if (names.length === 0) {
      this.err('No embedded clusters found.\n')
      return
    }
    // the layout of `kubectl config get-contexts`: a CURRENT column holding `*`
    const writer = new TabWriter()
    writer.write('CURRENT\tNAME\n')
    for (const name of names) writer.write(`${name === current ? '*' : ''}\t${name}\n`)
    this.out(writer.flush())
  }
}
