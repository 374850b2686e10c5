import {setTimeout as delay} from 'node:timers/promises'
import type {ListOptions} from '../backend/backend.js'
import type {KubeObject} from '../backend/object.js'
import {apiVersionOf, type ResourceInfo, type ResourceRef} from '../backend/refs.js'
import type {WatchEvent} from '../backend/watch.js'
import {convertFieldSelector, fieldsOf, matchesFields, parseFieldSelector} from '../resources/field-selector.js'
import {matchesLabels, parseLabelSelector} from '../resources/label-selector.js'
import type {EmbeddedBackend} from './embedded-backend.js'
import {storeResource} from './storage-key.js'

// How often a watcher looks at the change log for writes by other processes.
const POLL_INTERVAL_MS = 100
// kube-apiserver's watch cache sends a bookmark about once a minute to watchers that allow them (v1.32)
const DEFAULT_BOOKMARK_INTERVAL_MS = 60_000
// the annotation of the bookmark that ends the initial events (metav1.InitialEventsAnnotationKey)
const INITIAL_EVENTS_END = 'k8s.io/initial-events-end'

/** How a watch runs, beyond the list options (the watch query parameters of the API server). */
export interface WatchControl {
  /** ends the watch: the client went away, or timeoutSeconds passed */
  signal?: AbortSignal
  /** allowWatchBookmarks: BOOKMARK events carry the revision the watch has reached */
  bookmarks?: boolean
  /** real milliseconds between bookmarks while nothing else is sent */
  bookmarkIntervalMs?: number
  /** sendInitialEvents: true sends the current objects first (then a bookmark), false never does */
  sendInitialEvents?: boolean
  /** lead the control loop while watching, settling before each look at the change log (off when a server settles it itself) */
  settle?: boolean
}

function expired(revision: number, oldest: number): WatchEvent {
  return {
    type: 'ERROR',
    object: {
      apiVersion: 'v1',
      kind: 'Status',
      metadata: {},
      status: 'Failure',
      reason: 'Expired',
      code: 410,
      message: `too old resource version: ${revision} (${oldest})`,
    },
  }
}

// a bookmark carries only the kind and the revision reached (watch cache's bookmark event, v1.32)
function bookmark(info: ResourceInfo, revision: number, initialEventsEnd = false): WatchEvent {
  const metadata: KubeObject['metadata'] = {resourceVersion: String(revision)}
  if (initialEventsEnd) metadata.annotations = {[INITIAL_EVENTS_END]: 'true'}
  return {type: 'BOOKMARK', object: {apiVersion: apiVersionOf(info), kind: info.kind, metadata}}
}

function keyOf(object: KubeObject): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`
}

/** Sleeps, or returns false when the watch was ended meanwhile. */
async function pause(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return false
  try {
    await delay(ms, undefined, signal ? {signal} : {})
    return true
  } catch (error) {
    if (signal?.aborted) return false
    throw error
  }
}

/**
 * A watch over the change log (kine's shape: rows after a revision, then a live tail). Without a
 * resourceVersion (or with "0") it starts with the current objects as ADDED events, as kube-apiserver does.
 * With selectors, an object that stops matching is sent as DELETED and one that starts matching as ADDED
 * (the watch cache's filtering, v1.32). It ends when `control.signal` aborts.
 */
export async function* watchChanges(
  backend: EmbeddedBackend,
  ref: ResourceRef,
  options: ListOptions,
  control: WatchControl = {},
): AsyncGenerator<WatchEvent> {
  const {signal} = control
  const info = await backend.resolve(ref)
  const labels = options.labelSelector ? parseLabelSelector(options.labelSelector) : undefined
  const fields = options.fieldSelector
    ? convertFieldSelector(info, parseFieldSelector(options.fieldSelector))
    : undefined
  const matches = (object: KubeObject): boolean =>
    (!labels || matchesLabels(labels, object.metadata.labels)) &&
    (!fields || matchesFields(fields, fieldsOf(info.kind, object)))
  const selective = labels !== undefined || fields !== undefined
  const fromNow =
    options.resourceVersion === undefined || options.resourceVersion === '' || options.resourceVersion === '0'
  const initialEvents = control.sendInitialEvents ?? fromNow
  let revision: number
  // the keys this watcher has shown as matching, so a change that leaves the selection is a DELETED
  const shown = new Set<string>()
  if (fromNow || initialEvents) {
    const list = await backend.list(ref, {labelSelector: options.labelSelector, fieldSelector: options.fieldSelector})
    revision = Number(list.metadata.resourceVersion)
    for (const object of list.items) {
      shown.add(keyOf(object))
      if (initialEvents) yield {type: 'ADDED', object}
    }
    if (control.sendInitialEvents && control.bookmarks) yield bookmark(info, revision, true)
  } else {
    revision = Number(options.resourceVersion)
    if (selective) for (const object of (await backend.list(ref, options)).items) shown.add(keyOf(object))
  }
  const resource = storeResource(info)
  const bookmarkEvery = control.bookmarkIntervalMs ?? DEFAULT_BOOKMARK_INTERVAL_MS
  let quietMs = 0
  while (!signal?.aborted) {
    if (control.settle !== false) await backend.settle({lead: true})
    const oldest = backend.store.oldestRetainedRevision()
    if (revision < oldest - 1) {
      yield expired(revision, oldest)
      return
    }
    const changes = backend.store.changesAfter(revision)
    let sent = false
    for (const change of changes) {
      revision = change.revision
      if (change.resource !== resource) continue
      if (info.namespaced && ref.namespace !== undefined && change.namespace !== ref.namespace) continue
      const event = filtered(change.type, change.object)
      if (event) {
        sent = true
        yield event
      }
    }
    if (sent) quietMs = 0
    if (changes.length > 0) continue
    if (!(await pause(POLL_INTERVAL_MS, signal))) return
    quietMs += POLL_INTERVAL_MS
    if (control.bookmarks && quietMs >= bookmarkEvery) {
      quietMs = 0
      yield bookmark(info, revision)
    }
  }

  function filtered(type: 'ADDED' | 'MODIFIED' | 'DELETED', object: KubeObject): WatchEvent | undefined {
    if (!selective) return {type, object}
    const key = keyOf(object)
    const was = shown.has(key)
    const now = type !== 'DELETED' && matches(object)
    if (now) shown.add(key)
    else shown.delete(key)
    if (type === 'DELETED') return was || matches(object) ? {type, object} : undefined
    if (now && !was) return {type: 'ADDED', object}
    if (!now && was) return {type: 'DELETED', object}
    return now ? {type, object} : undefined
  }
}
