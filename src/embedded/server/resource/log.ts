import type {IncomingMessage, ServerResponse} from 'node:http'
import {readPodLogs} from '../../kubelet/logs.js'
import type {ResourceContext, ResourceRoute} from './context.js'
import {logOptions} from './query.js'
import {streamSignal, streamTo} from './stream.js'

/**
 * GET pods/{name}/log: the container's lines as text/plain; with follow, a chunked stream that grows as
 * the cluster's clock moves, until the container ends, the pod goes or the client disconnects.
 */
export async function serveLog(
  ctx: ResourceContext,
  route: ResourceRoute,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
): Promise<void> {
  const options = logOptions(query)
  const namespace = route.namespace ?? 'default'
  const name = route.name ?? ''
  if (!options.follow) {
    // a plain read is one answer, so errors found while reading are still Status answers
    let text = ''
    for await (const line of readPodLogs(ctx.backend, name, namespace, options)) text += line
    res.writeHead(200, {'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(text)})
    res.end(text)
    return
  }
  // the container is checked (and its errors answered as Status) before the stream starts
  for await (const _ of readPodLogs(ctx.backend, name, namespace, {...options, follow: false, tailLines: 0})) break
  const signal = streamSignal(req, res)
  await streamTo(res, readPodLogs(ctx.backend, name, namespace, options, signal), signal, {contentType: 'text/plain'})
}
