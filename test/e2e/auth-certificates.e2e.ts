import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {createSandbox, type Sandbox} from './support/cli.js'

// any base64 is a request as far as the API server's storage goes; no signer runs offline
const CSR = `apiVersion: certificates.k8s.io/v1
kind: CertificateSigningRequest
metadata: {name: alice}
spec:
  request: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURSBSRVFVRVNULS0tLS0KLS0tLS1FTkQgQ0VSVElGSUNBVEUgUkVRVUVTVC0tLS0tCg==
  signerName: kubernetes.io/kube-apiserver-client
  usages: [client auth]
`

describe('who am I, and certificate signing requests', () => {
  let sandbox: Sandbox
  beforeEach(() => {
    sandbox = createSandbox()
  })
  afterEach(() => sandbox.dispose())

  it('says who the embedded cluster takes the user for, as a table and as an object', async () => {
    const table = await sandbox.run(['auth', 'whoami'])
    expect(table.stdout).toBe(
      'ATTRIBUTE   VALUE\nUsername    system:apiserver\nGroups      [system:masters system:authenticated]\n',
    )
    const name = await sandbox.run(['auth', 'whoami', '-o', 'jsonpath={.kind} {.status.userInfo.username}'])
    expect(name.stdout).toBe('SelfSubjectReview system:apiserver')
  })

  it('records the requester, approves once, and refuses to deny what is approved', async () => {
    sandbox.write('csr.yaml', CSR)
    expect((await sandbox.run(['apply', '-f', 'csr.yaml'])).stdout).toBe(
      'certificatesigningrequest.certificates.k8s.io/alice created\n',
    )
    const pending = await sandbox.run([
      'get',
      'csr',
      'alice',
      '-o',
      'custom-columns=USER:.spec.username,N:.status.conditions',
    ])
    expect(pending.stdout).toBe('USER               N\nsystem:apiserver   <none>\n')
    expect((await sandbox.run(['certificate', 'approve', 'alice'])).stdout).toBe(
      'certificatesigningrequest.certificates.k8s.io/alice approved\n',
    )
    const approved = await sandbox.run(['get', 'csr', 'alice', '-o', 'jsonpath={.status.conditions[0].type}'])
    expect(approved.stdout).toBe('Approved')
    const deny = await sandbox.run(['certificate', 'deny', 'alice'])
    expect(deny.exitCode).toBe(1)
    expect(deny.stderr).toBe('error: certificate signing request "alice" is already approved\n')
  })
})
