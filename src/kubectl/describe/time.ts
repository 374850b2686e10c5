import {parseTimestamp} from '../../resources/columns/age.js'

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
// Go's zero time.Time formatted as RFC1123Z: what kubectl prints for an unset timestamp
const ZERO_TIME_RFC1123Z = 'Mon, 01 Jan 0001 00:00:00 +0000'

function pad2(n: number): string {
  return String(n).padStart(2, '0')
}

// Go's -0700: the local zone's offset from UTC at that moment
function zoneOffset(date: Date): string {
  const minutes = -date.getTimezoneOffset()
  const sign = minutes < 0 ? '-' : '+'
  return `${sign}${pad2(Math.trunc(Math.abs(minutes) / 60))}${pad2(Math.abs(minutes) % 60)}`
}

function clock(date: Date): string {
  return `${pad2(date.getHours())}:${pad2(date.getMinutes())}:${pad2(date.getSeconds())}`
}

/**
 * A timestamp as Go's time.RFC1123Z in the local time zone, as kubectl prints times:
 * `Mon, 02 Jan 2006 15:04:05 -0700`.
 */
export function formatRFC1123Z(value: unknown): string {
  const ms = parseTimestamp(value)
  if (ms === undefined) return ZERO_TIME_RFC1123Z
  const date = new Date(ms)
  const day = `${WEEKDAYS[date.getDay()] ?? ''}, ${pad2(date.getDate())} ${MONTHS[date.getMonth()] ?? ''}`
  return `${day} ${String(date.getFullYear()).padStart(4, '0')} ${clock(date)} ${zoneOffset(date)}`
}

// Intl knows a zone's tzdata abbreviation (CET, EST, JST, IST, AEDT) only in some locales
const ABBREVIATION_LOCALES = ['en-US', 'en-GB', 'en-IN', 'en-AU', 'ja-JP']

// Go prints the tzdata abbreviation, or the numeric offset when the zone has none
function zoneAbbreviation(date: Date): string {
  for (const locale of ABBREVIATION_LOCALES) {
    const name = new Intl.DateTimeFormat(locale, {timeZoneName: 'short'})
      .formatToParts(date)
      .find((p) => p.type === 'timeZoneName')?.value
    if (name !== undefined && /^[A-Z]{2,5}$/.test(name)) return name
  }
  const offset = zoneOffset(date)
  return offset.endsWith('00') ? offset.slice(0, 3) : offset
}

/** A timestamp as Go's time.Time.String() in the local zone: `2006-01-02 15:04:05 -0700 MST`. */
export function goTimeString(value: unknown): string {
  const ms = parseTimestamp(value)
  if (ms === undefined) return '0001-01-01 00:00:00 +0000 UTC'
  const date = new Date(ms)
  const day = `${String(date.getFullYear()).padStart(4, '0')}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`
  return `${day} ${clock(date)} ${zoneOffset(date)} ${zoneAbbreviation(date)}`
}
