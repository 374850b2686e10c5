/**
 * go-yaml v2's implicit typing (sigs.k8s.io/yaml goyaml.v2 resolve.go and encode.go stringv, as
 * kubectl v1.32 vendors it): a string is written plain only if, read back as a plain scalar, it
 * would still be a string. So "true", "y", "no", "~", "123", "0x1F", "1e3", "1:20" and
 * "2026-01-01" are quoted, and "=" or "." are not.
 */

// YAML 1.1 words go-yaml v2 reads as booleans, nulls and special floats.
const RESOLVED_WORDS = new Set([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'],
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'],
  ...['', '~', 'null', 'Null', 'NULL'],
  ...['.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF'],
])
const WORD_HINTS = 'yYnNtTfFoO~'
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/
const TIMESTAMP =
  /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,][0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2}))|(?: ([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,][0-9]+)?))?$/
const INT64_MAX = 2n ** 63n - 1n

/** True when go-yaml v2 may write the string as a plain scalar (resolve gives !!str, not base 60). */
export function resolvesToString(text: string): boolean {
  if (RESOLVED_WORDS.has(text)) return false
  const first = text[0] ?? ''
  if (WORD_HINTS.includes(first)) return true
  if (first === '.') return !DOT_FLOAT.test(text)
  if (first !== '+' && first !== '-' && !(first >= '0' && first <= '9')) return true
  if (isBase60Float(text) || isYamlTimestamp(text)) return false
  const plain = text.replaceAll('_', '')
  return !isGoInteger(plain) && !(YAML_STYLE_FLOAT.test(plain) && Number.isFinite(Number(plain)))
}

function isBase60Float(text: string): boolean {
  return text.includes(':') && BASE60_FLOAT.test(text)
}

/** True when go-yaml v2 reads a plain scalar as a timestamp: its time.Parse layouts, with their range checks. */
export function isYamlTimestamp(text: string): boolean {
  const match = TIMESTAMP.exec(text)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false
  const [hour, minute, second] = match[4] !== undefined ? match.slice(4, 7) : match.slice(7, 10)
  return hour === undefined || (Number(hour) < 24 && Number(minute) < 60 && Number(second) < 60)
}

// strconv.ParseInt/ParseUint with base 0, or the big.Int fallback go-yaml uses on overflow.
function isGoInteger(text: string): boolean {
  const negative = text.startsWith('-')
  const unsigned = text.replace(/^[+-]/, '')
  const based = /^0([xXoObB])(.+)$/.exec(unsigned)
  let digits: string
  let radix: number
  if (based) {
    const prefix = (based[1] ?? '').toLowerCase()
    radix = prefix === 'x' ? 16 : prefix === 'o' ? 8 : 2
    digits = based[2] ?? ''
  } else if (unsigned.length > 1 && unsigned.startsWith('0')) {
    radix = 8
    digits = unsigned.slice(1)
  } else {
    radix = 10
    digits = unsigned
  }
  const alphabet = '0123456789abcdef'.slice(0, radix)
  if (digits.length === 0 || ![...digits.toLowerCase()].every((digit) => alphabet.includes(digit))) return false
  const magnitude = [...digits.toLowerCase()].reduce(
    (sum, digit) => sum * BigInt(radix) + BigInt(alphabet.indexOf(digit)),
    0n,
  )
  // ParseInt takes negatives down to -2^63; any positive value is an int, uint or big.Int
  return !negative || magnitude <= INT64_MAX + 1n
}
