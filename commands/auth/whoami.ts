import {SkiffCommand} from '../../src/cli/base-command.js'
import {printFlags} from '../../src/cli/flags.js'
import {createWritePrinter} from '../../src/cli/write-output.js'
import {selfSubjectReview, whoamiTable} from '../../src/kubectl/whoami.js'

export default class AuthWhoami extends SkiffCommand {
  static override summary = 'Experimental: Check self subject attributes'
  static override description =
    'Experimental: Check who you are and your attributes (groups, extra).\n\nThis command is helpful to get yourself aware of the current user attributes, especially when dynamic authentication, e.g., token webhook, auth proxy, or OIDC provider, is enabled in the Kubernetes cluster.'
  static override examples = [
    '# Get your subject attributes\n<%= config.bin %> auth whoami',
    '# Get your subject attributes in JSON format\n<%= config.bin %> auth whoami -o json',
  ]
  static override flags = {...printFlags}

  async run(): Promise<void> {
    const {flags} = await this.parse(AuthWhoami)
    // the printer is checked before the request, as kubectl's Complete does
    const printer = flags.output ? await createWritePrinter(flags) : undefined
    const review = await selfSubjectReview(await this.backend(flags))
    this.out(printer ? printer(review, '') : whoamiTable(review))
  }
}
