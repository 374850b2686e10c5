import type {Backend} from '../../backend/backend.js'
import type {KubeObject} from '../../backend/object.js'
import {isStatusError} from '../../backend/status.js'
import {listAll} from '../list-all.js'
import {LEVEL_0, LEVEL_1, type PrefixWriter} from './prefix-writer.js'
import {parseTimestamp, translateTimestampSince} from '../../resources/columns/age.js'

/** The object an event search is about (an ObjectReference as reference.GetReference builds it). */
export interface EventTarget {
  name: string
  /** '' for cluster-scoped objects: events are then searched in every namespace */
  namespace: string
  /** left out of the selector when empty, as kubectl does for pods */
  kind?: string
  uid?: string
}

/** The core/v1 Event fields the Events table reads. */
interface CoreEvent extends KubeObject {
  type?: string
  reason?: string
  message?: string
  count?: number
  firstTimestamp?: string
  lastTimestamp?: string
  eventTime?: string
  series?: {count?: number; lastObservedTime?: string}
  source?: {component?: string}
  reportingComponent?: string
}

/** The events target of a stored object: its kind (the resource's when the object has none), name, namespace and uid. */
export function eventTargetOf(object: KubeObject, resourceKind: string): EventTarget {
  const target: EventTarget = {name: object.metadata.name ?? '', namespace: object.metadata.namespace ?? ''}
  const kind = object.kind || resourceKind
  if (kind) target.kind = kind
  if (object.metadata.uid) target.uid = object.metadata.uid
  return target
}

/**
 * The field selector client-go's EventInterface.GetFieldSelector builds: name and namespace always,
 * kind and uid when known.
 */
export function eventFieldSelector(target: EventTarget): string {
  const terms = [`involvedObject.name=${target.name}`, `involvedObject.namespace=${target.namespace}`]
  if (target.kind) terms.push(`involvedObject.kind=${target.kind}`)
  if (target.uid) terms.push(`involvedObject.uid=${target.uid}`)
  return terms.join(',')
}

/**
 * Lists the core/v1 events about an object, page by page (kubectl: describe.go searchEvents (v1.32)).
 * Throws the API error, as searchEvents returns it.
 */
export async function searchEvents(backend: Backend, target: EventTarget, chunkSize: number): Promise<KubeObject[]> {
  const ref = {group: '', version: 'v1', resource: 'events', ...(target.namespace ? {namespace: target.namespace} : {})}
  return listAll(backend, ref, {fieldSelector: eventFieldSelector(target)}, chunkSize)
}

/** searchEvents for describers that, like kubectl's, show no events rather than fail when the search fails. */
export async function searchEventsQuietly(
  backend: Backend,
  target: EventTarget,
  chunkSize: number,
): Promise<KubeObject[]> {
  try {
    return await searchEvents(backend, target, chunkSize)
  } catch (error) {
    if (isStatusError(error)) return []
    throw error
  }
}

// kubectl: pkg/util/event SortableEvents orders by lastTimestamp only; unset sorts first (v1.32)
function sortTime(event: CoreEvent): number {
  return parseTimestamp(event.lastTimestamp) ?? Number.NEGATIVE_INFINITY
}

function ageColumn(event: CoreEvent, now: number): string {
  const first = event.eventTime
    ? translateTimestampSince(event.eventTime, now)
    : translateTimestampSince(event.firstTimestamp, now)
  if (event.series) {
    const last = translateTimestampSince(event.series.lastObservedTime, now)
    return `${last} (x${event.series.count ?? 0} over ${first})`
  }
  if ((event.count ?? 0) > 1) {
    return `${translateTimestampSince(event.lastTimestamp, now)} (x${event.count ?? 0} over ${first})`
  }
  return first
}

/**
 * The Events section: `Events:  <none>`, or a table aligned on its own.
 * kubectl: pkg/describe/describe.go DescribeEvents (v1.32)
 */
export function describeEvents(events: readonly KubeObject[], w: PrefixWriter, now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n')
    return
  }
  w.flush()
  const sorted = (events as readonly CoreEvent[])
    .map((event, index) => ({event, index, time: sortTime(event)}))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map((entry) => entry.event)
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n')
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n')
  for (const event of sorted) {
    const source = event.source?.component || event.reportingComponent || ''
    const message = (event.message ?? '').trim()
    w.write(LEVEL_1, `${event.type ?? ''}\t${event.reason ?? ''}\t${ageColumn(event, now)}\t${source}\t${message}\n`)
  }
}
