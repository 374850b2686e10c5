// How a request's target is read. kube-apiserver takes the path as Go's net/http unescaped it
// (url.ParseRequestURI refuses a malformed escape) and splits it on '/' (apiserver
// endpoints/request/requestinfo.go splitPath, v1.32). Nothing resolves `.` or `..`: they are names like
// any other, which the handlers then refuse, so no request reaches an object it does not name. (WHATWG's
// URL, which `new URL()` follows, resolves them, and `%2E%2E` with them: DELETE .../configmaps/%2E%2E
// would become DELETE on the namespace.)
import {badRequest} from '../../backend/status.js'
import {goQuote} from '../../resources/go-format.js'

/** A request target split into its raw path and its query. */
export interface RequestTarget {
  /** the path as sent, still percent-encoded */
  path: string
  query: URLSearchParams
}

const UTF8 = new TextDecoder('utf-8', {fatal: true})

/** Splits `req.url` at the first `?`; a request target has no fragment, so `#` is part of the path (Go's ParseRequestURI). */
export function splitRequestTarget(url: string): RequestTarget {
  const at = url.indexOf('?')
  if (at === -1) return {path: url, query: new URLSearchParams()}
  return {path: url.slice(0, at), query: new URLSearchParams(url.slice(at + 1))}
}

function malformed(detail: string): Error {
  return badRequest(`malformed request path: ${detail}`)
}

// Go's url.unescape in path mode: every '%' starts two hex digits, else `invalid URL escape "%zz"`
function unescapeSegment(segment: string): string {
  if (!segment.includes('%')) return segment
  const bytes: number[] = []
  for (let i = 0; i < segment.length; i++) {
    const char = segment[i] ?? ''
    if (char !== '%') {
      for (const byte of Buffer.from(char, 'utf8')) bytes.push(byte)
      continue
    }
    const hex = segment.slice(i + 1, i + 3)
    if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw malformed(`invalid URL escape ${goQuote(segment.slice(i, i + 3))}`)
    bytes.push(Number.parseInt(hex, 16))
    i += 2
  }
  try {
    return UTF8.decode(Uint8Array.from(bytes))
  } catch {
    // Go would carry the bytes as they are; no stored name can hold them, and JSON cannot carry them back
    throw malformed(`${goQuote(segment)} does not decode to UTF-8`)
  }
}

/**
 * The segments of a request path: leading and trailing slashes trimmed, split on '/', each segment
 * unescaped on its own (an escaped slash stays inside its segment, where the name check refuses it).
 * Empty inner segments are kept (`namespaces//configmaps` names the namespace ""). Throws BadRequest for
 * a malformed escape or bytes that are not UTF-8.
 */
export function pathSegments(path: string): string[] {
  const trimmed = path.replace(/^\/+|\/+$/g, '')
  if (trimmed === '') return []
  return trimmed.split('/').map(unescapeSegment)
}
