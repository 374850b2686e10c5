import type {Readable} from 'node:stream'

/**
 * The lines of a streaming response as they arrive (a watch's JSON events, a followed log), without their
 * newline; a last line without one is yielded when the stream ends.
 */
export async function* readLines(stream: Readable): AsyncIterable<string> {
  let pending = ''
  for await (const chunk of stream) {
    pending += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8')
    let newline = pending.indexOf('\n')
    while (newline >= 0) {
      yield pending.slice(0, newline)
      pending = pending.slice(newline + 1)
      newline = pending.indexOf('\n')
    }
  }
  if (pending !== '') yield pending
}
