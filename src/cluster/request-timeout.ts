import {GoDurationError, parseGoDurationMs} from '../resources/go-duration.js'

/**
 * `--request-timeout` as kubectl reads it (cli-runtime genericclioptions, v1.32): a bare integer is seconds,
 * otherwise a Go duration; 0 (the default) means no timeout. Returns milliseconds, undefined for none.
 */
export function parseRequestTimeoutMs(text: string | undefined): number | undefined {
  if (text === undefined || text === '' || text === '0') return undefined
  let ms: number
  if (/^\d+$/.test(text)) ms = Number(text) * 1000
  else {
    try {
      ms = parseGoDurationMs(text)
    } catch (error) {
      if (!(error instanceof GoDurationError)) throw error
      throw new Error(
        'Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)',
      )
    }
  }
  return ms > 0 ? ms : undefined
}
