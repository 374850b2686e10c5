import {createPrivateKey, generateKeyPairSync, randomBytes, X509Certificate} from 'node:crypto'
import {chmodSync, existsSync, readFileSync, writeFileSync} from 'node:fs'
import {isIP} from 'node:net'
import {join} from 'node:path'
import forge from 'node-forge'
import {ensurePrivateDir} from '../private-files.js'

/*
 * The certificates `skiff serve` speaks HTTPS with, kept under the cluster's directory (mode 0600): the CA, so a
 * restarted server is trusted by the kubeconfigs written before, and the serving certificate, reused while the
 * CA signed it, it covers the address asked for and it is not about to expire (issuing one costs a key pair and
 * an RSA signature in JavaScript: most of a second on a busy machine). Keys come from node:crypto; node-forge
 * builds and signs the X.509 certificates.
 */

/** A PEM certificate and its PEM private key. */
export interface KeyPair {
  cert: string
  key: string
}

/** What the HTTPS server needs: the CA (whose certificate clients trust) and the serving pair it signed. */
export interface ServingCertificates {
  ca: KeyPair
  serving: KeyPair
}

const CA_CERT_FILE = 'serve-ca.crt'
const CA_KEY_FILE = 'serve-ca.key'
const SERVING_CERT_FILE = 'serve.crt'
const SERVING_KEY_FILE = 'serve.key'
const DAY_MS = 24 * 60 * 60 * 1000
const CA_LIFETIME_MS = 10 * 365 * DAY_MS
const SERVING_LIFETIME_MS = 365 * DAY_MS
// a CA that expires within this margin is replaced rather than used to sign a new serving certificate
const CA_RENEW_MARGIN_MS = 30 * DAY_MS

function rsaKeyPair(): {publicKey: forge.pki.rsa.PublicKey; privateKey: forge.pki.rsa.PrivateKey; pem: string} {
  const {privateKey} = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: {type: 'pkcs1', format: 'pem'},
    publicKeyEncoding: {type: 'spki', format: 'pem'},
  })
  const forgeKey = forge.pki.privateKeyFromPem(privateKey)
  return {
    privateKey: forgeKey,
    publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e),
    pem: privateKey,
  }
}

// a positive random serial number (RFC 5280: at most 20 octets, non-negative)
function serialNumber(): string {
  const bytes = randomBytes(16)
  bytes[0] = (bytes[0] ?? 0) & 0x7f
  return bytes.toString('hex')
}

// UTF8String: forge's default PrintableString cannot hold '@' or '_', and Go's x509 rejects such a certificate.
// forge reads valueTagClass as the value's ASN.1 type; @types/node-forge mistypes it as a tag class.
function commonNameAttribute(value: string): forge.pki.CertificateField {
  return {name: 'commonName', value, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class}
}

/** A self-signed CA certificate valid from `now` for ten years. */
export function createCertificateAuthority(commonName: string, now: Date): KeyPair {
  const keys = rsaKeyPair()
  const cert = forge.pki.createCertificate()
  cert.publicKey = keys.publicKey
  cert.serialNumber = serialNumber()
  cert.validity.notBefore = new Date(now.getTime() - 60_000)
  cert.validity.notAfter = new Date(now.getTime() + CA_LIFETIME_MS)
  const subject = [commonNameAttribute(commonName)]
  cert.setSubject(subject)
  cert.setIssuer(subject)
  cert.setExtensions([
    {name: 'basicConstraints', cA: true, critical: true},
    {name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true},
    {name: 'subjectKeyIdentifier'},
  ])
  cert.sign(keys.privateKey, forge.md.sha256.create())
  return {cert: forge.pki.certificateToPem(cert), key: keys.pem}
}

/** A serving certificate for `hosts` (IP addresses and DNS names), signed by `ca`, valid from `now` for a year. */
export function issueServingCertificate(ca: KeyPair, hosts: readonly string[], now: Date): KeyPair {
  const caCert = forge.pki.certificateFromPem(ca.cert)
  const caKey = forge.pki.privateKeyFromPem(ca.key)
  const keys = rsaKeyPair()
  const cert = forge.pki.createCertificate()
  cert.publicKey = keys.publicKey
  cert.serialNumber = serialNumber()
  cert.validity.notBefore = new Date(now.getTime() - 60_000)
  cert.validity.notAfter = new Date(Math.min(now.getTime() + SERVING_LIFETIME_MS, caCert.validity.notAfter.getTime()))
  cert.setSubject([commonNameAttribute(hosts[0] ?? 'localhost')])
  cert.setIssuer(caCert.subject.attributes)
  // altNames type 7 is an IP address, type 2 a DNS name (RFC 5280 GeneralName)
  const altNames = [...new Set(hosts)].map((host) => (isIP(host) ? {type: 7, ip: host} : {type: 2, value: host}))
  cert.setExtensions([
    {name: 'basicConstraints', cA: false, critical: true},
    {name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true},
    {name: 'extKeyUsage', serverAuth: true},
    {name: 'subjectAltName', altNames},
    {name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes()},
  ])
  cert.sign(caKey, forge.md.sha256.create())
  return {cert: forge.pki.certificateToPem(cert), key: keys.pem}
}

function usableCa(pair: KeyPair, now: Date): boolean {
  try {
    const cert = forge.pki.certificateFromPem(pair.cert)
    forge.pki.privateKeyFromPem(pair.key)
    return cert.validity.notAfter.getTime() - CA_RENEW_MARGIN_MS > now.getTime()
  } catch {
    return false
  }
}

function readPair(dir: string, certFile: string, keyFile: string): KeyPair | undefined {
  const cert = join(dir, certFile)
  const key = join(dir, keyFile)
  if (!existsSync(cert) || !existsSync(key)) return undefined
  return {cert: readFileSync(cert, 'utf8'), key: readFileSync(key, 'utf8')}
}

function writePair(dir: string, certFile: string, keyFile: string, pair: KeyPair): void {
  ensurePrivateDir(dir)
  for (const [file, text] of [
    [join(dir, keyFile), pair.key],
    [join(dir, certFile), pair.cert],
  ] as const) {
    writeFileSync(file, text, {mode: 0o600})
    // writeFileSync's mode applies only when it creates the file
    chmodSync(file, 0o600)
  }
}

/** The CA kept in `dir` (created, or replaced when unreadable or near expiry), files written with mode 0600. */
export function loadOrCreateCa(dir: string, commonName: string, now: Date): KeyPair {
  const kept = readPair(dir, CA_CERT_FILE, CA_KEY_FILE)
  if (kept && usableCa(kept, now)) return kept
  const created = createCertificateAuthority(commonName, now)
  writePair(dir, CA_CERT_FILE, CA_KEY_FILE, created)
  return created
}

// a kept serving certificate serves again when this CA signed it, it names every host, and it has a month left
function usableServing(pair: KeyPair, ca: KeyPair, hosts: readonly string[], now: Date): boolean {
  try {
    const cert = new X509Certificate(pair.cert)
    if (!cert.checkIssued(new X509Certificate(ca.cert))) return false
    if (!cert.checkPrivateKey(createPrivateKey(pair.key))) return false
    if (new Date(cert.validTo).getTime() - CA_RENEW_MARGIN_MS <= now.getTime()) return false
    return hosts.every((host) => (isIP(host) ? cert.checkIP(host) : cert.checkHost(host)) !== undefined)
  } catch {
    return false
  }
}

/** The names a serving certificate covers: the loopback names, plus the address asked to listen on. */
export function servingHosts(address: string): string[] {
  const hosts = ['127.0.0.1', 'localhost', '::1']
  if (address !== '' && address !== '0.0.0.0' && address !== '::' && !hosts.includes(address)) hosts.push(address)
  return hosts
}

/** The CA of the cluster's directory and a serving certificate for `address` (kept, or issued and kept). */
export function servingCertificates(dir: string, clusterName: string, address: string, now: Date): ServingCertificates {
  const ca = loadOrCreateCa(dir, `skiff-ca@${clusterName}`, now)
  const hosts = servingHosts(address)
  const kept = readPair(dir, SERVING_CERT_FILE, SERVING_KEY_FILE)
  if (kept && usableServing(kept, ca, hosts, now)) return {ca, serving: kept}
  const serving = issueServingCertificate(ca, hosts, now)
  writePair(dir, SERVING_CERT_FILE, SERVING_KEY_FILE, serving)
  return {ca, serving}
}
