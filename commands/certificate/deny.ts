import {CertificateDecisionCommand, certificateArgs, certificateFlags} from '../../src/cli/certificate-command.js'

export default class CertificateDeny extends CertificateDecisionCommand {
  static override summary = 'Deny a certificate signing request'
  static override examples = ['<%= config.bin %> certificate deny csr-sqgzp']
  static override strict = false
  static override args = certificateArgs
  static override flags = certificateFlags('deny')

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(CertificateDeny)
    await this.decideAll(argv as string[], flags, 'Denied')
  }
}
