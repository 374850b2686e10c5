// Label key/value and DNS name syntax, worded as k8s.io/apimachinery/pkg/util/validation (v1.32).
// Each check returns the list of problems (empty when valid), as the Go functions do, so callers
// can wrap them into field errors (admission) or client-side messages (kubectl label).

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?'
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?'
const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'
const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`

const DNS1123_LABEL_RE = new RegExp(`^${DNS1123_LABEL_FMT}$`)
const DNS1123_SUBDOMAIN_RE = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`)
const DNS1035_LABEL_RE = new RegExp(`^${DNS1035_LABEL_FMT}$`)
const QUALIFIED_NAME_RE = new RegExp(`^${QUALIFIED_NAME_FMT}$`)
const LABEL_VALUE_RE = new RegExp(`^${LABEL_VALUE_FMT}$`)

/** A DNS-1123 label is at most 63 characters. */
const DNS1123_LABEL_MAX_LENGTH = 63
/** A DNS-1123 subdomain is at most 253 characters. */
const DNS1123_SUBDOMAIN_MAX_LENGTH = 253
/** A label value (and a qualified name's name part) is at most 63 characters. */
const LABEL_VALUE_MAX_LENGTH = 63

const QUALIFIED_NAME_ERR =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
const LABEL_VALUE_ERR =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
const DNS1123_LABEL_ERR =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"
const DNS1123_SUBDOMAIN_ERR =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"
const DNS1035_LABEL_ERR =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character"

const encoder = new TextEncoder()

/** Length in bytes, as Go's len(string) counts. */
export function byteLength(value: string): number {
  return encoder.encode(value).length
}

/** `must be no more than N characters` (validation.MaxLenError). */
export function maxLenError(length: number): string {
  return `must be no more than ${length} characters`
}

/** `must be non-empty` (validation.EmptyError). */
function emptyError(): string {
  return 'must be non-empty'
}

/** The regex explanation Kubernetes appends to syntax errors (validation.RegexError). */
export function regexError(message: string, format: string, ...examples: string[]): string {
  if (examples.length === 0) return `${message} (regex used for validation is '${format}')`
  // Go appends "', " after each example and " or " between them, hence the double space.
  const shown = examples.map((example) => `'${example}', `).join(' or ')
  return `${message} (e.g. ${shown}regex used for validation is '${format}')`
}

/** Problems with a DNS-1123 label (namespaces, container names, port names of services, ...). */
export function isDNS1123Label(value: string): string[] {
  const errors: string[] = []
  if (byteLength(value) > DNS1123_LABEL_MAX_LENGTH) errors.push(maxLenError(DNS1123_LABEL_MAX_LENGTH))
  if (!DNS1123_LABEL_RE.test(value)) {
    // A valid subdomain that is not a label can only be wrong because of its dots.
    if (DNS1123_SUBDOMAIN_RE.test(value)) errors.push('must not contain dots')
    else errors.push(regexError(DNS1123_LABEL_ERR, DNS1123_LABEL_FMT, 'my-name', '123-abc'))
  }
  return errors
}

/** Problems with a DNS-1123 subdomain (most object names, label key prefixes). */
export function isDNS1123Subdomain(value: string): string[] {
  const errors: string[] = []
  if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errors.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH))
  if (!DNS1123_SUBDOMAIN_RE.test(value)) {
    errors.push(regexError(DNS1123_SUBDOMAIN_ERR, DNS1123_SUBDOMAIN_FMT, 'example.com'))
  }
  return errors
}

/** Problems with a DNS-1035 label (Service names). */
export function isDNS1035Label(value: string): string[] {
  const errors: string[] = []
  if (byteLength(value) > DNS1123_LABEL_MAX_LENGTH) errors.push(maxLenError(DNS1123_LABEL_MAX_LENGTH))
  if (!DNS1035_LABEL_RE.test(value)) {
    errors.push(regexError(DNS1035_LABEL_ERR, DNS1035_LABEL_FMT, 'my-name', 'abc-123'))
  }
  return errors
}

/** Problems with a qualified name: a label key, annotation key or finalizer (`[prefix/]name`). */
export function isQualifiedName(value: string): string[] {
  const errors: string[] = []
  const parts = value.split('/')
  let name: string
  if (parts.length === 1) {
    name = parts[0] ?? ''
  } else if (parts.length === 2) {
    const prefix = parts[0] ?? ''
    name = parts[1] ?? ''
    if (prefix.length === 0) errors.push(`prefix part ${emptyError()}`)
    else errors.push(...isDNS1123Subdomain(prefix).map((message) => `prefix part ${message}`))
  } else {
    return [
      `a qualified name ${regexError(QUALIFIED_NAME_ERR, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}` +
        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ]
  }
  if (name.length === 0) errors.push(`name part ${emptyError()}`)
  else if (byteLength(name) > LABEL_VALUE_MAX_LENGTH) errors.push(`name part ${maxLenError(LABEL_VALUE_MAX_LENGTH)}`)
  if (!QUALIFIED_NAME_RE.test(name)) {
    errors.push(`name part ${regexError(QUALIFIED_NAME_ERR, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`)
  }
  return errors
}

/** Problems with a label value (may be empty). */
export function isValidLabelValue(value: string): string[] {
  const errors: string[] = []
  if (byteLength(value) > LABEL_VALUE_MAX_LENGTH) errors.push(maxLenError(LABEL_VALUE_MAX_LENGTH))
  if (!LABEL_VALUE_RE.test(value)) {
    errors.push(regexError(LABEL_VALUE_ERR, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'))
  }
  return errors
}
