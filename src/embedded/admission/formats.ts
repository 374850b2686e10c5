// Value formats other than labels, worded as k8s.io/apimachinery/pkg/util/validation and
// pkg/api/validation (v1.32): object names, config keys, ports, percents, env names, IPs.
import {
  byteLength,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  maxLenError,
  regexError,
} from '../../resources/label-syntax.js'

/** Checks an object name; prefix is true for generateName, whose trailing dash is allowed. */
export type NameValidator = (name: string, prefix: boolean) => string[]

// maskTrailingDash: a generateName may end in '-', since five characters follow it.
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name
}

/** apimachinery NameIsDNSSubdomain. */
export const nameIsDNSSubdomain: NameValidator = (name, prefix) =>
  isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name)

/** apimachinery NameIsDNSLabel (Namespace, StatefulSet). */
export const nameIsDNSLabel: NameValidator = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name)

/** apimachinery NameIsDNS1035Label (Service). */
export const nameIsDNS1035Label: NameValidator = (name, prefix) =>
  isDNS1035Label(prefix ? maskTrailingDash(name) : name)

/** path.ValidatePathSegmentName (RBAC names, scale target kinds). */
export const nameIsPathSegment: NameValidator = (name) => {
  if (name === '.' || name === '..') return [`may not be '${name}'`]
  const errors: string[] = []
  for (const illegal of ['/', '%']) if (name.includes(illegal)) errors.push(`may not contain '${illegal}'`)
  return errors
}

const CONFIG_MAP_KEY_FMT = '[-._a-zA-Z0-9]+'
const CONFIG_MAP_KEY_RE = new RegExp(`^${CONFIG_MAP_KEY_FMT}$`)

function chDirPrefixErrors(value: string): string[] {
  if (value === '.') return ["must not be '.'"]
  if (value === '..') return ["must not be '..'"]
  if (value.startsWith('..')) return ["must not start with '..'"]
  return []
}

/** validation.IsConfigMapKey: keys of ConfigMap and Secret data. */
export function isConfigMapKey(value: string): string[] {
  const errors: string[] = []
  if (byteLength(value) > 253) errors.push(maxLenError(253))
  if (!CONFIG_MAP_KEY_RE.test(value)) {
    errors.push(
      regexError(
        "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
        CONFIG_MAP_KEY_FMT,
        'key.name',
        'KEY_NAME',
        'key-name',
      ),
    )
  }
  errors.push(...chDirPrefixErrors(value))
  return errors
}

/** `must be between lo and hi, inclusive` (validation.InclusiveRangeError). */
export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`
}

/** validation.IsValidPortNum: 1..65535. */
export function isValidPortNum(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)]
}

/** validation.IsValidPortName: IANA service names, at most 15 characters. */
export function isValidPortName(port: string): string[] {
  const errors: string[] = []
  if (byteLength(port) > 15) errors.push(maxLenError(15))
  if (!/^[-a-z0-9]+$/.test(port)) errors.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)')
  if (!/[a-z]/.test(port)) errors.push('must contain at least one letter (a-z)')
  if (port.includes('--')) errors.push('must not contain consecutive hyphens')
  if (port.startsWith('-') || port.endsWith('-')) errors.push('must not begin or end with a hyphen')
  return errors
}

/** validation.IsValidPercent: `25%`. */
export function isValidPercent(percent: string): string[] {
  if (/^[0-9]+%$/.test(percent)) return []
  return [
    regexError("a valid percent string must be a numeric string followed by an ending '%'", '[0-9]+%', '1%', '93%'),
  ]
}

const ENV_VAR_NAME_FMT = '[-._a-zA-Z][-._a-zA-Z0-9]*'

/** validation.IsEnvVarName. */
export function isEnvVarName(value: string): string[] {
  const errors: string[] = []
  if (!new RegExp(`^${ENV_VAR_NAME_FMT}$`).test(value)) {
    errors.push(
      regexError(
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
        ENV_VAR_NAME_FMT,
        'my.env-name',
        'MY_ENV.NAME',
        'MyEnvName1',
      ),
    )
  }
  errors.push(...chDirPrefixErrors(value))
  return errors
}

const IPV4_RE = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/

/** The four octets of an IPv4 address (leading zeros tolerated, as ParseIPSloppy does), or undefined. */
export function parseIPv4(value: string): [number, number, number, number] | undefined {
  const match = IPV4_RE.exec(value)
  if (!match) return undefined
  const octets = match.slice(1, 5).map((part) => Number.parseInt(part, 10))
  if (octets.some((octet) => octet > 255)) return undefined
  return [octets[0] ?? 0, octets[1] ?? 0, octets[2] ?? 0, octets[3] ?? 0]
}

function isIPv6(value: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(value) || !value.includes(':')) return false
  const doubleColons = value.split('::').length - 1
  if (doubleColons > 1) return false
  let groups = value.split(':').filter((g) => g.length > 0)
  const last = groups[groups.length - 1]
  let count = groups.length
  if (last !== undefined && last.includes('.')) {
    if (!parseIPv4(last)) return false
    groups = groups.slice(0, -1)
    count = groups.length + 2
  }
  if (!groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false
  return doubleColons === 1 ? count < 8 : count === 8
}

/** True for an IPv4 or IPv6 address. */
export function isIP(value: string): boolean {
  return parseIPv4(value) !== undefined || isIPv6(value)
}

/** validation.IsValidIP's detail. */
export const INVALID_IP_MESSAGE = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'
