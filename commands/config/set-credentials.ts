import {Args, Flags} from '@oclif/core'
import {SkiffCommand} from '../../src/cli/base-command.js'
import {helpError} from '../../src/cli/command-help.js'
import type {UserChanges} from '../../src/cluster/kubeconfig/set-credentials.js'

export default class ConfigSetCredentials extends SkiffCommand {
  static override summary = 'Set a user entry in kubeconfig'
  static override description = `Set a user entry in kubeconfig.

Specifying a name that already exists will merge new fields on top of existing values.

  Client-certificate flags:
  --client-certificate=certfile --client-key=keyfile

  Bearer token flags:
  --token=bearer_token

  Basic auth flags:
  --username=basic_user --password=basic_password

Bearer token and basic auth are mutually exclusive.`
  static override examples = [
    '# Set only the "client-key" field on the "cluster-admin"\n# entry, without touching other values\n<%= config.bin %> config set-credentials cluster-admin --client-key=~/.kube/admin.key',
    '# Set basic auth for the "cluster-admin" entry\n<%= config.bin %> config set-credentials cluster-admin --username=admin --password=uXFGweU9l35qcif',
    '# Embed client certificate data in the "cluster-admin" entry\n<%= config.bin %> config set-credentials cluster-admin --client-certificate=~/.kube/admin.crt --embed-certs=true',
    '# Enable the OpenID Connect auth provider for the "cluster-admin" entry with additional arguments\n<%= config.bin %> config set-credentials cluster-admin --auth-provider=oidc --auth-provider-arg=client-id=foo --auth-provider-arg=client-secret=bar',
    '# Enable new exec auth plugin for the "cluster-admin" entry\n<%= config.bin %> config set-credentials cluster-admin --exec-command=/path/to/the/executable --exec-api-version=client.authentication.k8s.io/v1beta1',
    '# Create or update exec auth plugin environment variables for the "cluster-admin" entry\n<%= config.bin %> config set-credentials cluster-admin --exec-env=key1=val1 --exec-env=key2=val2',
    '# Remove exec auth plugin environment variables for the "cluster-admin" entry\n<%= config.bin %> config set-credentials cluster-admin --exec-env=var-to-remove-',
  ]
  static override strict = false
  static override args = {name: Args.string({description: 'NAME'})}
  static override flags = {
    'auth-provider': Flags.string({description: 'Auth provider for the user entry in kubeconfig'}),
    'auth-provider-arg': Flags.string({multiple: true, description: "'key=value' arguments for the auth provider"}),
    'client-certificate': Flags.string({
      description: 'Path to client-certificate file for the user entry in kubeconfig',
    }),
    'client-key': Flags.string({description: 'Path to client-key file for the user entry in kubeconfig'}),
    'embed-certs': Flags.boolean({
      allowNo: true,
      description: 'Embed client cert/key for the user entry in kubeconfig',
    }),
    'exec-api-version': Flags.string({
      description: 'API version of the exec credential plugin for the user entry in kubeconfig',
    }),
    'exec-arg': Flags.string({
      multiple: true,
      description: 'New arguments for the exec credential plugin command for the user entry in kubeconfig',
    }),
    'exec-command': Flags.string({
      description: 'Command for the exec credential plugin for the user entry in kubeconfig',
    }),
    'exec-env': Flags.string({
      multiple: true,
      description: "'key=value' environment values for the exec credential plugin",
    }),
    'exec-interactive-mode': Flags.string({
      description: 'InteractiveMode of the exec credentials plugin for the user entry in kubeconfig',
    }),
    'exec-provide-cluster-info': Flags.boolean({
      allowNo: true,
      description: 'ProvideClusterInfo of the exec credentials plugin for the user entry in kubeconfig',
    }),
    password: Flags.string({description: 'password for the user entry in kubeconfig'}),
    token: Flags.string({description: 'token for the user entry in kubeconfig'}),
    username: Flags.string({description: 'username for the user entry in kubeconfig'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(ConfigSetCredentials)
    const {kubeconfigAccess} = await import('../../src/cluster/kubeconfig/access.js')
    const {setCredentials, toUserChanges} = await import('../../src/cluster/kubeconfig/set-credentials.js')
    const args = argv as string[]
    let changes: UserChanges
    try {
      if (args.length !== 1) throw new Error(`Unexpected args: [${args.join(' ')}]`)
      changes = toUserChanges(flags)
    } catch (error) {
      // kubectl shows the help for any mistake in the arguments (create_authinfo.go complete)
      throw await helpError(this.config, this.id ?? '', (error as Error).message)
    }
    const name = args[0] ?? ''
    await setCredentials(kubeconfigAccess(flags.kubeconfig, process.env), name, changes)
    this.out(`User "${name}" set.\n`)
  }
}
