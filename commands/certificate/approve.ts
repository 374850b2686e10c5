import {CertificateDecisionCommand, certificateArgs, certificateFlags} from '../../src/cli/certificate-command.js'

export default class CertificateApprove extends CertificateDecisionCommand {
  static override summary = 'Approve a certificate signing request'
  static override examples = ['<%= config.bin %> certificate approve csr-sqgzp']
  static override strict = false
  static override args = certificateArgs
  static override flags = certificateFlags('approve')

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(CertificateApprove)
    await this.decideAll(argv as string[], flags, 'Approved')
  }
}
