// The registry strategy of CertificateSigningRequests (pkg/registry/certificates/certificates/strategy.go and
// pkg/apis/certificates/validation, v1.32): the requester's identity is stamped on create, the spec never
// changes afterwards, and the Approved/Denied conditions change only through the approval subresource.
import type {KubeObject} from '../../backend/object.js'
import type {ResourceInfo} from '../../backend/refs.js'
import {invalid, type StatusCause} from '../../backend/status.js'
import type {UserInfo} from '../identity.js'

export interface CsrCondition {
  type: string
  status: string
  reason?: string
  message?: string
  lastUpdateTime?: string
  lastTransitionTime?: string
}

interface CsrSpec {
  request?: string
  signerName?: string
  usages?: string[]
  username?: string
  uid?: string
  groups?: string[]
  extra?: Record<string, string[]>
  [field: string]: unknown
}

interface Csr extends KubeObject {
  spec?: CsrSpec
  status?: {conditions?: CsrCondition[]; certificate?: string}
}

const APPROVAL_TYPES = new Set(['Approved', 'Denied'])
// certificates.KeyUsage values (pkg/apis/certificates/types.go)
const KEY_USAGES = new Set([
  'signing',
  'digital signature',
  'content commitment',
  'key encipherment',
  'key agreement',
  'data encipherment',
  'cert sign',
  'crl sign',
  'encipher only',
  'decipher only',
  'any',
  'server auth',
  'client auth',
  'code signing',
  'email protection',
  's/mime',
  'ipsec end system',
  'ipsec tunnel',
  'ipsec user',
  'timestamping',
  'ocsp signing',
  'microsoft sgc',
  'netscape sgc',
])
const CONDITION_STATUSES = new Set(['True', 'False', 'Unknown'])

export function isCertificateSigningRequests(info: ResourceInfo): boolean {
  return info.group === 'certificates.k8s.io' && info.resource === 'certificatesigningrequests'
}

/** PrepareForCreate: status dropped, the requester's identity written into the spec; then validation. */
export function prepareCsrCreate(info: ResourceInfo, input: KubeObject, user: UserInfo): KubeObject {
  const csr = structuredClone(input) as Csr
  const spec: CsrSpec = {...(csr.spec ?? {})}
  delete spec.username
  delete spec.uid
  delete spec.groups
  delete spec.extra
  spec.username = user.username
  if (user.uid) spec.uid = user.uid
  spec.groups = [...user.groups]
  if (user.extra && Object.keys(user.extra).length > 0) spec.extra = structuredClone(user.extra)
  csr.spec = spec
  csr.status = {}
  check(info, csr, undefined)
  return csr
}

/**
 * PrepareForUpdate of the main resource, status and approval: the spec stays as created; only approval writes
 * Approved/Denied conditions; status writes keep the approval conditions; timestamps are filled in.
 */
export function prepareCsrUpdate(
  info: ResourceInfo,
  input: KubeObject,
  old: KubeObject,
  subresource: string | undefined,
  now: string,
): KubeObject {
  const next = structuredClone(input) as Csr
  const previous = old as Csr
  next.spec = structuredClone(previous.spec ?? {})
  const oldConditions = previous.status?.conditions ?? []
  if (subresource === 'approval') {
    next.status = {...structuredClone(previous.status ?? {}), conditions: next.status?.conditions ?? []}
  } else if (subresource === 'status') {
    const others = (next.status?.conditions ?? []).filter((c) => !APPROVAL_TYPES.has(c.type))
    const approvals = oldConditions.filter((c) => APPROVAL_TYPES.has(c.type))
    next.status = {...(next.status ?? {}), conditions: [...approvals, ...others]}
  } else {
    next.status = structuredClone(previous.status ?? {})
  }
  const conditions = next.status.conditions
  if (conditions !== undefined) {
    if (conditions.length === 0) delete next.status.conditions
    else next.status.conditions = conditions.map((c) => withTimestamps(c, oldConditions, now))
  }
  check(info, next, previous)
  return next
}

// populateConditionTimestamps: a new condition is stamped now; one whose status did not change keeps its transition time
function withTimestamps(condition: CsrCondition, old: readonly CsrCondition[], now: string): CsrCondition {
  const result = {...condition}
  if (!result.lastUpdateTime) result.lastUpdateTime = now
  if (!result.lastTransitionTime) {
    const before = old.find((c) => c.type === condition.type)
    result.lastTransitionTime =
      before && before.status === condition.status && before.lastTransitionTime ? before.lastTransitionTime : now
  }
  return result
}

function check(info: ResourceInfo, csr: Csr, old: Csr | undefined): void {
  const causes = validateCsr(csr, old)
  if (causes.length > 0) throw invalid(info, csr.metadata.name ?? '', causes)
}

/** ValidateCertificateSigningRequestCreate/Update, the parts a client can get wrong. */
export function validateCsr(csr: Csr, old?: Csr): StatusCause[] {
  const causes: StatusCause[] = []
  const spec = csr.spec ?? {}
  if (old === undefined) {
    if (!spec.request) causes.push(required('spec.request'))
    else if (!isPemCertificateRequest(spec.request))
      causes.push({
        reason: 'FieldValueInvalid',
        field: 'spec.request',
        message: 'Invalid value: []byte{...}: PEM block type must be CERTIFICATE REQUEST',
      })
    if (!spec.signerName) causes.push(required('spec.signerName'))
    if (!spec.usages || spec.usages.length === 0) causes.push(required('spec.usages'))
    for (const [i, usage] of (spec.usages ?? []).entries()) {
      if (!KEY_USAGES.has(usage))
        causes.push({
          reason: 'FieldValueNotSupported',
          field: `spec.usages[${i}]`,
          message: `Unsupported value: "${usage}": supported values: ${[...KEY_USAGES].map((u) => `"${u}"`).join(', ')}`,
        })
    }
  }
  const conditions = csr.status?.conditions ?? []
  for (const [i, condition] of conditions.entries()) {
    const field = `status.conditions[${i}]`
    if (!condition.type) causes.push(required(`${field}.type`))
    if (!CONDITION_STATUSES.has(condition.status))
      causes.push({
        reason: 'FieldValueNotSupported',
        field: `${field}.status`,
        message: `Unsupported value: "${condition.status ?? ''}": supported values: "False", "True", "Unknown"`,
      })
  }
  const types = new Set(conditions.map((c) => c.type))
  if (types.has('Approved') && types.has('Denied'))
    causes.push({
      reason: 'FieldValueInvalid',
      field: 'status.conditions',
      message: 'Invalid value: "Approved": Approved and Denied conditions are mutually exclusive',
    })
  return causes
}

function required(field: string): StatusCause {
  return {reason: 'FieldValueRequired', field, message: 'Required value'}
}

// spec.request is PEM bytes (base64 in JSON); the block must be a CERTIFICATE REQUEST
function isPemCertificateRequest(request: string): boolean {
  const pem = Buffer.from(request, 'base64').toString('latin1')
  return /-----BEGIN CERTIFICATE REQUEST-----[\s\S]+-----END CERTIFICATE REQUEST-----/.test(pem)
}
