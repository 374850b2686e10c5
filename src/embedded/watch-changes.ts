import {setTimeout as delay} from 'node:timers/promises'
import type {ListOptions} from '../backend/backend.js'
import type {ResourceRef} from '../backend/refs.js'
import type {WatchEvent} from '../backend/watch.js'
import {convertFieldSelector, fieldsOf, matchesFields, parseFieldSelector} from '../resources/field-selector.js'
import {matchesLabels, parseLabelSelector} from '../resources/label-selector.js'
import type {EmbeddedBackend} from './embedded-backend.js'
import {storeResource} from './storage-key.js'

// How often a watcher looks at the change log for writes by other processes.
const POLL_INTERVAL_MS = 100

/**
 * A watch over the change log (kine's shape: rows after a revision, then a live tail). Without a
 * resourceVersion it starts with the current objects as ADDED events, as kube-apiserver does.
 */
export async function* watchChanges(
  backend: EmbeddedBackend,
  ref: ResourceRef,
  options: ListOptions,
): AsyncGenerator<WatchEvent> {
  const info = await backend.resolve(ref)
  const labels = options.labelSelector ? parseLabelSelector(options.labelSelector) : undefined
  const fields = options.fieldSelector
    ? convertFieldSelector(info, parseFieldSelector(options.fieldSelector))
    : undefined
  let revision: number
  if (options.resourceVersion === undefined || options.resourceVersion === '' || options.resourceVersion === '0') {
    const list = await backend.list(ref, {labelSelector: options.labelSelector, fieldSelector: options.fieldSelector})
    revision = Number(list.metadata.resourceVersion)
    for (const object of list.items) yield {type: 'ADDED', object}
  } else {
    revision = Number(options.resourceVersion)
  }
  const resource = storeResource(info)
  for (;;) {
    await backend.settle()
    if (revision < backend.store.oldestRetainedRevision() - 1) {
      yield {
        type: 'ERROR',
        object: {
          apiVersion: 'v1',
          kind: 'Status',
          metadata: {},
          status: 'Failure',
          reason: 'Expired',
          code: 410,
          message: `too old resource version: ${revision} (${backend.store.oldestRetainedRevision()})`,
        },
      }
      return
    }
    const changes = backend.store.changesAfter(revision)
    for (const change of changes) {
      revision = change.revision
      if (change.resource !== resource) continue
      if (info.namespaced && ref.namespace !== undefined && change.namespace !== ref.namespace) continue
      if (labels && !matchesLabels(labels, change.object.metadata.labels)) continue
      if (fields && !matchesFields(fields, fieldsOf(info.kind, change.object))) continue
      yield {type: change.type, object: change.object}
    }
    if (changes.length === 0) await delay(POLL_INTERVAL_MS)
  }
}
