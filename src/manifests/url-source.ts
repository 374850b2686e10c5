// Reading a -f URL as kubectl's URLVisitor does (cli-runtime visitor.go readHttpWithRetries, v1.32): up to
// three attempts a second apart, retrying failed connections and 5xx answers, and kubectl's words for failures.
import {HttpRequestError} from './io.js'
import type {ManifestIO} from './io.js'

// kubectl: defaultHttpGetAttempts and the one-second pause between attempts (builder.go, visitor.go)
const HTTP_GET_ATTEMPTS = 3
const RETRY_DELAY_MS = 1000

/** A URL that could not be read; `bare` messages are printed without kubectl's `error: ` prefix. */
export class UrlReadError extends Error {
  constructor(
    message: string,
    readonly bare: boolean,
  ) {
    super(message)
    this.name = 'UrlReadError'
  }
}

/** The `the URL passed to filename ... is not valid` message for a value kubectl cannot parse, if any. */
export function invalidUrlMessage(value: string): string | undefined {
  let reason: string | undefined
  const badEscape = /%(?![0-9a-fA-F]{2})(.{0,2})/s.exec(value)
  const authority = /^https?:\/\/([^/?#]*)/.exec(value)?.[1] ?? ''
  const port = /^(?:\[[^\]]*\]|[^:]*)(:.*)$/.exec(authority.slice(authority.lastIndexOf('@') + 1))?.[1]
  if (badEscape) reason = `invalid URL escape "%${badEscape[1] ?? ''}"`
  else if (authority.startsWith('[') && !authority.includes(']')) reason = "missing ']' in host"
  else if (port !== undefined && !/^:\d*$/.test(port)) reason = `invalid port "${port}" after host`
  else if (!URL.canParse(value)) reason = 'invalid URL'
  return reason === undefined
    ? undefined
    : `the URL passed to filename "${value}" is not valid: parse "${value}": ${reason}`
}

// kubectl's StandardErrorMessage for a *url.Error.
function connectionMessage(url: string, error: HttpRequestError): UrlReadError {
  const {host, hostname} = new URL(url)
  if (error.code === 'ECONNREFUSED')
    return new UrlReadError(
      `The connection to the server ${host} was refused - did you specify the right host or port?`,
      true,
    )
  const reasons: Record<string, string> = {
    ENOTFOUND: `dial tcp: lookup ${hostname}: no such host`,
    EAI_AGAIN: `dial tcp: lookup ${hostname}: server misbehaving`,
    ETIMEDOUT: `dial tcp ${host}: i/o timeout`,
    UND_ERR_CONNECT_TIMEOUT: `dial tcp ${host}: i/o timeout`,
    ECONNRESET: `read tcp ${host}: read: connection reset by peer`,
    EHOSTUNREACH: `dial tcp ${host}: connect: no route to host`,
    ENETUNREACH: `dial tcp ${host}: connect: network is unreachable`,
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls: failed to verify certificate: x509: certificate signed by unknown authority',
    SELF_SIGNED_CERT_IN_CHAIN: 'tls: failed to verify certificate: x509: certificate signed by unknown authority',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'tls: failed to verify certificate: x509: certificate signed by unknown authority',
    CERT_HAS_EXPIRED: 'tls: failed to verify certificate: x509: certificate has expired or is not yet valid',
  }
  return new UrlReadError(`Unable to connect to the server: ${reasons[error.code] ?? error.message}`, true)
}

/** Fetches a manifest URL; throws UrlReadError worded as kubectl. */
export async function readUrl(io: ManifestIO, url: string): Promise<Buffer> {
  let failure: UrlReadError | undefined
  for (let attempt = 0; attempt < HTTP_GET_ATTEMPTS; attempt++) {
    if (attempt > 0) await io.sleep(RETRY_DELAY_MS)
    try {
      const response = await io.get(url)
      if (response.status === 200) return response.body
      const status = `${response.status} ${response.statusText}`.trim()
      failure = new UrlReadError(
        `unable to read URL "${url}", server reported ${status}, status code=${response.status}`,
        false,
      )
      // only server errors are worth another try
      if (response.status < 500 || response.status >= 600) break
    } catch (error) {
      if (!(error instanceof HttpRequestError)) throw error
      failure = connectionMessage(url, error)
    }
  }
  throw failure ?? new UrlReadError(`unable to read URL "${url}"`, false)
}
