// CronJob schedules as github.com/robfig/cron/v3 ParseStandard reads them (what kube-apiserver
// v1.32 validates with): five fields or a descriptor, with robfig's error wording, which the
// API server passes through as the field error detail.
import {GoDurationError, parseGoDurationMs} from '../../resources/go-duration.js'
import {goQuote} from '../../resources/go-format.js'

/** The values each field allows, after expanding ranges, steps and names. */
export interface CronFields {
  minute: ReadonlySet<number>
  hour: ReadonlySet<number>
  dayOfMonth: ReadonlySet<number>
  month: ReadonlySet<number>
  dayOfWeek: ReadonlySet<number>
  /** robfig's star bit: a `*`/`?` day field means "any day", which changes how dom and dow combine */
  dayOfMonthStar: boolean
  dayOfWeekStar: boolean
}

/** A parsed schedule: field sets, or a fixed interval for `@every`. */
export type CronSchedule = {kind: 'fields'; timeZone?: string; fields: CronFields} | {kind: 'every'; seconds: number}

/** Thrown for an invalid schedule; the message is robfig/cron's. */
export class CronScheduleError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CronScheduleError'
  }
}

interface Bounds {
  min: number
  max: number
  names?: Readonly<Record<string, number>>
}

const MINUTES: Bounds = {min: 0, max: 59}
const HOURS: Bounds = {min: 0, max: 23}
const DAYS_OF_MONTH: Bounds = {min: 1, max: 31}
const MONTHS: Bounds = {
  min: 1,
  max: 12,
  names: {jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12},
}
const DAYS_OF_WEEK: Bounds = {min: 0, max: 6, names: {sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6}}

// strconv.Atoi as robfig calls it: optional sign, decimal digits, int64 range.
function atoi(expr: string): number {
  if (!/^[+-]?[0-9]+$/.test(expr)) {
    throw new CronScheduleError(
      `failed to parse int from ${expr}: strconv.Atoi: parsing ${goQuote(expr)}: invalid syntax`,
    )
  }
  const value = BigInt(expr)
  if (value > 9223372036854775807n || value < -9223372036854775808n) {
    throw new CronScheduleError(
      `failed to parse int from ${expr}: strconv.Atoi: parsing ${goQuote(expr)}: value out of range`,
    )
  }
  return Number(value)
}

function mustParseInt(expr: string): number {
  const value = atoi(expr)
  if (value < 0) throw new CronScheduleError(`negative number (${value}) not allowed: ${expr}`)
  return value
}

function parseIntOrName(expr: string, bounds: Bounds): number {
  const named = bounds.names?.[expr.toLowerCase()]
  return named ?? mustParseInt(expr)
}

function parseRange(expr: string, bounds: Bounds, into: Set<number>): boolean {
  const rangeAndStep = expr.split('/')
  const lowAndHigh = (rangeAndStep[0] ?? '').split('-')
  const low = lowAndHigh[0] ?? ''
  let start: number
  let end: number
  let star = false
  if (low === '*' || low === '?') {
    start = bounds.min
    end = bounds.max
    star = true
  } else {
    start = parseIntOrName(low, bounds)
    if (lowAndHigh.length === 1) end = start
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1] ?? '', bounds)
    else throw new CronScheduleError(`too many hyphens: ${expr}`)
  }
  let step = 1
  if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1] ?? '')
    // "N/step" means "N-max/step"
    if (lowAndHigh.length === 1) end = bounds.max
    if (step > 1) star = false
  } else if (rangeAndStep.length > 2) {
    throw new CronScheduleError(`too many slashes: ${expr}`)
  }
  if (start < bounds.min)
    throw new CronScheduleError(`beginning of range (${start}) below minimum (${bounds.min}): ${expr}`)
  if (end > bounds.max) throw new CronScheduleError(`end of range (${end}) above maximum (${bounds.max}): ${expr}`)
  if (start > end) throw new CronScheduleError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`)
  if (step === 0) throw new CronScheduleError(`step of range should be a positive number: ${expr}`)
  for (let value = start; value <= end; value += step) into.add(value)
  return star
}

function parseField(field: string, bounds: Bounds): {values: Set<number>; star: boolean} {
  const values = new Set<number>()
  let star = false
  // strings.FieldsFunc on ',' drops empty pieces
  for (const expr of field.split(',').filter((piece) => piece.length > 0)) {
    star = parseRange(expr, bounds, values) || star
  }
  return {values, star}
}

function parseDescriptor(descriptor: string): CronSchedule {
  const all = (bounds: Bounds): Set<number> => {
    const values = new Set<number>()
    for (let v = bounds.min; v <= bounds.max; v++) values.add(v)
    return values
  }
  const fields = (
    minute: number[],
    hour: number[] | 'all',
    dom: number[] | 'all',
    month: number[] | 'all',
    dow: number[] | 'all',
  ): CronSchedule => ({
    kind: 'fields',
    fields: {
      minute: new Set(minute),
      hour: hour === 'all' ? all(HOURS) : new Set(hour),
      dayOfMonth: dom === 'all' ? all(DAYS_OF_MONTH) : new Set(dom),
      month: month === 'all' ? all(MONTHS) : new Set(month),
      dayOfWeek: dow === 'all' ? all(DAYS_OF_WEEK) : new Set(dow),
      dayOfMonthStar: dom === 'all',
      dayOfWeekStar: dow === 'all',
    },
  })
  switch (descriptor) {
    case '@yearly':
    case '@annually':
      return fields([0], [0], [1], [1], 'all')
    case '@monthly':
      return fields([0], [0], [1], 'all', 'all')
    case '@weekly':
      return fields([0], [0], 'all', 'all', [0])
    case '@daily':
    case '@midnight':
      return fields([0], [0], 'all', 'all', 'all')
    case '@hourly':
      return fields([0], 'all', 'all', 'all', 'all')
  }
  const every = '@every '
  if (descriptor.startsWith(every)) {
    let seconds: number
    try {
      seconds = parseGoDurationMs(descriptor.slice(every.length)) / 1000
    } catch (error) {
      if (error instanceof GoDurationError)
        throw new CronScheduleError(`failed to parse duration ${descriptor}: ${error.message}`)
      throw error
    }
    // robfig rounds intervals under a second up to one second
    return {kind: 'every', seconds: Math.max(1, Math.floor(seconds))}
  }
  throw new CronScheduleError(`unrecognized descriptor: ${descriptor}`)
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', {timeZone: name})
    return true
  } catch (error) {
    if (error instanceof RangeError) return false
    throw error
  }
}

/** cron.ParseStandard: throws CronScheduleError with robfig's message when the spec is invalid. */
export function parseCronSchedule(spec: string): CronSchedule {
  if (spec.length === 0) throw new CronScheduleError('empty spec string')
  let rest = spec
  let timeZone: string | undefined
  if (rest.startsWith('TZ=') || rest.startsWith('CRON_TZ=')) {
    const space = rest.indexOf(' ')
    const name = rest.slice(rest.indexOf('=') + 1, space < 0 ? undefined : space)
    if (space < 0 || !isTimeZone(name))
      throw new CronScheduleError(`provided bad location ${name}: unknown time zone ${name}`)
    timeZone = name
    rest = rest.slice(space).trim()
  }
  if (rest.startsWith('@')) return parseDescriptor(rest)
  const fields = rest.split(/\s+/).filter((f) => f.length > 0)
  if (fields.length !== 5) {
    throw new CronScheduleError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`)
  }
  const [minute, hour, dom, month, dow] = fields as [string, string, string, string, string]
  // robfig reports the first failing field in this order
  const parsedMinute = parseField(minute, MINUTES)
  const parsedHour = parseField(hour, HOURS)
  const parsedDom = parseField(dom, DAYS_OF_MONTH)
  const parsedMonth = parseField(month, MONTHS)
  const parsedDow = parseField(dow, DAYS_OF_WEEK)
  const parsed: CronFields = {
    minute: parsedMinute.values,
    hour: parsedHour.values,
    dayOfMonth: parsedDom.values,
    month: parsedMonth.values,
    dayOfWeek: parsedDow.values,
    dayOfMonthStar: parsedDom.star,
    dayOfWeekStar: parsedDow.star,
  }
  return timeZone === undefined ? {kind: 'fields', fields: parsed} : {kind: 'fields', timeZone, fields: parsed}
}

/** The robfig error for a schedule, or undefined when it parses. */
export function cronScheduleError(spec: string): string | undefined {
  try {
    parseCronSchedule(spec)
    return undefined
  } catch (error) {
    if (error instanceof CronScheduleError) return error.message
    throw error
  }
}
