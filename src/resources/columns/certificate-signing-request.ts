import type {KubeObject} from '../../backend/object.js'
import {humanDuration} from '../human-duration.js'
import {translateTimestampSince} from './age.js'
import {ageColumn, column, nameColumn, type ColumnSet} from './column-set.js'

interface CsrFields extends KubeObject {
  spec?: {signerName?: string; username?: string; expirationSeconds?: number}
  status?: {conditions?: Array<{type?: string}>; certificate?: string}
}

// extractCSRStatus: Denied outranks Approved, else Pending; Failed and Issued are added after
function conditionOf(csr: CsrFields): string {
  const types = new Set((csr.status?.conditions ?? []).map((c) => c.type))
  let status = types.has('Denied') ? 'Denied' : types.has('Approved') ? 'Approved' : 'Pending'
  if (types.has('Failed')) status += ',Failed'
  if (csr.status?.certificate) status += ',Issued'
  return status
}

// kubectl: pkg/printers/internalversion/printers.go certificateSigningRequestColumnDefinitions (v1.32)
/** NAME AGE SIGNERNAME REQUESTOR REQUESTEDDURATION CONDITION. */
export const certificateSigningRequestColumns: ColumnSet = {
  columns: [
    nameColumn(),
    ageColumn(),
    column('SignerName', 'string', 'Only one signer can be specified per CSR.'),
    column('Requestor', 'string', 'Name of the user who created the certificate signing request.'),
    column('RequestedDuration', 'string', 'Requested validity duration of the issued certificate.'),
    column('Condition', 'string', 'Approval state of the certificate signing request.'),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const csr = object as CsrFields
    const seconds = csr.spec?.expirationSeconds
    return [
      csr.metadata.name ?? '',
      translateTimestampSince(csr.metadata.creationTimestamp, now),
      csr.spec?.signerName ?? '',
      csr.spec?.username ?? '',
      seconds === undefined ? '<none>' : humanDuration(seconds * 1000),
      conditionOf(csr),
    ]
  },
}
