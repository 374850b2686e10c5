// Go's time.Parse (v1.23, time/format.go) for the two layouts of metav1.Time and MicroTime, for its error: the
// API server refuses a body whose timestamp does not parse with Go's words, e.g.
// `parsing time "tomorrow" as "2006-01-02T15:04:05Z07:00": cannot parse "tomorrow" as "2006"`.
import {RFC3339, RFC3339_MICRO} from './go-type.js'

// the chunks of a layout: literal text, then the element it precedes (Go's nextStdChunk)
type Element = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'micros' | 'zone'
const LAYOUTS: Readonly<Record<string, ReadonlyArray<readonly [prefix: string, element: Element, text: string]>>> = {
  [RFC3339]: [
    ['', 'year', '2006'],
    ['-', 'month', '01'],
    ['-', 'day', '02'],
    ['T', 'hour', '15'],
    [':', 'minute', '04'],
    [':', 'second', '05'],
    ['', 'zone', 'Z07:00'],
  ],
  [RFC3339_MICRO]: [
    ['', 'year', '2006'],
    ['-', 'month', '01'],
    ['-', 'day', '02'],
    ['T', 'hour', '15'],
    [':', 'minute', '04'],
    [':', 'second', '05'],
    ['', 'micros', '.000000'],
    ['', 'zone', 'Z07:00'],
  ],
}

const isDigit = (text: string, i: number): boolean => i < text.length && text[i]! >= '0' && text[i]! <= '9'

// time's own quote: ASCII as is (quotes and backslashes escaped), every other byte as \x..
function quote(text: string): string {
  let out = '"'
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    if (code >= 0x80 || code < 0x20) {
      for (const byte of Buffer.from(char, 'utf8')) out += `\\x${byte.toString(16).padStart(2, '0')}`
    } else {
      out += char === '"' || char === '\\' ? `\\${char}` : char
    }
  }
  return `${out}"`
}

// getnum: one or two digits (exactly two when fixed)
function getnum(text: string, fixed: boolean): [number, string] | undefined {
  if (!isDigit(text, 0)) return undefined
  if (!isDigit(text, 1)) return fixed ? undefined : [Number(text[0]), text.slice(1)]
  return [Number(text.slice(0, 2)), text.slice(2)]
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

interface Parsed {
  rest: string
  range?: string
}

// One element of the value; undefined when it does not parse (Go's errBad).
function parseElement(
  element: Element,
  value: string,
  next: Element | undefined,
  fields: Map<Element, number>,
): Parsed | undefined {
  switch (element) {
    case 'year': {
      if (value.length < 4 || !isDigit(value, 0) || !/^\d{4}$/.test(value.slice(0, 4))) return undefined
      fields.set('year', Number(value.slice(0, 4)))
      return {rest: value.slice(4)}
    }
    case 'month':
    case 'day':
    case 'minute': {
      const got = getnum(value, true)
      if (!got) return undefined
      fields.set(element, got[0])
      if (element === 'month' && (got[0] <= 0 || got[0] > 12)) return {rest: got[1], range: 'month'}
      if (element === 'minute' && got[0] >= 60) return {rest: got[1], range: 'minute'}
      return {rest: got[1]}
    }
    case 'hour': {
      const got = getnum(value, false)
      if (!got) return undefined
      return got[0] >= 24 ? {rest: got[1], range: 'hour'} : {rest: got[1]}
    }
    case 'second': {
      const got = getnum(value, true)
      if (!got) return undefined
      if (got[0] >= 60) return {rest: got[1], range: 'second'}
      let rest = got[1]
      // a fraction the layout does not name is read anyway (Go's stdSecond special case)
      if (next !== 'micros' && rest.length >= 2 && (rest[0] === '.' || rest[0] === ',') && isDigit(rest, 1)) {
        let n = 2
        while (isDigit(rest, n)) n++
        rest = rest.slice(n)
      }
      return {rest}
    }
    case 'micros': {
      if (value.length < 7 || (value[0] !== '.' && value[0] !== ',') || !/^\d{6}$/.test(value.slice(1, 7)))
        return undefined
      return {rest: value.slice(7)}
    }
    case 'zone': {
      if (value.startsWith('Z')) return {rest: value.slice(1)}
      if (value.length < 6 || value[3] !== ':') return undefined
      const rest = value.slice(6)
      // Go reads the hour, then the minutes if the hour read, and checks the ranges before the sign
      const hours = /^\d\d$/.test(value.slice(1, 3)) ? Number(value.slice(1, 3)) : undefined
      const minutes = hours !== undefined && /^\d\d$/.test(value.slice(4, 6)) ? Number(value.slice(4, 6)) : undefined
      if ((minutes ?? 0) > 60) return {rest, range: 'time zone offset minute'}
      if ((hours ?? 0) > 24) return {rest, range: 'time zone offset hour'}
      if (minutes === undefined || (value[0] !== '+' && value[0] !== '-')) return undefined
      return {rest}
    }
  }
}

// what a well-formed timestamp of each layout looks like: most are, and a regular expression is cheaper than the
// chunk-by-chunk parse that finds Go's words for the others
const WELL_FORMED: Readonly<Record<string, RegExp>> = {
  [RFC3339]: /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:[.,]\d+)?(?:Z|[+-](\d\d):(\d\d))$/,
  [RFC3339_MICRO]: /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)[.,]\d{6}(?:Z|[+-](\d\d):(\d\d))$/,
}

function isWellFormed(layout: string, value: string): boolean {
  const match = WELL_FORMED[layout]?.exec(value)
  if (!match) return false
  const [year, month, day, hour, minute, second, zoneHours, zoneMinutes] = match.slice(1).map(Number)
  if (month === undefined || month < 1 || month > 12 || day === undefined || day < 1) return false
  if (day > daysIn(month, year ?? 0) || (hour ?? 0) >= 24 || (minute ?? 0) >= 60 || (second ?? 0) >= 60) return false
  // an offset of 24 hours or 60 minutes is allowed, as Go allows it
  return !((zoneHours ?? 0) > 24 || (zoneMinutes ?? 0) > 60)
}

/** The error time.Parse(layout, value) returns, or undefined when the value parses. */
export function goTimeParseError(layout: string, value: string): string | undefined {
  if (isWellFormed(layout, value)) return undefined
  const chunks = LAYOUTS[layout]
  if (chunks === undefined) throw new Error(`unsupported time layout ${layout}`)
  const cannotParse = (valueElem: string, layoutElem: string): string =>
    `parsing time ${quote(value)} as ${quote(layout)}: cannot parse ${quote(valueElem)} as ${quote(layoutElem)}`
  const fields = new Map<Element, number>()
  let rest = value
  for (const [i, [prefix, element, text]] of chunks.entries()) {
    // the prefixes are one character: skip() stops at the first, and Go reports the whole prefix
    if (!rest.startsWith(prefix)) return cannotParse(rest, prefix)
    rest = rest.slice(prefix.length)
    const parsed = parseElement(element, rest, chunks[i + 1]?.[1], fields)
    if (parsed?.range !== undefined) return `parsing time ${quote(value)}: ${parsed.range} out of range`
    if (parsed === undefined) return cannotParse(rest, text)
    rest = parsed.rest
  }
  if (rest !== '') return `parsing time ${quote(value)}: extra text: ${quote(rest)}`
  const day = fields.get('day') ?? 1
  if (day < 1 || day > daysIn(fields.get('month') ?? 1, fields.get('year') ?? 0)) {
    return `parsing time ${quote(value)}: day out of range`
  }
  return undefined
}
