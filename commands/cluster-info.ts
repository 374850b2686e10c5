import {SkiffCommand} from '../src/cli/base-command.js'
import {resolveTarget} from '../src/cli/context.js'
import {useColor} from '../src/cli/streams.js'

export default class ClusterInfo extends SkiffCommand {
  static override summary = 'Display cluster information'
  static override description =
    "Display addresses of the control plane and services with label kubernetes.io/cluster-service=true.\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump' against a served cluster (skiff has no dump)."
  static override examples = [
    '# Print the address of the control plane and cluster services\n<%= config.bin %> cluster-info',
  ]
  // kubectl's cluster-info ignores arguments (cobra accepts them for a command with subcommands)
  static override strict = false

  async run(): Promise<void> {
    const {flags} = await this.parse(ClusterInfo)
    const {CLUSTER_INFO_NAMESPACE, clusterInfo} = await import('../src/kubectl/cluster-info.js')
    const {CLUSTER_INFO_FOOTER, printClusterInfo} = await import('../src/output/cluster-info.js')
    const target = resolveTarget(flags)
    const host = target.kind === 'kubeconfig' ? (target.selection.cluster.server ?? '') : ''
    const options = {
      namespace: flags.namespace || CLUSTER_INFO_NAMESPACE,
      host,
      controlPlane: target.kind === 'kubeconfig' ? host : `embedded cluster "${target.cluster}"`,
    }
    try {
      const lines = await clusterInfo(await this.backend(flags), options)
      this.out(printClusterInfo(lines, {color: useColor(process.stdout, process.env)}))
    } catch (error) {
      // kubectl prints its closing pointer even when the services cannot be listed
      this.out(CLUSTER_INFO_FOOTER)
      throw error
    }
  }
}
