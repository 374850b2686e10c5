import {Args, Flags} from '@oclif/core'
import {SkiffCommand} from '../../src/cli/base-command.js'
import {helpError} from '../../src/cli/command-help.js'

export default class ConfigSetCluster extends SkiffCommand {
  static override summary = 'Set a cluster entry in kubeconfig'
  static override description =
    'Set a cluster entry in kubeconfig.\n\nSpecifying a name that already exists will merge new fields on top of existing values for those fields.'
  static override examples = [
    '# Set only the server field on the e2e cluster entry without touching other values\n<%= config.bin %> config set-cluster e2e --server=https://1.2.3.4',
    '# Embed certificate authority data for the e2e cluster entry\n<%= config.bin %> config set-cluster e2e --embed-certs --certificate-authority=~/.kube/e2e/kubernetes.ca.crt',
    '# Disable cert checking for the e2e cluster entry\n<%= config.bin %> config set-cluster e2e --insecure-skip-tls-verify=true',
    '# Set the custom TLS server name to use for validation for the e2e cluster entry\n<%= config.bin %> config set-cluster e2e --tls-server-name=my-cluster-name',
    '# Set the proxy URL for the e2e cluster entry\n<%= config.bin %> config set-cluster e2e --proxy-url=https://1.2.3.4',
  ]
  static override strict = false
  static override args = {name: Args.string({description: 'NAME'})}
  static override flags = {
    server: Flags.string({description: 'server for the cluster entry in kubeconfig'}),
    'tls-server-name': Flags.string({description: 'tls-server-name for the cluster entry in kubeconfig'}),
    'insecure-skip-tls-verify': Flags.boolean({
      allowNo: true,
      description: 'insecure-skip-tls-verify for the cluster entry in kubeconfig',
    }),
    'certificate-authority': Flags.string({
      description: 'Path to certificate-authority file for the cluster entry in kubeconfig',
    }),
    'embed-certs': Flags.boolean({allowNo: true, description: 'embed-certs for the cluster entry in kubeconfig'}),
    'proxy-url': Flags.string({description: 'proxy-url for the cluster entry in kubeconfig'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(ConfigSetCluster)
    const {kubeconfigAccess} = await import('../../src/cluster/kubeconfig/access.js')
    const {setCluster} = await import('../../src/cluster/kubeconfig/set-cluster.js')
    const args = argv as string[]
    if (args.length !== 1) throw await helpError(this.config, this.id ?? '', `Unexpected args: [${args.join(' ')}]`)
    const name = args[0] ?? ''
    await setCluster(kubeconfigAccess(flags.kubeconfig, process.env), name, {
      server: flags.server,
      tlsServerName: flags['tls-server-name'],
      insecureSkipTlsVerify: flags['insecure-skip-tls-verify'],
      certificateAuthority: flags['certificate-authority'],
      embedCerts: flags['embed-certs'],
      proxyUrl: flags['proxy-url'],
    })
    this.out(`Cluster "${name}" set.\n`)
  }
}
