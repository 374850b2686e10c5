import type {IncomingMessage, ServerResponse} from 'node:http'
import type {KubeObject} from '../../../backend/object.js'
import type {ResourceInfo, ResourceRef} from '../../../backend/refs.js'
import type {Table} from '../../../backend/table.js'
import type {WatchEvent} from '../../../backend/watch.js'
import {buildTable} from '../../../resources/columns/index.js'
import {servedColumns} from '../../crd/columns.js'
import {watchChanges} from '../../watch-changes.js'
import {type MetaForm, parseIncludeObject, partialMetadata, withIncludeObject} from '../table-response.js'
import type {ResourceContext, ResourceRoute} from './context.js'
import {listOptions, type WatchQuery} from './query.js'
import {checkResourceVersion} from './resource-version.js'
import {streamSignal, streamTo} from './stream.js'

// kube-apiserver ends a watch without timeoutSeconds after --min-request-timeout (1800s, v1.32)
const DEFAULT_WATCH_TIMEOUT_S = 1800

/** How watch events are written: as objects, or as Tables (kubectl get -w) or metadata, as Accept asks. */
function encoder(ctx: ResourceContext, info: ResourceInfo, form: MetaForm | undefined, query: URLSearchParams) {
  let first = true
  const include = parseIncludeObject(query.get('includeObject'))
  return (event: WatchEvent): string => {
    let object: KubeObject | Table = event.object
    if (event.type !== 'ERROR' && form?.as === 'Table') {
      if (event.type === 'BOOKMARK') {
        // a bookmark becomes an empty Table with the revision reached (handlers/watch.go, v1.32)
        object = {
          kind: 'Table',
          apiVersion: `meta.k8s.io/${form.version}` as Table['apiVersion'],
          metadata: {resourceVersion: event.object.metadata.resourceVersion},
          columnDefinitions: [],
          rows: [],
        }
      } else {
        // a custom resource's rows carry its CRD's printer columns, as its lists do
        const table = buildTable([event.object], servedColumns(ctx.backend.store, info), ctx.backend.clock.now())
        // only the first event carries the column definitions; kubectl keeps the last ones it saw
        const rows = withIncludeObject(table, include, form.version)
        object = first ? rows : {...rows, columnDefinitions: []}
        first = false
      }
    } else if (event.type !== 'ERROR' && form?.as === 'PartialObjectMetadata') {
      object = partialMetadata(event.object, form.version)
    }
    return `${JSON.stringify({type: event.type, object})}\n`
  }
}

async function* lines(events: AsyncIterable<WatchEvent>, encode: (e: WatchEvent) => string): AsyncGenerator<string> {
  for await (const event of events) yield encode(event)
}

/**
 * A watch (`?watch=1` or a `/watch/` path): newline-delimited WatchEvents from a resourceVersion, with
 * bookmarks if allowed, until the client goes away or timeoutSeconds passes.
 */
export async function serveWatch(
  ctx: ResourceContext,
  route: ResourceRoute,
  info: ResourceInfo,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
  watch: WatchQuery,
  form: MetaForm | undefined,
): Promise<void> {
  const options = listOptions(query)
  // a resourceVersion that is no number is refused before the stream starts (cacher.Watch, v1.32)
  checkResourceVersion(options.resourceVersion, {fromStorage: false})
  if (route.name !== undefined) {
    // a watch on one object is a watch on the collection narrowed to its name (apiserver's installer, v1.32)
    options.fieldSelector = [`metadata.name=${route.name}`, options.fieldSelector].filter(Boolean).join(',')
  }
  const ref: ResourceRef = {group: route.group, version: route.version, resource: route.resource}
  if (route.namespace !== undefined) ref.namespace = route.namespace
  const signal = streamSignal(req, res, (watch.timeoutSeconds ?? DEFAULT_WATCH_TIMEOUT_S) * 1000)
  const control: Parameters<typeof watchChanges>[3] = {
    signal,
    bookmarks: watch.allowWatchBookmarks,
    // skiff serve runs the control plane on its own timer and after writes
    settle: false,
  }
  if (watch.sendInitialEvents !== undefined) control.sendInitialEvents = watch.sendInitialEvents
  // bad selectors are plain Status answers, before the response starts (a list checks them as the watch would)
  await ctx.backend.list(ref, {labelSelector: options.labelSelector, fieldSelector: options.fieldSelector, limit: 1})
  const events = watchChanges(ctx.backend, ref, options, control)
  await streamTo(res, lines(events, encoder(ctx, info, form, query)), signal, {contentType: 'application/json'})
}
