/** `date` and `printf` output formats, as coreutils and busybox print them (UTC: containers have no TZ). */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]
// date's default output: `Wed Aug 14 09:05:26 UTC 2024`
const DEFAULT_DATE_FORMAT = '%a %b %e %H:%M:%S %Z %Y'

const pad = (n: number, width = 2, fill = '0'): string => String(n).padStart(width, fill)

/** `date [+FORMAT]` at an epoch moment. */
export function formatDate(epochMs: number, format = DEFAULT_DATE_FORMAT): string {
  const d = new Date(epochMs)
  const hours12 = d.getUTCHours() % 12 === 0 ? 12 : d.getUTCHours() % 12
  const dayOfYear = Math.floor((epochMs - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1
  const fields: Record<string, string> = {
    a: DAYS[d.getUTCDay()] ?? '',
    A: LONG_DAYS[d.getUTCDay()] ?? '',
    b: MONTHS[d.getUTCMonth()] ?? '',
    h: MONTHS[d.getUTCMonth()] ?? '',
    B: LONG_MONTHS[d.getUTCMonth()] ?? '',
    d: pad(d.getUTCDate()),
    e: pad(d.getUTCDate(), 2, ' '),
    H: pad(d.getUTCHours()),
    I: pad(hours12),
    j: pad(dayOfYear, 3),
    m: pad(d.getUTCMonth() + 1),
    M: pad(d.getUTCMinutes()),
    S: pad(d.getUTCSeconds()),
    N: pad(d.getUTCMilliseconds(), 3) + '000000',
    p: d.getUTCHours() < 12 ? 'AM' : 'PM',
    s: String(Math.floor(epochMs / 1000)),
    u: String(d.getUTCDay() === 0 ? 7 : d.getUTCDay()),
    w: String(d.getUTCDay()),
    y: pad(d.getUTCFullYear() % 100),
    Y: String(d.getUTCFullYear()),
    Z: 'UTC',
    z: '+0000',
    n: '\n',
    t: '\t',
    '%': '%',
  }
  fields['T'] = `${fields['H']}:${fields['M']}:${fields['S']}`
  fields['R'] = `${fields['H']}:${fields['M']}`
  fields['D'] = `${fields['m']}/${fields['d']}/${fields['y']}`
  fields['F'] = `${fields['Y']}-${fields['m']}-${fields['d']}`
  fields['c'] = `${fields['a']} ${fields['b']} ${fields['e']} ${fields['T']} ${fields['Y']}`
  return format.replace(/%(.)/g, (whole, letter: string) => fields[letter] ?? whole)
}

/** Interprets backslash escapes as `printf` and `echo -e` do. */
export function unescape(text: string): {text: string; stop: boolean} {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c !== '\\' || i === text.length - 1) {
      out += c
      continue
    }
    const next = text[++i] ?? ''
    const simple: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      '\\': '\\',
      a: '\x07',
      b: '\b',
      f: '\f',
      v: '\v',
      e: '\x1b',
    }
    if (next === 'c') return {text: out, stop: true}
    if (simple[next] !== undefined) out += simple[next]
    else if (/[0-7]/.test(next)) {
      const digits = /^0?[0-7]{1,3}/.exec(text.slice(i))?.[0] ?? next
      out += String.fromCharCode(parseInt(digits, 8))
      i += digits.length - 1
    } else out += `\\${next}`
  }
  return {text: out, stop: false}
}

/** `printf FORMAT ARGS...`: the format is reused while arguments remain, as POSIX printf does. */
export function formatPrintf(format: string, args: readonly string[]): string {
  let out = ''
  let index = 0
  do {
    let consumed = false
    const body = format.replace(
      /%([-+ #0]*)(\d+|\*)?(?:\.(\d+))?([sdiufFeExXocb%])/g,
      (_, flags: string, width?: string, precision?: string, conversion?: string) => {
        if (conversion === '%') return '%'
        consumed = true
        const arg = args[index++] ?? ''
        let text: string
        switch (conversion) {
          case 'd':
          case 'i':
          case 'u':
            text = String(Math.trunc(Number(arg) || 0))
            break
          case 'f':
          case 'F':
            text = (Number(arg) || 0).toFixed(precision === undefined ? 6 : Number(precision))
            break
          case 'e':
          case 'E':
            text = (Number(arg) || 0)
              .toExponential(precision === undefined ? 6 : Number(precision))
              .replace(/e([+-])(\d)$/, 'e$10$2')
            if (conversion === 'E') text = text.toUpperCase()
            break
          case 'x':
            text = (Math.trunc(Number(arg)) || 0).toString(16)
            break
          case 'X':
            text = (Math.trunc(Number(arg)) || 0).toString(16).toUpperCase()
            break
          case 'o':
            text = (Math.trunc(Number(arg)) || 0).toString(8)
            break
          case 'c':
            text = arg.slice(0, 1)
            break
          case 'b':
            text = unescape(arg).text
            break
          default:
            text = precision === undefined ? arg : arg.slice(0, Number(precision))
        }
        const size = width === undefined || width === '*' ? 0 : Number(width)
        if (flags.includes('-')) return text.padEnd(size)
        return text.padStart(size, flags.includes('0') && conversion !== 's' ? '0' : ' ')
      },
    )
    out += unescape(body).text
    if (!consumed) break
  } while (index < args.length)
  return out
}

/** `sleep`'s argument in ms: `5`, `0.5`, `2m`, `1h`, `1d`; undefined when it is not a duration. */
export function parseSleepMs(arg: string): number | undefined {
  const match = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg)
  if (!match) return undefined
  const unit = {'': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000}[match[2] ?? ''] ?? 1000
  return Math.round(Number(match[1]) * unit)
}
