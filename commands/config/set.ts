import {Args, Flags} from '@oclif/core'
import {SkiffCommand} from '../../src/cli/base-command.js'
import {helpError} from '../../src/cli/command-help.js'

export default class ConfigSet extends SkiffCommand {
  static override summary = 'Set an individual value in a kubeconfig file'
  static override description = `Set an individual value in a kubeconfig file.

PROPERTY_NAME is a dot delimited name where each token represents either an attribute name or a map key.  Map keys may not contain dots.

PROPERTY_VALUE is the new value you want to set. Binary fields such as 'certificate-authority-data' expect a base64 encoded string unless the --set-raw-bytes flag is used.

Specifying an attribute name that already exists will merge new fields on top of existing values.`
  static override examples = [
    '# Set the server field on the my-cluster cluster to https://1.2.3.4\n<%= config.bin %> config set clusters.my-cluster.server https://1.2.3.4',
    '# Set the certificate-authority-data field on the my-cluster cluster\n<%= config.bin %> config set clusters.my-cluster.certificate-authority-data $(echo "cert_data_here" | base64 -i -)',
    '# Set the cluster field in the my-context context to my-cluster\n<%= config.bin %> config set contexts.my-context.cluster my-cluster',
    '# Set the client-key-data field in the cluster-admin user using --set-raw-bytes option\n<%= config.bin %> config set users.cluster-admin.client-key-data cert_data_here --set-raw-bytes=true',
  ]
  static override strict = false
  static override args = {
    property: Args.string({description: 'PROPERTY_NAME'}),
    value: Args.string({description: 'PROPERTY_VALUE'}),
  }
  static override flags = {
    'set-raw-bytes': Flags.boolean({
      allowNo: true,
      description: 'When writing a []byte PROPERTY_VALUE, write the given string directly without base64 decoding.',
    }),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(ConfigSet)
    const {kubeconfigAccess} = await import('../../src/cluster/kubeconfig/access.js')
    const {setKubeconfigProperty} = await import('../../src/cluster/kubeconfig/config-edits.js')
    const args = argv as string[]
    if (args.length !== 2) throw await helpError(this.config, this.id ?? '', `Unexpected args: [${args.join(' ')}]`)
    const [property = '', value = ''] = args
    await setKubeconfigProperty(kubeconfigAccess(flags.kubeconfig, process.env), property, value, {
      setRawBytes: flags['set-raw-bytes'] === true,
    })
    this.out(`Property "${property}" set.\n`)
  }
}
