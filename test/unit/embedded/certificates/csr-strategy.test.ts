import {describe, expect, it} from 'vitest'
import {BUILTIN_RESOURCES} from '../../../../src/resources/builtin.js'
import {prepareCsrCreate, prepareCsrUpdate} from '../../../../src/embedded/certificates/csr-strategy.js'
import {decide} from '../../../../src/kubectl/certificate-approval.js'

const info = BUILTIN_RESOURCES.find((r) => r.resource === 'certificatesigningrequests')!
const request = Buffer.from('-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n').toString(
  'base64',
)
const csr = {
  apiVersion: 'certificates.k8s.io/v1',
  kind: 'CertificateSigningRequest',
  metadata: {name: 'foo'},
  spec: {request, signerName: 'kubernetes.io/kube-apiserver-client', usages: ['client auth'], username: 'forged'},
  status: {conditions: [{type: 'Approved', status: 'True'}]},
}

describe('CertificateSigningRequest strategy', () => {
  it('stamps the requester over what the client sent and drops status', () => {
    const created = prepareCsrCreate(info, csr, {username: 'user1', uid: 'abc', groups: ['g', 'system:authenticated']})
    expect(created['spec']).toMatchObject({username: 'user1', uid: 'abc', groups: ['g', 'system:authenticated']})
    expect(created['status']).toEqual({})
  })

  it('refuses a request that is not a PEM CERTIFICATE REQUEST', () => {
    const bad = {...csr, spec: {...csr.spec, request: Buffer.from('nope').toString('base64')}}
    expect(() => prepareCsrCreate(info, bad, {username: 'u', groups: []})).toThrow(/CERTIFICATE REQUEST/)
  })

  it('takes Approved only through the approval subresource, with timestamps', () => {
    const stored = prepareCsrCreate(info, csr, {username: 'u', groups: []})
    const {csr: approved} = decide(stored, 'Approved')
    expect(prepareCsrUpdate(info, approved, stored, undefined, 'T')['status']).toEqual({})
    const viaApproval = prepareCsrUpdate(info, approved, stored, 'approval', 'T')
    expect(viaApproval['status']).toMatchObject({
      conditions: [{type: 'Approved', reason: 'KubectlApprove', lastUpdateTime: 'T', lastTransitionTime: 'T'}],
    })
    expect(() => decide(viaApproval, 'Denied')).toThrow('certificate signing request "foo" is already approved')
  })
})
