import {mkdtempSync, rmSync, statSync} from 'node:fs'
import {createServer, request} from 'node:https'
import type {AddressInfo} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {X509Certificate} from 'node:crypto'
import {afterEach, describe, expect, it} from 'vitest'
import {
  createCertificateAuthority,
  issueServingCertificate,
  loadOrCreateCa,
  servingCertificates,
  servingHosts,
} from '../../../../src/embedded/server/tls.js'

const NOW = new Date('2026-11-23T10:00:00Z')

describe('serving certificates', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true})
  })
  const tempDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'skiff-tls-'))
    dirs.push(dir)
    return dir
  }

  it('makes a CA that signs a serving certificate for the loopback names', () => {
    const ca = createCertificateAuthority('skiff-ca@my_cluster', NOW)
    const serving = issueServingCertificate(ca, servingHosts('127.0.0.1'), NOW)
    const caCert = new X509Certificate(ca.cert)
    const cert = new X509Certificate(serving.cert)
    expect(caCert.ca).toBe(true)
    expect(caCert.subject).toBe('CN=skiff-ca@my_cluster')
    expect(cert.ca).toBe(false)
    expect(cert.verify(caCert.publicKey)).toBe(true)
    expect(cert.checkIssued(caCert)).toBe(true)
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1')
    expect(cert.checkHost('localhost')).toBe('localhost')
    expect(cert.checkIP('10.0.0.1')).toBeUndefined()
    expect(new Date(cert.validFrom).getTime()).toBeLessThanOrEqual(NOW.getTime())
  })

  it('covers an address asked for besides the loopback names', () => {
    expect(servingHosts('192.0.2.10')).toEqual(['127.0.0.1', 'localhost', '::1', '192.0.2.10'])
    expect(servingHosts('0.0.0.0')).toEqual(['127.0.0.1', 'localhost', '::1'])
  })

  it('keeps the CA in the cluster directory with mode 0600, and gives the same CA on the next start', () => {
    const dir = tempDir()
    const first = loadOrCreateCa(dir, 'skiff-ca@default', NOW)
    expect(statSync(join(dir, 'serve-ca.key')).mode & 0o777).toBe(0o600)
    expect(statSync(join(dir, 'serve-ca.crt')).mode & 0o777).toBe(0o600)
    expect(loadOrCreateCa(dir, 'skiff-ca@default', NOW)).toEqual(first)
    // ten years on, the CA is replaced
    const later = new Date(NOW.getTime() + 10 * 365 * 24 * 3600 * 1000)
    expect(loadOrCreateCa(dir, 'skiff-ca@default', later).cert).not.toBe(first.cert)
  })

  it('keeps the serving certificate while it covers the address, and issues a new one for another', () => {
    const dir = tempDir()
    const first = servingCertificates(dir, 'default', '127.0.0.1', NOW)
    expect(statSync(join(dir, 'serve.key')).mode & 0o777).toBe(0o600)
    expect(servingCertificates(dir, 'default', '127.0.0.1', NOW)).toEqual(first)
    const other = servingCertificates(dir, 'default', '192.0.2.10', NOW)
    expect(other.ca).toEqual(first.ca)
    expect(other.serving.cert).not.toBe(first.serving.cert)
    expect(new X509Certificate(other.serving.cert).checkIP('192.0.2.10')).toBe('192.0.2.10')
  })

  it('lets a TLS client that trusts only the CA talk to a server using the serving certificate', async () => {
    const {ca, serving} = servingCertificates(tempDir(), 'default', '127.0.0.1', new Date())
    const server = createServer({cert: serving.cert, key: serving.key}, (_req, res) => res.end('hello'))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const {port} = server.address() as AddressInfo
    try {
      const body = await new Promise<string>((resolve, reject) => {
        const req = request(`https://127.0.0.1:${port}/`, {ca: ca.cert}, (res) => {
          let text = ''
          res.on('data', (chunk: Buffer) => (text += chunk.toString()))
          res.on('end', () => resolve(text))
        })
        req.on('error', reject)
        req.end()
      })
      expect(body).toBe('hello')
    } finally {
      server.close()
    }
  })
})
