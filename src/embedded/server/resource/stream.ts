import type {IncomingMessage, ServerResponse} from 'node:http'
import {deadlineAfter} from '../deadline.js'

/** How a streamed response runs. */
export interface StreamOptions {
  contentType: string
  /** the request's timeoutSeconds, in ms: the stream ends cleanly then */
  timeoutMs?: number
}

/**
 * A signal that aborts when the client goes away or the timeout passes, so a watch or a followed log stops
 * working for nobody (kube-apiserver ends a watch on the request context's Done, v1.32).
 */
export function streamSignal(req: IncomingMessage, res: ServerResponse, timeoutMs?: number): AbortSignal {
  const gone = new AbortController()
  const abort = (): void => gone.abort()
  // 'close' on the response fires when the socket closes before or after the end
  res.once('close', abort)
  req.once('aborted', abort)
  if (timeoutMs === undefined) return gone.signal
  const deadline = deadlineAfter(timeoutMs)
  res.once('close', deadline.clear)
  return AbortSignal.any([gone.signal, deadline.signal])
}

/**
 * Writes what a source yields as one chunked response, flushing each piece. The headers go out at once
 * (a watch's client is told it is connected before anything changes). Ends when the source ends or the
 * signal aborts; the source is told to return so its generator can clean up.
 */
export async function streamTo(
  res: ServerResponse,
  source: AsyncIterable<string>,
  signal: AbortSignal,
  options: StreamOptions,
): Promise<void> {
  res.writeHead(200, {
    'Content-Type': options.contentType,
    'Transfer-Encoding': 'chunked',
    'Cache-Control': 'no-cache, private',
  })
  res.flushHeaders()
  const iterator = source[Symbol.asyncIterator]()
  try {
    while (!signal.aborted) {
      const next = await iterator.next()
      if (next.done || signal.aborted) break
      res.write(next.value)
    }
  } finally {
    await iterator.return?.()
    if (!res.writableEnded) res.end()
  }
}
