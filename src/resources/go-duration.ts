// Go's time.ParseDuration (v1.23, which builds kubectl v1.32): `300ms`, `1.5h`, `2h45m`, `-1m`, with Go's
// error wording, which kubectl's duration flags and robfig/cron's `@every` descriptor pass through.
import {goQuote} from './go-format.js'

/** A duration time.ParseDuration rejects; the message is Go's. */
export class GoDurationError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'GoDurationError'
  }
}

const UNIT_MS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3, // U+00B5 micro sign
  μs: 1e-3, // U+03BC Greek mu
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
}

/** time.ParseDuration, in milliseconds; throws GoDurationError with Go's message. */
export function parseGoDurationMs(text: string): number {
  const invalidDuration = (): GoDurationError => new GoDurationError(`time: invalid duration ${goQuote(text)}`)
  let rest = text
  let negative = false
  if (rest.startsWith('-') || rest.startsWith('+')) {
    negative = rest.startsWith('-')
    rest = rest.slice(1)
  }
  if (rest === '0') return 0
  if (rest === '') throw invalidDuration()
  let total = 0
  while (rest !== '') {
    const number = /^([0-9]*)(\.([0-9]*))?/.exec(rest)
    const whole = number?.[1] ?? ''
    const fraction = number?.[3]
    if (!/^[0-9.]/.test(rest) || (whole === '' && (fraction === undefined || fraction === ''))) throw invalidDuration()
    rest = rest.slice(number?.[0].length ?? 0)
    const unit = /^[^0-9.]*/.exec(rest)?.[0] ?? ''
    if (unit === '') throw new GoDurationError(`time: missing unit in duration ${goQuote(text)}`)
    const scale = UNIT_MS[unit]
    if (scale === undefined)
      throw new GoDurationError(`time: unknown unit ${goQuote(unit)} in duration ${goQuote(text)}`)
    rest = rest.slice(unit.length)
    total += Number(`${whole || '0'}.${fraction ?? ''}0`) * scale
  }
  return negative ? -total : total
}
